import type { BucketConfig } from '../config/schema.js';
import { isGatewayError } from '../errors/gateway-error.js';
import { ErrorCode } from '../errors/codes.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * A background (collector) take: one token, only while the bucket keeps more than `reserve` (a share of
 * its capacity, 0..1) for callers after it, and never by waiting. Callers are never queued behind a
 * background call: a background call never joins the wait queue (it asks with a deadline of now, so a
 * limiter that cannot give the token at once refuses), and it does not take while anyone is waiting (a
 * reading's tokens already count waiters as spent). Answers whether the token was taken.
 *
 * Works over any RateLimiter (memory or Redis): a peek, then a take that cannot wait. Between the two
 * another replica may take tokens; the take then still cannot wait, so the worst case is one token of
 * the reserve spent by a collector, never a caller kept waiting by one.
 */
export async function takeAboveReserve(limiter: RateLimiter, key: string, bucket: BucketConfig, reserve: number, now: () => number): Promise<boolean> {
  const reading = await limiter.peek(key, bucket);
  if (reading.pausedMs > 0) return false;
  const keep = Math.max(0, Math.min(1, reserve)) * bucket.capacity;
  if (reading.tokens - 1 < keep - 1e-9) return false;
  try {
    await limiter.acquire(key, bucket, now());
    return true;
  } catch (error) {
    if (isGatewayError(error) && error.code === ErrorCode.RATE_LIMITED) return false;
    throw error;
  }
}
