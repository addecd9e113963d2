import DataLoader from 'dataloader';
import type { CommvaultSource } from '../datasources/commvault/commvault-source.js';
import type { PrincipalSources } from '../datasources/registry.js';

/** Every loader key names the upstream instance its object lives in. */
export interface InstanceKey {
  instanceId: string;
}

/** One instance's share of a batch: answer each key, in order, with a value or an Error. */
export type InstanceBatch<K extends InstanceKey, V> = (
  source: CommvaultSource,
  keys: readonly K[],
) => Promise<ReadonlyArray<V | Error>>;

/**
 * A per-request DataLoader over Commvault objects. The batch is split by instance, each instance's
 * keys are answered with one cheap upstream form (usually the cached full list), and the answers are
 * put back in key order. An instance that fails (or that the caller may not use) turns into an Error
 * for its keys only: one bad key never fails the others.
 */
export function instanceLoader<K extends InstanceKey, V>(
  sources: PrincipalSources,
  cacheKey: (key: K) => string,
  batch: InstanceBatch<K, V>,
): DataLoader<K, V, string> {
  return groupedLoader((instanceId) => sources.commvault(instanceId), cacheKey, batch);
}

/**
 * The loader behind `instanceLoader`, for any kind of source: `pick` turns an instance id into the
 * caller's source for it (and throws for one the caller may not use, failing only that instance's keys).
 */
export function groupedLoader<S, K extends InstanceKey, V>(
  pick: (instanceId: string) => S,
  cacheKey: (key: K) => string,
  batch: (source: S, keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, number[]>();
      keys.forEach((k, i) => {
        const positions = groups.get(k.instanceId) ?? [];
        positions.push(i);
        groups.set(k.instanceId, positions);
      });
      const out = new Array<V | Error>(keys.length);
      await Promise.all(
        [...groups].map(async ([instanceId, positions]) => {
          const own = positions.map((i) => keys[i]);
          let answers: ReadonlyArray<V | Error>;
          try {
            answers = await batch(pick(instanceId), own);
          } catch (error) {
            const e = error instanceof Error ? error : new Error(String(error));
            answers = own.map(() => e);
          }
          positions.forEach((p, j) => {
            // `null` is a valid answer (no such object); only a missing slot is a bug.
            out[p] = j < answers.length ? (answers[j] as V | Error) : new Error('loader answered fewer values than keys');
          });
        }),
      );
      return out;
    },
    { cacheKeyFn: (k) => `${k.instanceId}\u0000${cacheKey(k)}` },
  );
}

/** Answers keys from one list call: the list is indexed once, each key looks itself up (null if absent). */
export function fromList<K extends InstanceKey, T>(
  list: (source: CommvaultSource) => Promise<readonly T[]>,
  idOfItem: (item: T) => number,
  idOfKey: (key: K) => number,
): InstanceBatch<K, T | null> {
  return async (source, keys) => {
    const byId = new Map((await list(source)).map((item) => [idOfItem(item), item]));
    return keys.map((k) => byId.get(idOfKey(k)) ?? null);
  };
}

/** Answers each key with its own call (details endpoints); a failing key becomes that key's Error. */
export function eachKey<K extends InstanceKey, V>(
  load: (source: CommvaultSource, key: K) => Promise<V>,
): InstanceBatch<K, V> {
  return (source, keys) =>
    Promise.all(keys.map((k) => load(source, k).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
}
