import type { UpstreamResponse } from '../datasources/pipeline/types.js';

/** One cached answer and what invalidates it. */
export interface CacheEntry<V = UpstreamResponse> {
  /** The upstream instance the answer came from; tags are scoped by it. */
  instanceId: string;
  /** Invalidation tags (e.g. `jobs`); `deleteByTags(instanceId, ['jobs'])` drops the entry. */
  tags: readonly string[];
  value: V;
}

/**
 * Where the pipeline keeps successful upstream answers. Async, so a shared Redis layer can implement it
 * for replicas; the memory implementation is `MemoryCacheStore`. Implementations never throw for a
 * missing key, and the pipeline treats a store that does throw as a miss (the upstream still answers).
 */
export interface CacheStore<V = UpstreamResponse> {
  /** The value stored under `key`, or undefined when absent or expired. */
  get(key: string): Promise<V | undefined>;
  /** Store `entry` for `ttlMs` milliseconds (0 or less: do not store). */
  set(key: string, entry: CacheEntry<V>, ttlMs: number): Promise<void>;
  /** Drop every entry of `instanceId` that carries any of `tags`. */
  deleteByTags(instanceId: string, tags: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}
