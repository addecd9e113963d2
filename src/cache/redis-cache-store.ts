import { createHash } from 'node:crypto';
import { instanceOfCacheKey } from './cache-key.js';
import { primaries, slotTag, type RedisClient } from './redis-connection.js';
import { deepFreeze } from '../datasources/pipeline/freeze.js';
import type { UpstreamResponse } from '../datasources/pipeline/types.js';
import type { CacheEntry, CacheStore } from './cache-store.js';

export const DEFAULT_CACHE_KEY_PREFIX = 'bg:cache:';
export const DEFAULT_MAX_VALUE_BYTES = 1024 * 1024;

export interface RedisCacheStoreOptions {
  /** Connection shared with the rate limiter; should fail fast when Redis is down (`enableOfflineQueue: false`). */
  redis: RedisClient;
  /** Prefix of every key this store writes. @default 'bg:cache:' */
  keyPrefix?: string;
  /**
   * Largest serialised entry stored, in bytes; larger answers are not shared (each replica keeps its
   * own in memory). Redis is single-threaded: one huge value stalls every replica's calls. @default 1 MiB
   */
  maxValueBytes?: number;
}

/** An entry read back with the time it has left, so an upper layer can keep it no longer than Redis does. */
export interface StoredEntry<V> {
  entry: CacheEntry<V>;
  ttlMs: number;
}

/** What is kept in Redis under an entry key: the value and what invalidates it. */
interface Serialized<V> {
  i: string;
  t: readonly string[];
  v: V;
}

interface CacheCommands {
  /** KEYS: entry, ...tag indexes. ARGV: json, ttlMs. */
  bgCacheSet(numKeys: number, ...keysAndArgs: (string | number)[]): Promise<unknown>;
  /** KEYS: tag indexes. → entries deleted */
  bgCacheDropTags(numKeys: number, ...keys: string[]): Promise<number>;
}

/**
 * Store the entry and add it to each tag's index, a sorted set scored by the entry's expiry (Redis
 * time). Members whose entries have expired are pruned on every write, so the index of a hot tag,
 * written again and again, does not grow without bound; the index itself expires with its
 * longest-lived entry.
 */
const SET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttlMs = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttlMs)
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], now + ttlMs, KEYS[1])
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
  if redis.call('PTTL', KEYS[i]) < ttlMs then redis.call('PEXPIRE', KEYS[i], ttlMs) end
end
return 1
`;

/**
 * Delete every entry listed in the tag indexes, and the indexes, atomically: a replica reading during
 * the invalidation sees all of it or none. It touches entry keys not passed in KEYS; on a Cluster that
 * works because every key of one instance carries the instance's hash tag, so all live in the slot of
 * the tag indexes passed.
 */
const DROP_TAGS_LUA = `
local deleted = 0
for i = 1, #KEYS do
  local members = redis.call('ZRANGE', KEYS[i], 0, -1)
  for j = 1, #members, 500 do
    deleted = deleted + redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[i])
