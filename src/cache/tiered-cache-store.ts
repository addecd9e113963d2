import type { Logger } from 'pino';
import type { UpstreamResponse } from '../datasources/pipeline/types.js';
import type { CacheEntry, CacheStore, RemoteInvalidation } from './cache-store.js';
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
   * once and this process's memory through `announce` / `applyRemote`; should that message be lost,
   * this still bounds how long a replica may serve an answer a mutation elsewhere made stale. @default 5000
   */
  localTtlCapMs?: number;
  /**
   * Tells the other replicas about an invalidation, after Redis was invalidated (the invalidation
   * channel's `publish`). @default none: other replicas' local copies then live until they expire
   */
  announce?: (instanceId: string, tags: readonly string[]) => Promise<void>;
  logger: Logger;
  /** Clock of the default local layer, for tests. @default performance.now */
  now?: () => number;
}

/**
 * Memory over Redis. Reads try memory, then Redis (filling memory for the entry's remaining TTL, at
 * most `localTtlCapMs`); writes and invalidations go to both, and invalidations are announced to the
 * other replicas, which drop their memory copies (`applyRemote`). Redis failing never fails a call:
 * the store logs (a warning once per outage), answers from memory alone, and uses Redis again as soon
 * as it answers.
 */
export class TieredCacheStore<V = UpstreamResponse> implements CacheStore<V> {
  private readonly shared: RedisCacheStore<V>;
  private readonly local: MemoryCacheStore<V>;
  private readonly localTtlCapMs: number;
  private readonly logger: Logger;
  private readonly announce: TieredCacheStoreOptions<V>['announce'];
  private readonly remoteListeners: ((event: RemoteInvalidation) => void)[] = [];
  private sharedDown = false;
  /**
   * Bumped by every invalidation, here or remote. A Redis read that was under way when one happened
   * may have fetched what it dropped, so its answer is returned but not copied into memory (where no
   * later message would remove it). Global rather than per instance: invalidations are rare, and a
   * copy skipped only costs the next read a Redis round trip.
   */
  private invalidations = 0;

  constructor(options: TieredCacheStoreOptions<V>) {
    this.shared = options.shared;
    this.local = options.local ?? new MemoryCacheStore<V>({ maxBytes: options.maxBytes, now: options.now });
    this.localTtlCapMs = options.localTtlCapMs ?? DEFAULT_LOCAL_TTL_CAP_MS;
    this.logger = options.logger;
    this.announce = options.announce;
  }

  async get(key: string): Promise<V | undefined> {
    const hit = await this.local.get(key);
    if (hit !== undefined) return hit;
    const invalidations = this.invalidations;
    const stored = await this.tryShared('get', () => this.shared.getEntry(key));
    if (!stored) return undefined;
    if (invalidations !== this.invalidations) return stored.entry.value;
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
   * Drops the entries here and in Redis, then tells the other replicas. Announcing only after Redis
   * is done matters: a replica that drops its copy reads Redis next, and must find it invalidated. A
   * Redis failure is logged as an error, not thrown: the mutation that asked for it has happened and
   * must not be reported as failed; other replicas may then serve the stale entries until their TTL ends.
   */
  async deleteByTags(instanceId: string, tags: readonly string[]): Promise<void> {
    this.invalidations += 1;
    await this.local.deleteByTags(instanceId, tags);
    try {
      await this.shared.deleteByTags(instanceId, tags);
      await this.announce?.(instanceId, tags);
      this.onSharedOk();
    } catch (error) {
      this.sharedDown = true;
      this.logger.error({ err: error, upstream: instanceId, tags }, 'shared cache invalidation failed: other replicas may serve stale entries until they expire');
    }
  }

  async clear(): Promise<void> {
    this.invalidations += 1;
    await this.local.clear();
    await this.tryShared('clear', () => this.shared.clear());
  }

  /**
   * Applies another replica's invalidation (or, `all`, a possible loss of some) to the memory layer
   * only — Redis was invalidated by the replica that announced it — then tells the listeners.
   */
  async applyRemote(event: RemoteInvalidation): Promise<void> {
    this.invalidations += 1;
    if ('all' in event) await this.local.clear();
    else await this.local.deleteByTags(event.instanceId, event.tags);
    for (const listener of this.remoteListeners) listener(event);
  }

  onRemoteInvalidation(listener: (event: RemoteInvalidation) => void): void {
    this.remoteListeners.push(listener);
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
