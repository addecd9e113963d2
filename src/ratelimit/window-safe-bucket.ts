import type { BucketConfig } from '../config/schema.js';

/** An upstream's budget stated as a window: at most `limit` calls in `periodSeconds`. */
export interface WindowLimit {
  limit: number;
  periodSeconds: number;
}

/** The share of a window's limit a window-safe bucket holds as its burst (1000 an hour → 50). */
export const WINDOW_BURST_SHARE = 1 / 20;

/**
 * The token bucket that never spends more than `limit` calls in ANY span of `periodSeconds` — so neither
 * a fixed window (counted from whenever it opens, as Commvault Cloud's tenant budget is in the
 * simulator) nor a sliding one is ever overspent. The one computation for every bucket shaped by a
 * window: a kind's default (src/datasources/commvault/kinds.ts) and a limit the upstream announces
 * (announced-limits.ts); the memory and the Redis bucket both spend from what it returns.
 *
 * Why: a bucket of capacity C refilled at r holds at most C tokens when a span of length P starts and
 * gains r·P during it, so it hands out at most C + r·P in that span — and a full bucket followed by
 * steady refill reaches exactly that. The span is safe iff C + r·P ≤ L, i.e. r = (L − C) / P. A bucket
 * at the window's own rate (r = L/P) with any burst spends C + L in its first window (1050 against
 * 1000 an hour with a burst of 50).
 *
 * The burst C is what a full bucket lets go at once; it comes out of the steady rate, so a long run
 * uses (L − C)/L of the budget: C = L/20 (at least 1 token, at most `ceiling.capacity`) keeps that
 * at ≥ 95 % while a quiet bucket still answers a small burst at once. With L = 1 (C = 1) the refill
 * would be 0: half a token per period instead, since calls are whole (⌊1.5⌋ = 1 in any span).
 *
 * `ceiling`, when given (the configured bucket), is never raised: its capacity and refill cap the result.
 * The headroom (withHeadroom) comes off the capacity afterwards and only lowers the spend.
 */
export function windowSafeBucket(window: WindowLimit, ceiling?: BucketConfig): BucketConfig {
  const { limit, periodSeconds } = window;
  let capacity = Math.max(1, Math.floor(limit * WINDOW_BURST_SHARE));
  if (ceiling) capacity = Math.min(capacity, ceiling.capacity);
  let refillPerSecond = Math.max(limit - capacity, 0.5) / periodSeconds;
  if (ceiling) refillPerSecond = Math.min(refillPerSecond, ceiling.refillPerSecond);
  return { capacity, refillPerSecond };
}
