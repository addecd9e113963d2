import type { UpstreamResponse } from '../datasources/pipeline/types.js';

/** One cached answer and what invalidates it. */
export interface CacheEntry<V = UpstreamResponse> {
  /** The upstream instance the answer came from; tags are scoped by it. */
  instanceId: string;
  /** Invalidation tags (e.g. `jobs`); `deleteByTags(instanceId, ['jobs'])` drops the entry. */
  tags: readonly string[];
  value: V;
  /**
   * The answer's size as it came (bytes), when known: the memory store counts it rather than
   * serializing the value again to size it (a cache fill of a 200 KB list spent ~1 ms doing that).
   */
  sizeBytes?: number;
}

/**
 * News that data changed on another replica: one instance's tags were invalidated there, or (`all`)
 * this replica may have missed such news and treats everything as invalidated.
 */
export type RemoteInvalidation = { instanceId: string; tags: readonly string[] } | { all: true };

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
  /**
   * For a store shared by replicas: `listener` runs after the store applied another replica's
   * invalidation to its own layers, so the caller can do the same to what it holds (in-flight reads).
   */
  onRemoteInvalidation?(listener: (event: RemoteInvalidation) => void): void;
}
