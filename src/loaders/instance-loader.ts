import { isSharedAnswer } from '../datasources/pipeline/freeze.js';
import DataLoader from 'dataloader';

/** A per-request loader of objects by key, its cache keyed by a string made of the key. */
export type KeyedLoader<K, V> = DataLoader<K, V, string>;

/** Every loader key names the upstream instance its object lives in. */
export interface InstanceKey {
  instanceId: string;
}

/** One instance's share of a batch: answer each key, in order, with a value or an Error. */
export type InstanceBatch<S, K extends InstanceKey, V> = (source: S, keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>;

/**
 * A per-request DataLoader over one product's objects. The batch is split by instance, each instance's
 * keys are answered with one cheap upstream form (a cached full list, an id union), and the answers are
 * put back in key order. `pick` turns an instance id into the caller's source for it; an instance that
 * fails (or that the caller may not use) turns into an Error for its keys only: one bad key never fails
 * the others.
 */
export function groupedLoader<S, K extends InstanceKey, V>(
  pick: (instanceId: string) => S,
  cacheKey: (key: K) => string,
  batch: (source: S, keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
): KeyedLoader<K, V> {
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

/**
 * Indexes of cached lists, by list and id function. The lists a source returns are frozen and shared
 * for as long as their answer is cached (MappedOnce), so each is indexed once, not once per request.
 */
const listIndexes = new WeakMap<readonly unknown[], Map<(item: never) => number, Map<number, unknown>>>();

/** A cached list's items by id; `idOfItem` should be a module-level function (the index is kept per function). */
export function indexOf<T>(list: readonly T[], idOfItem: (item: T) => number): Map<number, T> {
  let byFn = listIndexes.get(list);
  if (!byFn) listIndexes.set(list, (byFn = new Map()));
  let index = byFn.get(idOfItem) as Map<number, T> | undefined;
  if (!index) {
    index = new Map(list.map((item) => [idOfItem(item), item]));
    // A list that is not a shared answer may change under its index: index it, but do not keep the index.
    if (isSharedAnswer(list)) byFn.set(idOfItem, index);
  }
  return index;
}

/**
 * Answers keys from one list call: each key looks itself up in the list's index (null if absent).
 * `idOfItem` should be a module-level function: the index is kept per list and per id function.
 */
export function fromList<S, K extends InstanceKey, T>(
  list: (source: S) => Promise<readonly T[]>,
  idOfItem: (item: T) => number,
  idOfKey: (key: K) => number,
): InstanceBatch<S, K, T | null> {
  return async (source, keys) => {
    const byId = indexOf(await list(source), idOfItem);
    return keys.map((k) => byId.get(idOfKey(k)) ?? null);
  };
}

/** Answers each key with its own call (details endpoints); a failing key becomes that key's Error. */
export function eachKey<S, K extends InstanceKey, V>(
  load: (source: S, key: K) => Promise<V>,
): InstanceBatch<S, K, V> {
  return (source, keys) =>
    Promise.all(keys.map((k) => load(source, k).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
}
