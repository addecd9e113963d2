import type { RedisClient } from '../cache/redis-connection.js';
import type { Logger } from 'pino';
import type { GatewayConfig } from '../config/schema.js';
import { MemoryApqStore, type ApqStore } from './apq-store.js';
import { RedisApqStore } from './redis-apq-store.js';

/**
 * Which store the config asks for: `persistedQueries.apq.store`, or, unset, Redis whenever `redis` is
 * configured. Called before anything is opened, so a config asking for Redis without one fails first.
 *
 * @throws Error when `store: redis` is asked for without a `redis` connection.
 */
export function apqStoreKind(config: Pick<GatewayConfig, 'persistedQueries' | 'redis'>): 'memory' | 'redis' {
  const kind = config.persistedQueries.apq.store ?? (config.redis ? 'redis' : 'memory');
  if (kind === 'redis' && !config.redis) {
    throw new Error('persistedQueries.apq.store: "redis" needs `redis.url` (or REDIS_URL)');
  }
  return kind;
}

/**
 * The APQ store the config asks for: Redis (shared by replicas, so a client registers once for all of
 * them) when `persistedQueries.apq.store` says so or, unset, whenever `redis` is configured; else memory.
 */
export function createApqStore(
  config: Pick<GatewayConfig, 'persistedQueries' | 'redis'>,
  deps: { redis?: RedisClient; logger: Logger },
): ApqStore {
  const apq = config.persistedQueries.apq;
  if (apqStoreKind(config) === 'redis' && deps.redis) {
    return new RedisApqStore({ redis: deps.redis, logger: deps.logger, ttlMs: apq.ttlMs, maxQueryBytes: apq.maxQueryBytes });
  }
  return new MemoryApqStore({ maxEntries: apq.maxEntries, ttlMs: apq.ttlMs, maxQueryBytes: apq.maxQueryBytes });
}
