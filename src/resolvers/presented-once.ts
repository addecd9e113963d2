import type { Upstream } from '../schema/unified/upstream.type.js';

const byRecord = new WeakMap<object, Map<string, { upstream: Upstream }>>();

/**
 * Presents an upstream record once, however many requests show it. Records a source returns from a
 * cached answer are frozen and shared (MappedOnce), so the schema object built from one — global id
 * and all — can be kept beside it (a WeakMap: it goes when the cached answer goes) and is frozen too.
 * Building 500 objects per warm dashboard page was, with the garbage they left, a fifth of the
 * gateway's own cost (docs/performance.md). A record belongs to one upstream instance; a presentation
 * for another instance (never expected) is built afresh, not shared.
 */
export function presentedOnce<T extends { upstream: Upstream }>(kind: string, up: Upstream, record: object, build: () => T): T {
  let byKind = byRecord.get(record);
  const hit = byKind?.get(kind);
  if (hit && hit.upstream.id === up.id && hit.upstream.kind === up.kind) return hit as T;
  const presented = Object.freeze(build());
  if (!byKind) byRecord.set(record, (byKind = new Map()));
  byKind.set(kind, presented);
  return presented;
}
