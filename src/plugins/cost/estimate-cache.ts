import type { DocumentNode } from 'graphql';

/** Estimates kept per document: enough for the variables one screen sends; paging cursors soon fill it, and then it starts over. */
const MAX_ESTIMATES_PER_DOCUMENT = 64;
/** Job windows given relative to now move with the clock: an estimate stands for the minute it was made in. */
const TIME_BUCKET_MS = 60_000;

/**
 * Estimates by document and by everything else an estimate reads (operation, variables, the caller's
 * upstreams, the minute). Apollo hands every request of one query text the same parsed document, so a
 * repeated request (the dashboard's) costs a lookup instead of a walk of its selections (~20 µs).
 */
export class EstimateCache<T = number> {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, T>>();

  estimate(
    document: DocumentNode,
    parts: { operationName?: string | null; variables?: Readonly<Record<string, unknown>>; upstreamKey: string; now: number },
    compute: () => T,
  ): T {
    const key = [parts.operationName ?? '', Math.floor(parts.now / TIME_BUCKET_MS), parts.upstreamKey, JSON.stringify(parts.variables ?? {})].join('\u0000');
    let estimates = this.byDocument.get(document);
    if (!estimates) this.byDocument.set(document, (estimates = new Map()));
    let cost = estimates.get(key);
    if (cost === undefined) {
      if (estimates.size >= MAX_ESTIMATES_PER_DOCUMENT) estimates.clear();
      estimates.set(key, (cost = compute()));
    }
    return cost;
  }
}
