import { LRUCache } from 'lru-cache';
import type { CacheEntry, CacheStore } from './cache-store.js';

/** Options of the in-memory cache. */
export interface MemoryCacheStoreOptions {
  /** Upper bound of the approximate serialized size of all entries, in bytes. */
  maxBytes: number;
  /**
   * Upper bound of the number of entries (lru-cache wants `max` set; the byte bound is the real limit).
   * @default 100000
   */
  maxEntries?: number;
  /** Clock in ms, for tests. @default performance.now */
  now?: () => number;
}

export const DEFAULT_CACHE_MAX_ENTRIES = 100_000;

/** Fixed per-entry overhead (key object, tag index, lru-cache bookkeeping), a rough estimate. */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * The default cache: lru-cache bounded in bytes (`maxSize` + `sizeCalculation`), with a TTL per entry
 * and a tag index so a mutation can drop the lists it made stale. Values are kept by reference; the
 * pipeline freezes responses before storing them, so sharing them across callers is safe.
 */
export class MemoryCacheStore<V = unknown> implements CacheStore<V> {
  private readonly lru: LRUCache<string, CacheEntry<V>>;
  /** `instanceId\0tag` → keys carrying it. Kept in step with the LRU by its dispose hook. */
  private readonly byTag = new Map<string, Set<string>>();

  constructor(options: MemoryCacheStoreOptions) {
    const maxBytes = options.maxBytes;
    this.lru = new LRUCache<string, CacheEntry<V>>({
      max: options.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
      maxSize: maxBytes,
      // An entry larger than the whole cache is refused by lru-cache (set becomes a no-op).
      maxEntrySize: maxBytes,
      sizeCalculation: (entry, key) => approximateSizeBytes(key, entry),
      // An injected clock is followed exactly (lru-cache otherwise caches now() for 1 ms of real time).
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
      dispose: (entry, key) => this.unindex(key, entry),
    });
  }

  async get(key: string): Promise<V | undefined> {
    return this.lru.get(key)?.value;
  }

  async set(key: string, entry: CacheEntry<V>, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0)) return;
    this.lru.set(key, entry, { ttl: ttlMs });
    // lru-cache refuses entries over maxEntrySize without storing them: index only what it kept.
    if (this.lru.peek(key) !== entry) return;
    for (const tag of entry.tags) {
      const tagKey = indexKey(entry.instanceId, tag);
      let keys = this.byTag.get(tagKey);
      if (!keys) this.byTag.set(tagKey, (keys = new Set()));
      keys.add(key);
    }
  }

  async deleteByTags(instanceId: string, tags: readonly string[]): Promise<void> {
    for (const tag of tags) {
      const keys = this.byTag.get(indexKey(instanceId, tag));
      if (!keys) continue;
      // delete() runs dispose, which edits the index: iterate over a copy.
      for (const key of [...keys]) this.lru.delete(key);
    }
  }

  async clear(): Promise<void> {
    this.lru.clear();
    this.byTag.clear();
  }

  /** Entries held (expired ones may still count until touched). */
  get size(): number {
    return this.lru.size;
  }

  /** Bytes held, as `sizeCalculation` counted them. */
  get sizeBytes(): number {
    return this.lru.calculatedSize;
  }

  private unindex(key: string, entry: CacheEntry<V>): void {
    for (const tag of entry.tags) {
      const tagKey = indexKey(entry.instanceId, tag);
      const keys = this.byTag.get(tagKey);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tagKey);
    }
  }
}

function indexKey(instanceId: string, tag: string): string {
  return `${instanceId}\u0000${tag}`;
}

/**
 * Approximate memory of an entry: JSON length of its value (UTF-16 strings take about two bytes a
 * character in V8), or the size it came in when the entry says so, plus the key and a fixed overhead.
 * Exactness does not matter; a bound that tracks the real size does. Values that do not serialize
 * count as the overhead alone.
 */
export function approximateSizeBytes(key: string, entry: CacheEntry<unknown>): number {
  let json = entry.sizeBytes ?? 0;
  if (entry.sizeBytes === undefined) {
    try {
      json = JSON.stringify(entry.value)?.length ?? 0;
    } catch {
      json = 0;
    }
  }
  return Math.max(1, 2 * (json + key.length) + ENTRY_OVERHEAD_BYTES);
}
