import type { BucketConfig } from '../config/schema.js';

/** What a bucket holds now, read without taking anything (see `RateLimiter.peek`). */
export interface BucketReading {
  /**
   * Tokens free for a new caller now, after the refill so far, less those promised to callers already
   * waiting (or reserved across replicas): may be negative.
   */
  tokens: number;
  /** Ms until an upstream 429's pause ends (nothing refills before); 0 when not paused. */
  pausedMs: number;
}

/**
 * Hands out upstream call permits, one token per call, from a bucket per key (the pipeline uses
 * instance + identity + read|write). The memory version serves one process; a Redis Lua version can
 * implement the same interface so replicas share one upstream budget.
 */
export interface RateLimiter {
  /**
   * Resolves when the caller holds a token. Callers of one key are served first come, first served.
   * Rejects with GatewayError RATE_LIMITED (with `retryAfterMs`) as soon as it is clear that no token
   * will be free by `deadlineMs` (epoch ms) — without waiting for the deadline itself.
   * `bucket` configures the key's bucket the first time the key is seen.
   */
  acquire(key: string, bucket: BucketConfig, deadlineMs: number): Promise<void>;
  /** The upstream said its budget is spent (429): empty `key`'s bucket until `untilMs` (epoch ms). */
  pauseUntil(key: string, untilMs: number): void;
  /**
   * Reads `key`'s bucket without taking a token (the budget check before an operation runs). A key
   * never seen reads as a full `bucket`.
   */
  peek(key: string, bucket: BucketConfig): Promise<BucketReading>;
  /** Tokens in `key`'s bucket now, when this process holds it (for `/metrics`); undefined otherwise. */
  tokens?(key: string): number | undefined;
  /** Stop timers; waiting callers are rejected. */
  close?(): void;
}
