import type DataLoader from 'dataloader';
import type { BdrIdKey } from '../../datasources/backupdr/loaders.js';
import type { UpstreamRef } from '../../datasources/record.js';

/**
 * One related console object through a request loader (so a page's relations batch into one id-union
 * call); null when the reference is absent or the console does not show the object to this caller.
 */
export async function related<T>(
  loader: DataLoader<BdrIdKey, T | null, string>,
  up: UpstreamRef,
  id: string | null | undefined,
): Promise<T | null> {
  if (!id) return null;
  return loader.load({ instanceId: up.id, id });
}

/** Several related objects, in reference order; the ones the console does not show are left out. */
export async function relatedMany<T>(
  loader: DataLoader<BdrIdKey, T | null, string>,
  up: UpstreamRef,
  ids: readonly string[],
): Promise<T[]> {
  const values = await loader.loadMany(ids.map((id) => ({ instanceId: up.id, id })));
  const out: T[] = [];
  for (const v of values) {
    if (v instanceof Error) throw v;
    if (v !== null) out.push(v);
  }
  return out;
}