end
return deleted
`;

/**
 * The shared cache layer: upstream answers as JSON in Redis with a TTL (`PX`), one key per cache key,
 * plus a tag index per (instance, tag) for invalidation. Keys (see docs/replicas.md):
 *
 *   <prefix>{<instanceId>}e:<sha256 of the cache key>   the entry: JSON {i: instanceId, t: tags, v: value}
 *   <prefix>{<instanceId>}t:<tag>                       the tag index: sorted set of entry keys, scored by expiry
 *
 * The `{instanceId}` hash tag puts every key of one upstream instance in one Redis Cluster slot, so the
 * scripts may touch an entry and its tag indexes together; instances still spread over the nodes. The
 * instance of a `get` comes from the cache key itself (`instanceOfCacheKey`).
 *
 * The cache key is hashed: it is long (path, query, headers) and carries the identity name, and a
 * fixed-length key is cheaper for Redis. Errors reach the caller; TieredCacheStore turns them into
 * misses. Values read back are deep-frozen like every other cached answer.
 */
export class RedisCacheStore<V = UpstreamResponse> implements CacheStore<V> {
  private readonly redis: RedisClient & CacheCommands;
  private readonly keyPrefix: string;
  private readonly maxValueBytes: number;

  constructor(options: RedisCacheStoreOptions) {
    this.redis = options.redis as RedisClient & CacheCommands;
    this.keyPrefix = options.keyPrefix ?? DEFAULT_CACHE_KEY_PREFIX;
    this.maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
    this.redis.defineCommand('bgCacheSet', { lua: SET_LUA });
    this.redis.defineCommand('bgCacheDropTags', { lua: DROP_TAGS_LUA });
  }

  async get(key: string): Promise<V | undefined> {
    const json = await this.redis.get(this.entryKey(key));
    return json === null ? undefined : parse<V>(json)?.value;
  }

  /** The entry with its remaining TTL, read atomically; undefined when absent or unreadable. */
  async getEntry(key: string): Promise<StoredEntry<V> | undefined> {
    const redisKey = this.entryKey(key);
    const replies = await this.redis.multi().get(redisKey).pttl(redisKey).exec();
    if (!replies) return undefined;
    const [[getError, json], [pttlError, pttl]] = replies as [[Error | null, string | null], [Error | null, number]];
    if (getError) throw getError;
    if (pttlError) throw pttlError;
    if (json === null || !(pttl > 0)) return undefined;
    const entry = parse<V>(json);
    return entry && { entry, ttlMs: pttl };
  }

  async set(key: string, entry: CacheEntry<V>, ttlMs: number): Promise<void> {
    if (!(ttlMs > 0)) return;
    const serialized: Serialized<V> = { i: entry.instanceId, t: entry.tags, v: entry.value };
    const json = JSON.stringify(serialized);
    if (json === undefined || Buffer.byteLength(json) > this.maxValueBytes) return;
    const tagKeys = [...new Set(entry.tags)].map((tag) => this.tagKey(entry.instanceId, tag));
    await this.redis.bgCacheSet(1 + tagKeys.length, this.entryKey(key), ...tagKeys, json, Math.ceil(ttlMs));
  }

  async deleteByTags(instanceId: string, tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    const tagKeys = [...new Set(tags)].map((tag) => this.tagKey(instanceId, tag));
    await this.redis.bgCacheDropTags(tagKeys.length, ...tagKeys);
  }

  /** Deletes every key under the prefix (SCAN + UNLINK on each primary; for tests and operators, not the request path). */
  async clear(): Promise<void> {
    for (const node of primaries(this.redis)) {
      let cursor = '0';
      do {
        const [next, keys] = await node.scan(cursor, 'MATCH', `${escapeGlob(this.keyPrefix)}*`, 'COUNT', 500);
        // One UNLINK per key: on a Cluster a multi-key command must stay within one slot.
        if (keys.length > 0) await Promise.all(keys.map((k) => node.unlink(k)));
        cursor = next;
      } while (cursor !== '0');
    }
  }

  /**
   * The instance comes from the key on both get and set, so the two always agree; a key not made by
   * `cacheKey` (none on the request path) gets no instance slot, which only a Cluster would mind.
   */
  private entryKey(key: string): string {
    return `${this.keyPrefix}${slotTag(instanceOfCacheKey(key) ?? '')}e:${createHash('sha256').update(key).digest('hex')}`;
  }

  /** Instance ids cannot contain ':' or braces (config schema), so instance and tag cannot be confused. */
  private tagKey(instanceId: string, tag: string): string {
    return `${this.keyPrefix}${slotTag(instanceId)}t:${tag}`;
  }
}

/** A stored entry, or undefined for one this version cannot read (written by another version, or corrupt). */
function parse<V>(json: string): CacheEntry<V> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || !('v' in data) || typeof (data as Serialized<V>).i !== 'string') {
    return undefined;
  }
  const s = data as Serialized<V>;
  return { instanceId: s.i, tags: Array.isArray(s.t) ? s.t : [], value: deepFreeze(s.v), sizeBytes: json.length };
}

/** The prefix taken literally in a SCAN MATCH pattern. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
