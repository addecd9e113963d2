import type { Logger } from 'pino';
import type { UpstreamResponse } from '../datasources/pipeline/types.js';
import type { CacheEntry, CacheStore } from './cache-store.js';
import { MemoryCacheStore } from './memory-cache-store.js';
import type { RedisCacheStore } from './redis-cache-store.js';

export const DEFAULT_LOCAL_TTL_CAP_MS = 5_000;

export interface TieredCacheStoreOptions<V> {
  /** The shared layer. */
  shared: RedisCacheStore<V>;
  /** The local layer. @default MemoryCacheStore bounded by `maxBytes` */
  local?: MemoryCacheStore<V>;
  /** Byte bound of the default local layer. */
  maxBytes: number;
  /**
   * Longest time an entry stays in the local layer. Another replica's invalidation reaches Redis at
   * once but this process's memory only when the local copy expires, so this bounds how long a replica
   * may serve an answer a mutation elsewhere made stale. @default 5000
   */
  localTtlCapMs?: number;
  logger: Logger;
  /** Clock of the default local layer, for tests. @default performance.now */
  now?: () => number;
}

/**
 * Memory over Redis. Reads try memory, then Redis (filling memory for the entry's remaining TTL, at
 * most `localTtlCapMs`); writes and invalidations go to both. Redis failing never fails a call: the
 * store logs (a warning once per outage), answers from memory alone, and uses Redis again as soon as
 * it answers.
 */
export class TieredCacheStore<V = UpstreamResponse> implements CacheStore<V> {
  private readonly shared: RedisCacheStore<V>;
  private readonly local: MemoryCacheStore<V>;
  private readonly localTtlCapMs: number;
  private readonly logger: Logger;
  private sharedDown = false;

  constructor(options: TieredCacheStoreOptions<V>) {
    this.shared = options.shared;
    this.local = options.local ?? new MemoryCacheStore<V>({ maxBytes: options.maxBytes, now: options.now });
    this.localTtlCapMs = options.localTtlCapMs ?? DEFAULT_LOCAL_TTL_CAP_MS;
    this.logger = options.logger;
  }

  async get(key: string): Promise<V | undefined> {
    const hit = await this.local.get(key);
    if (hit !== undefined) return hit;
    const stored = await this.tryShared('get', () => this.shared.getEntry(key));
    if (!stored) return undefined;
    await this.local.set(key, stored.entry, Math.min(stored.ttlMs, this.localTtlCapMs));
    return stored.entry.value;
  }

  async set(key: string, entry: CacheEntry<V>, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0)) return;
    await Promise.all([
      this.local.set(key, entry, Math.min(ttlMs, this.localTtlCapMs)),
      this.tryShared('set', () => this.shared.set(key, entry, ttlMs)),
    ]);
  }

  /**
   * Drops the entries here and in Redis. A Redis failure is logged as an error, not thrown: the
   * mutation that asked for it has happened and must not be reported as failed; other replicas may
   * then serve the stale entries until their TTL ends.
   */
  async deleteByTags(instanceId: string, tags: readonly string[]): Promise<void> {
    await this.local.deleteByTags(instanceId, tags);
    try {
      await this.shared.deleteByTags(instanceId, tags);
      this.onSharedOk();
    } catch (error) {
      this.sharedDown = true;
      this.logger.error({ err: error, upstream: instanceId, tags }, 'shared cache invalidation failed: other replicas may serve stale entries until they expire');
    }
  }

  async clear(): Promise<void> {
    await this.local.clear();
    await this.tryShared('clear', () => this.shared.clear());
  }

  /** Runs a Redis operation; on failure logs and yields undefined (a miss, or a write skipped). */
  private async tryShared<T>(op: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await run();
      this.onSharedOk();
      return result;
    } catch (error) {
      if (!this.sharedDown) {
        this.sharedDown = true;
        this.logger.warn({ err: error, op }, 'shared cache unreachable: serving from local memory only until Redis answers again');
      }
      return undefined;
    }
  }

  private onSharedOk(): void {
    if (!this.sharedDown) return;
    this.sharedDown = false;
    this.logger.info('shared cache reachable again');
  }
}
