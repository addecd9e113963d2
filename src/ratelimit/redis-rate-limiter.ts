import type { RedisClient } from '../cache/redis-connection.js';
import type { Logger } from 'pino';
import type { BucketConfig } from '../config/schema.js';
import { ErrorCode } from '../errors/codes.js';
import { GatewayError } from '../errors/gateway-error.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { rateLimitedError } from './rate-limited-error.js';
import type { BucketReading, RateLimiter } from './rate-limiter.js';
import { PAUSE_BUCKET_LUA, PEEK_BUCKET_LUA, TAKE_TOKEN_LUA } from './redis-bucket-scripts.js';

export const DEFAULT_RATE_LIMIT_KEY_PREFIX = 'bg:rl:';

export interface RedisRateLimiterOptions {
  /** Connection shared with the cache; should fail fast when Redis is down (`enableOfflineQueue: false`). */
  redis: RedisClient;
  logger: Logger;
  /** Prefix of every bucket key in Redis. @default 'bg:rl:' */
  keyPrefix?: string;
  /** Clock in epoch ms that the caller's deadlines and pauses are on. @default Date.now */
  now?: () => number;
  /**
   * How many replicas share the budget. Only used while Redis is unreachable: each replica then falls
   * back to a local bucket with capacity and refill divided by this, so together they stay near one
   * budget. @default 1 (each replica keeps a whole budget locally: N replicas may spend N budgets)
   */
  fallbackReplicaCount?: number;
  /** Extra life of an idle bucket after it would be full again. @default 1000 */
  idleMarginMs?: number;
}

/** The scripts, as ioredis `defineCommand` adds them to the connection. */
interface BucketCommands {
  /** → [granted 1|0, waitMs, epoch] */
  bgRateTake(key: string, capacity: number, refillPerSecond: number, maxWaitMs: number, idleMarginMs: number): Promise<[number, number, number]>;
  /** → remaining pause in ms */
  bgRatePause(key: string, pauseMs: number, idleMarginMs: number, unknownBucketIdleMs: number): Promise<number>;
  /** → [tokens (a decimal string), pausedMs] */
  bgRatePeek(key: string, capacity: number, refillPerSecond: number): Promise<[string, number]>;
}

/** Expiry of a paused bucket whose config was never seen in Redis (it is re-set by the next take). */
const UNKNOWN_BUCKET_IDLE_MS = 3_600_000;

interface Sleeper {
  timer: NodeJS.Timeout;
  reject: (error: unknown) => void;
}

