import type { BucketConfig } from '../config/schema.js';
import type { BucketReading } from './rate-limiter.js';

/** What one bucket can give an operation that would start now, each call waiting at most `withinMs` for its token. */
export interface BucketBudget {
  /** Tokens it can hand out within the wait: those free now plus the refill over the wait. */
  available: number;
  /** What a full bucket gives within the wait: the most any wait can make available. */
  mostAvailable: number;
  /**
   * Ms until `calls` tokens would be available within the wait; when `calls` is above `mostAvailable`,
   * until the bucket is full again (which still will not be enough).
   */
  retryAfterMs: number;
}

/**
 * The budget of a bucket read by `RateLimiter.peek`, for an operation estimated at `calls` calls: the
 * same arithmetic as the token bucket's (tokens arrive at `refillPerSecond`, none before a pause ends,
 * never more than `capacity` held), over the queue timeout every call of the operation may wait.
 */
export function bucketBudget(reading: BucketReading, bucket: BucketConfig, withinMs: number, calls: number): BucketBudget {
  const perMs = bucket.refillPerSecond / 1000;
  const refillMs = Math.max(0, withinMs - reading.pausedMs);
  // A hair of tolerance, as in token-bucket.ts: 3.9999999 tokens are 4.
  const available = Math.max(0, Math.floor(reading.tokens + refillMs * perMs + 1e-9));
  const mostAvailable = Math.floor(bucket.capacity + withinMs * perMs + 1e-9);
  // Tokens the bucket must hold at the start for `calls` to fit, at most a full bucket.
  const needed = Math.min(bucket.capacity, calls - withinMs * perMs);
  const missing = Math.max(0, needed - reading.tokens);
  const retryAfterMs = Math.max(1, Math.ceil(reading.pausedMs + missing / perMs));
  return { available, mostAvailable, retryAfterMs };
}

/**
 * Whether `calls` fit the bucket whatever it holds: the refill within the wait alone brings them (an
 * upstream 429's pause aside). Such an operation needs no read of the bucket before it runs.
 */
export function refillCovers(bucket: BucketConfig, withinMs: number, calls: number): boolean {
  return calls <= Math.floor((withinMs * bucket.refillPerSecond) / 1000 + 1e-9);
}
