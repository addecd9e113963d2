import type DataLoader from 'dataloader';
import type { BdrIdKey } from '../../datasources/backupdr/loaders.js';
import type { Upstream } from '../../schema/unified/upstream.type.js';

/**
 * One related console object through a request loader (so a page's relations batch into one id-union
 * call); null when the reference is absent or the console does not show the object to this caller.
 */
export async function related<T, N>(
  loader: DataLoader<BdrIdKey, T | null, string>,
  up: Upstream,
  id: string | null | undefined,
  present: (up: Upstream, value: T) => N,
): Promise<N | null> {
  if (!id) return null;
  const value = await loader.load({ instanceId: up.id, id });
  return value === null ? null : present(up, value);
}

/** Several related objects, in reference order; the ones the console does not show are left out. */
export async function relatedMany<T, N>(
  loader: DataLoader<BdrIdKey, T | null, string>,
  up: Upstream,
  ids: readonly string[],
  present: (up: Upstream, value: T) => N,
): Promise<N[]> {
  const values = await loader.loadMany(ids.map((id) => ({ instanceId: up.id, id })));
  const out: N[] = [];
  for (const v of values) {
    if (v instanceof Error) throw v;
    if (v !== null) out.push(present(up, v));
  }
  return out;
}
