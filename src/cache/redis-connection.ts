import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config/schema.js';

/** One connection to the shared layer: a single Redis (also behind Sentinel) or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

export interface RedisConnectionOptions {
  /** Time to establish a TCP connection before counting Redis as down. */
  connectTimeoutMs: number;
  /** A command without a reply after this fails (and the caller falls back). @default none (a subscriber waits) */
  commandTimeoutMs?: number;
  /** Longest pause between reconnection attempts. */
  maxReconnectDelayMs: number;
  /** `CLIENT SETNAME`, so operators can tell the gateway's connections apart. */
  connectionName: string;
  /** Whether ioredis subscribes again by itself after a reconnect. @default true */
  autoResubscribe?: boolean;
}

/**
 * Opens (lazily) the connection `config` describes. Every kind fails fast instead of queueing while
 * Redis is away (`enableOfflineQueue: false`, one try per command): every caller has a local fallback.
 * Sentinel and Cluster are ioredis's own: it asks the sentinels for the master and follows fail-overs,
 * and it discovers the cluster's nodes from the seeds and follows MOVED/ASK redirections.
 */
export function createRedisClient(config: RedisConfig, options: RedisConnectionOptions): RedisClient {
  return tracked(config, openRedisClient(config, options));
}

/**
 * A second connection like `client`, for a subscriber (a subscribed connection takes no other command).
 * It is made from the config like `client` was, so a password reread from its file reaches it too:
 * ioredis's own `duplicate()` copies the options as they are then, and kept the old password forever.
 */
export function duplicateRedisClient(client: RedisClient, connectionName: string): RedisClient {
  const duplicate = client instanceof Redis ? client.duplicate({ connectionName }) : client.duplicate();
  const config = configByClient.get(client);
  return config ? tracked(config, duplicate) : duplicate;
}

/** The clients made from each config object, so that a password reread from its file reaches them. */
const clientsByConfig = new WeakMap<RedisConfig, Set<RedisClient>>();
const configByClient = new WeakMap<RedisClient, RedisConfig>();

function tracked(config: RedisConfig, client: RedisClient): RedisClient {
  let clients = clientsByConfig.get(config);
  if (!clients) clientsByConfig.set(config, (clients = new Set()));
  clients.add(client);
  configByClient.set(client, config);
  client.once('end', () => clients.delete(client));
  return client;
}

/**
 * The config's passwords changed (reread from their files): every open client made from it uses them
 * from its next connection (ioredis authenticates on each connect with its options' password).
 */
export function useRedisPasswords(config: RedisConfig): void {
  if ('url' in config) return;
  for (const client of clientsByConfig.get(config) ?? []) {
    if (client instanceof Cluster) {
      if (client.options.redisOptions) client.options.redisOptions.password = config.password;
    } else {
      client.options.password = config.password;
      if ('sentinels' in config) client.options.sentinelPassword = config.sentinelPassword;
    }
  }
}

function openRedisClient(config: RedisConfig, options: RedisConnectionOptions): RedisClient {
  const retryStrategy = (attempt: number): number => Math.min(attempt * 200, options.maxReconnectDelayMs);
  const common: RedisOptions = {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
    connectionName: options.connectionName,
    autoResubscribe: options.autoResubscribe ?? true,
  };
  if ('url' in config) return new Redis(config.url, { ...common, retryStrategy });
  if ('sentinels' in config) {
    return new Redis({
      ...common,
      sentinels: config.sentinels,
      name: config.name,
      password: config.password,
      sentinelPassword: config.sentinelPassword,
      db: config.db,
      tls: config.tls ? {} : undefined,
      sentinelRetryStrategy: retryStrategy,
      retryStrategy,
    });
  }
  const clusterOptions: ClusterOptions = {
    lazyConnect: true,
    enableOfflineQueue: false,
    clusterRetryStrategy: retryStrategy,
    redisOptions: { ...withoutQueueing(common), password: config.password, tls: config.tls ? {} : undefined },
  };
  return new Cluster(config.cluster, clusterOptions);
}

/**
 * Every primary of the connection (one for a single Redis): key scans must visit each, since a SCAN
 * on a Cluster connection reaches one node only.
 */
export function primaries(redis: RedisClient): Redis[] {
  return redis instanceof Cluster ? redis.nodes('master') : [redis];
}

/**
 * The Redis Cluster hash tag that keeps keys of one scope (an upstream instance, a caller) in one slot,
 * so a script may touch them together. Braces inside the scope would end the tag early, so they are
 * escaped away; the result is the same on a single Redis, where it is just part of the name.
 */
export function slotTag(scope: string): string {
  return `{${scope.replace(/[{}]/g, '_')}}`;
}

/**
 * Options for the cluster's node connections: the cluster opens them itself, and owns the offline queue
 * and reconnection (`enableOfflineQueue`, `clusterRetryStrategy`), so those are left to it.
 */
function withoutQueueing(options: RedisOptions): Omit<RedisOptions, 'lazyConnect' | 'enableOfflineQueue'> {
  const { lazyConnect: _lazy, enableOfflineQueue: _queue, ...rest } = options;
  return rest;
}
