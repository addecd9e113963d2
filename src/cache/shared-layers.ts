import type { Logger } from 'pino';
import type { RedisConfig } from '../config/schema.js';
import { RedisRateLimiter } from '../ratelimit/redis-rate-limiter.js';
import type { RateLimiter } from '../ratelimit/rate-limiter.js';
import type { CacheStore } from './cache-store.js';
import { RedisCacheStore } from './redis-cache-store.js';
import { createRedisClient, type RedisClient } from './redis-connection.js';
import { TieredCacheStore } from './tiered-cache-store.js';

export interface SharedLayersOptions {
  /**
   * One Redis as `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS), or the config's
   * `redis` object (url, Sentinel group or Cluster).
   */
  redis: string | RedisConfig;
  logger: Logger;
  /** Byte bound of the local memory layer under Redis (`config.cache.maxBytes`). */
  maxBytes: number;
  /** Clock in epoch ms for the memory layer and the rate limiter's deadlines, for tests. @default Date.now */
  now?: () => number;
  /** Prefix of every key the gateway writes, so several deployments can share one Redis. @default 'bg:' */
  keyPrefix?: string;
  /** Largest cache entry shared through Redis, in bytes. @default 1 MiB */
  maxValueBytes?: number;
  /** Longest life of a cache entry in a replica's memory. @default 5000 */
  localTtlCapMs?: number;
  /** Replicas sharing the budget; divides the local buckets used while Redis is down. @default 1 */
  fallbackReplicaCount?: number;
  /** Time to establish the TCP connection before counting Redis as down. @default 2000 */
  connectTimeoutMs?: number;
  /** A command without a reply after this fails (and the caller falls back). @default 500 */
  commandTimeoutMs?: number;
}

export interface SharedLayers {
  /** Memory over Redis; pass to `createUpstreamPipeline({ cacheStore })`. */
  cacheStore: CacheStore;
  /** Token buckets in Redis; pass to `createUpstreamPipeline({ rateLimiter })`. */
  rateLimiter: RateLimiter;
  /** The one connection both use (also the APQ and idempotency stores). */
  redis: RedisClient;
  /** Stops the limiter's sleepers and closes the connection. Idempotent. */
  close(): Promise<void>;
}

/** Longest pause between reconnection attempts while Redis is down. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * The layer replicas share through Redis: the cache under the memory one and the rate-limit buckets,
 * over one connection (docs/replicas.md: one Redis, a Sentinel group or a Cluster). The connection fails
 * fast instead of queueing while Redis is away: every caller has a local fallback, and a request should
 * not wait for Redis to come back. The gateway starts even if Redis is down at that moment; it
 * then runs on the fallbacks and reconnects in the background.
 */
export async function createSharedLayers(opts: SharedLayersOptions): Promise<SharedLayers> {
  const { logger } = opts;
  const prefix = opts.keyPrefix ?? 'bg:';
  const redis = createRedisClient(typeof opts.redis === 'string' ? { url: opts.redis } : opts.redis, {
    connectTimeoutMs: opts.connectTimeoutMs ?? 2_000,
    commandTimeoutMs: opts.commandTimeoutMs ?? 500,
    maxReconnectDelayMs: MAX_RECONNECT_DELAY_MS,
    connectionName: 'backup-graph',
  });
  // Without a listener ioredis prints every failed reconnect; the stores warn once per outage instead.
  redis.on('error', (error: Error) => logger.debug({ err: error }, 'redis connection error'));
  let connectedOnce = false;
  redis.on('ready', () => {
    if (connectedOnce) logger.info('redis connection restored');
    connectedOnce = true;
  });

  try {
    await redis.connect();
  } catch (error) {
    logger.warn({ err: error }, 'redis unreachable at start: cache and rate limits are per replica until it answers');
  }

  const shared = new RedisCacheStore({ redis, keyPrefix: `${prefix}cache:`, maxValueBytes: opts.maxValueBytes });
  const cacheStore = new TieredCacheStore({
    shared,
    maxBytes: opts.maxBytes,
    localTtlCapMs: opts.localTtlCapMs,
    logger,
    now: opts.now,
  });
  const rateLimiter = new RedisRateLimiter({
    redis,
    logger,
    keyPrefix: `${prefix}rl:`,
    now: opts.now,
    fallbackReplicaCount: opts.fallbackReplicaCount,
  });

  let closing: Promise<void> | undefined;
  return {
    cacheStore,
    rateLimiter,
    redis,
    close() {
      closing ??= (async () => {
        rateLimiter.close();
        try {
          await redis.quit();
        } catch {
          // Not connected: nothing to say goodbye to; stop reconnecting.
          redis.disconnect();
        }
      })();
      return closing;
    },
  };
}
