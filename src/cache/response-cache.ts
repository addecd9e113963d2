import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RemoteInvalidation } from './cache-store.js';
import { tagKey } from './response-reads.js';

/** One stored answer: its bytes as sent, and what the access log says about it. */
export interface StoredResponse {
  readonly body: Buffer;
  readonly contentType: string;
  /** Strong validator of `body` (quoted, as sent in `ETag`). */
  readonly etag: string;
  readonly operationName?: string;
  readonly documentId?: string;
  readonly documentHash?: string;
}

export interface ResponseCacheOptions {
  /** Byte bound of the stored bodies (plus a fixed overhead per entry). */
  maxBytes: number;
  /** Most entries kept. */
  maxEntries: number;
  /**
   * How long past its expiry an answer may still be served, once, while the caller refreshes it
   * (stale-while-revalidate). Never after an invalidation: that drops the answer. @default 0 (never)
   */
  swrMs?: number;
  /** Clock in epoch ms; the pipeline's entry expiries are on the same clock. @default Date.now */
  now?: () => number;
}

interface Entry {
  response: StoredResponse;
  tagKeys: readonly string[];
  /** Fresh until then (epoch ms); afterwards, within `swrMs`, stale. */
  expiresAtMs: number;
}

/** A stored answer found: fresh, or stale (expired within the window; the caller should refresh it). */
export interface Lookup {
  response: StoredResponse;
  stale: boolean;
}

/** Per-entry bookkeeping (key, tag index, lru-cache nodes), a rough estimate. */
const ENTRY_OVERHEAD_BYTES = 512;

/**
 * Whole GraphQL answers, by a key the HTTP layer builds from the operation, its variables and the
 * caller's scope (src/http/response-cache.hooks.ts). Each answer lives until the earliest expiry of the
 * upstream entries it was built from, and is dropped as soon as any of their tags is invalidated here or
 * — through the pipeline's invalidation listeners — on another replica.
 *
 * An answer computed while an invalidation happened is not stored: `generation` is read when a request
 * starts and checked when its answer is offered, so nothing read before a mutation outlives it.
 */
export class ResponseCache {
  private readonly lru: LRUCache<string, Entry>;
  /** `instance\0tag` → keys of the answers built from an entry carrying it. */
  private readonly byTag = new Map<string, Set<string>>();
  private readonly now: () => number;
  private readonly swrMs: number;
  private invalidations = 0;

  constructor(options: ResponseCacheOptions) {
    this.now = options.now ?? Date.now;
    this.swrMs = options.swrMs ?? 0;
    this.lru = new LRUCache<string, Entry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      maxEntrySize: options.maxBytes,
      sizeCalculation: (entry, key) => entry.response.body.length + 2 * key.length + ENTRY_OVERHEAD_BYTES,
      // Expiry is judged on the given clock, exactly (lru-cache otherwise caches now() for a while).
      perf: { now: this.now },
      ttlResolution: 0,
      dispose: (entry, key) => this.unindex(key, entry),
    });
  }

  /** Changes at every invalidation; an answer may be stored only if it is the same as when its request started. */
  get generation(): number {
    return this.invalidations;
  }

  /**
   * The answer stored under `key`. A stale one is handed out once — it leaves the cache as it is
   * returned — so the one request that finds it is answered at once while it refreshes the answer, and
   * the next ones wait for that refresh or execute themselves: an expired answer is never served twice.
   */
  get(key: string): Lookup | undefined {
    const entry = this.lru.get(key);
    if (entry === undefined) return undefined;
    const now = this.now();
    if (now < entry.expiresAtMs) return { response: entry.response, stale: false };
    this.lru.delete(key);
    return now < entry.expiresAtMs + this.swrMs ? { response: entry.response, stale: true } : undefined;
  }

  /**
   * Keeps `body` under `key` until `expiresAtMs`, dropped by any of `tagKeys` (see response-reads.ts);
   * nothing when an invalidation happened since `generation` was read, or the time has passed.
   */
  set(key: string, offer: { body: Buffer; contentType: string; expiresAtMs: number; tagKeys: Iterable<string>; generation: number } & Omit<StoredResponse, 'body' | 'contentType' | 'etag'>): StoredResponse | undefined {
    if (offer.generation !== this.invalidations) return undefined;
    const ttlMs = offer.expiresAtMs - this.now();
    if (!(ttlMs >= 1) || !Number.isFinite(ttlMs)) return undefined;
    const { body, contentType, operationName, documentId, documentHash } = offer;
    const response: StoredResponse = { body, contentType, etag: etagOf(body), operationName, documentId, documentHash };
    const entry: Entry = { response, tagKeys: [...offer.tagKeys], expiresAtMs: offer.expiresAtMs };
    this.lru.set(key, entry, { ttl: Math.floor(ttlMs) + this.swrMs });
    if (this.lru.peek(key) !== entry) return undefined; // larger than the whole cache: refused
    for (const tag of entry.tagKeys) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    return response;
  }

  /** Drops every answer built from an entry of `instanceId` carrying one of `tags`; `all` drops everything. */
  invalidate(event: RemoteInvalidation): void {
    this.invalidations += 1;
    if ('all' in event) {
      this.lru.clear();
      this.byTag.clear();
      return;
    }
    for (const tag of event.tags) {
      const keys = this.byTag.get(tagKey(event.instanceId, tag));
      // delete() runs dispose, which edits the index: iterate over a copy.
      if (keys) for (const key of [...keys]) this.lru.delete(key);
    }
  }

  /** Answers held (expired ones may count until touched). */
  get size(): number {
    return this.lru.size;
  }

  private unindex(key: string, entry: Entry): void {
    for (const tag of entry.tagKeys) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
  }
}

/** A strong ETag of the bytes: the same answer always gets the same tag, on every replica. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}