/**
 * Token buckets in Redis, so every replica spends one upstream budget. The bucket is a Lua script on
 * Redis time (see redis-bucket-scripts.ts). A call that cannot have a token now reserves the next free
 * one, if it comes before the caller's deadline, and sleeps until then: callers are served in the order
 * Redis saw them, across replicas, with no polling; one whose turn would come too late fails at once
 * with RATE_LIMITED and the wait it would have had — the semantics of MemoryRateLimiter.
 *
 * An upstream 429 (`pauseUntil`) is written to Redis, so every replica honours it; reservations made
 * before it are void and their callers queue again.
 *
 * Redis unreachable: the limiter falls back to a local MemoryRateLimiter (bucket divided by
 * `fallbackReplicaCount`), warns once per outage, and returns to Redis as soon as a call succeeds.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: RedisClient & BucketCommands;
  private readonly logger: Logger;
  private readonly keyPrefix: string;
  private readonly now: () => number;
  private readonly replicas: number;
  private readonly idleMarginMs: number;
  private readonly fallback: MemoryRateLimiter;
  private readonly sleepers = new Set<Sleeper>();
  private redisDown = false;
  private closed = false;

  constructor(options: RedisRateLimiterOptions) {
    this.redis = options.redis as RedisClient & BucketCommands;
    this.logger = options.logger;
    this.keyPrefix = options.keyPrefix ?? DEFAULT_RATE_LIMIT_KEY_PREFIX;
    this.now = options.now ?? Date.now;
    this.replicas = Math.max(1, options.fallbackReplicaCount ?? 1);
    this.idleMarginMs = options.idleMarginMs ?? 1000;
    this.fallback = new MemoryRateLimiter({ now: this.now });
    // Defining twice on one connection (two limiters sharing it) just replaces the same script.
    this.redis.defineCommand('bgRateTake', { lua: TAKE_TOKEN_LUA, numberOfKeys: 1 });
    this.redis.defineCommand('bgRatePause', { lua: PAUSE_BUCKET_LUA, numberOfKeys: 1 });
    this.redis.defineCommand('bgRatePeek', { lua: PEEK_BUCKET_LUA, numberOfKeys: 1 });
  }

  async acquire(key: string, bucket: BucketConfig, deadlineMs: number): Promise<void> {
    const redisKey = this.keyPrefix + key;
    for (;;) {
      if (this.closed) throw shuttingDown();
      // A duration, not the deadline itself: it means the same on Redis's clock as on ours.
      const maxWaitMs = Math.max(0, Math.floor(deadlineMs - this.now()));
      let reply: [number, number, number];
      try {
        reply = await this.redis.bgRateTake(redisKey, bucket.capacity, bucket.refillPerSecond, maxWaitMs, this.idleMarginMs);
      } catch (error) {
        this.onRedisError(error);
        return this.fallback.acquire(key, this.localShare(bucket), deadlineMs);
      }
      this.onRedisOk();
      const [granted, waitMs, epoch] = reply.map(Number) as [number, number, number];
      if (granted !== 1) throw rateLimitedError(waitMs);
      if (waitMs <= 0) return;
      await this.sleep(waitMs);
      // A pause announced while we slept voids our reservation: queue again (the deadline still holds).
      if (!(await this.pausedSince(redisKey, epoch))) return;
    }
  }

  /** The shared bucket as every replica sees it (a read-only script); the local fallback's while Redis is unreachable. */
  async peek(key: string, bucket: BucketConfig): Promise<BucketReading> {
    try {
      const [tokens, pausedMs] = await this.redis.bgRatePeek(this.keyPrefix + key, bucket.capacity, bucket.refillPerSecond);
      this.onRedisOk();
      return { tokens: Number(tokens), pausedMs: Number(pausedMs) };
    } catch (error) {
      this.onRedisError(error);
      return this.fallback.peek(key, this.localShare(bucket));
    }
  }

  pauseUntil(key: string, untilMs: number): void {
    void this.pauseUntilShared(key, untilMs);
  }

  /**
   * `pauseUntil`, resolving once Redis has recorded the pause (or the attempt failed; it never
   * rejects). The local fallback bucket is paused too, in case Redis goes away before the pause ends.
   */
  async pauseUntilShared(key: string, untilMs: number): Promise<void> {
    this.fallback.pauseUntil(key, untilMs);
    try {
      await this.redis.bgRatePause(this.keyPrefix + key, Math.ceil(untilMs - this.now()), this.idleMarginMs, UNKNOWN_BUCKET_IDLE_MS);
      this.onRedisOk();
    } catch (error) {
      this.onRedisError(error);
    }
  }

  /** Rejects callers sleeping on a reservation and the local fallback's waiters. Leaves the connection open (it is shared). */
  close(): void {
    this.closed = true;
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.reject(shuttingDown());
    }
    this.sleepers.clear();
    this.fallback.close();
  }

  /** True when the bucket was paused after our reservation (epoch moved). False when Redis cannot tell: we keep the token. */
  private async pausedSince(redisKey: string, epoch: number): Promise<boolean> {
    try {
      const current = await this.redis.hget(redisKey, 'epoch');
      return Number(current ?? 0) !== epoch;
    } catch (error) {
      this.onRedisError(error);
      return false;
    }
  }

  private localShare(bucket: BucketConfig): BucketConfig {
    if (this.replicas === 1) return bucket;
    return {
      capacity: Math.max(1, bucket.capacity / this.replicas),
      refillPerSecond: bucket.refillPerSecond / this.replicas,
    };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        reject,
      };
      this.sleepers.add(sleeper);
    });
  }

  private onRedisError(error: unknown): void {
    if (this.redisDown) return;
    this.redisDown = true;
    this.logger.warn(
      { err: error, fallbackReplicaCount: this.replicas },
      'shared rate limiter unreachable: using a local bucket per replica until Redis answers again',
    );
  }

  private onRedisOk(): void {
    if (!this.redisDown) return;
    this.redisDown = false;
    this.logger.info('shared rate limiter reachable again');
  }
}

function shuttingDown(): GatewayError {
  return new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, 'Gateway is shutting down');
}
