import { LRUCache } from 'lru-cache';

/**
 * Where automatic persisted queries live: document text by the SHA-256 hex of that text. A miss is
 * never an error for the client — Apollo answers PersistedQueryNotFound and the client registers the
 * document again — so stores may forget (TTL, eviction, Redis down) at any time.
 */
export interface ApqStore {
  /** The registered text for `hash`, or undefined. Never throws. */
  get(hash: string): Promise<string | undefined>;
  /** Registers `query` under `hash` (already checked by Apollo to be its SHA-256). Never throws. */
  set(hash: string, query: string): Promise<void>;
}

export interface MemoryApqStoreOptions {
  /** Most documents kept; the least recently used go first. */
  maxEntries: number;
  /** Life of an entry after its registration, in ms. */
  ttlMs: number;
  /** Largest document text kept, in UTF-8 bytes. */
  maxQueryBytes: number;
  /** Clock in ms, for tests. @default performance.now */
  now?: () => number;
}

/**
 * One replica's APQ store: lru-cache bounded by count and by bytes (`maxEntries × maxQueryBytes` at
 * worst, so a flood of registrations of distinct large documents cannot grow the heap past that).
 */
export class MemoryApqStore implements ApqStore {
  private readonly lru: LRUCache<string, string>;

  constructor(private readonly options: MemoryApqStoreOptions) {
    this.lru = new LRUCache<string, string>({
      max: options.maxEntries,
      ttl: options.ttlMs,
      // A hit does not extend the life: the TTL bounds how long a once-registered document can be run by hash.
      updateAgeOnGet: false,
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  async get(hash: string): Promise<string | undefined> {
    return this.lru.get(hash);
  }

  async set(hash: string, query: string): Promise<void> {
    if (Buffer.byteLength(query, 'utf8') > this.options.maxQueryBytes) return;
    this.lru.set(hash, query);
  }

  /** Documents held now (expired ones may still count until touched). */
  get size(): number {
    return this.lru.size;
  }
}
