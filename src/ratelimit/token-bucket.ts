import type { BucketConfig } from '../config/schema.js';

/**
 * A token bucket on an injectable clock (epoch ms): `capacity` tokens, refilled continuously at
 * `refillPerSecond`. Pure bookkeeping — no timers; the rate limiter decides who waits.
 *
 * `pauseUntil` empties the bucket and stops the refill until the given time: an upstream 429 says
 * its budget is spent, whatever our own count believed.
 */
export class TokenBucket {
  config: BucketConfig;
  private readonly now: () => number;
  private tokens: number;
  /** Refill counts from here; later than now() while paused. */
  private refilledAtMs: number;

  constructor(config: BucketConfig, now: () => number = Date.now) {
    this.config = config;
    this.now = now;
    this.tokens = config.capacity;
    this.refilledAtMs = now();
  }

  /**
   * Takes a changed budget (a config reload, or a lower limit the upstream announced): what was refilled
   * so far at the old rate stays, the new rate applies from now, and a smaller capacity applies at once.
   */
  reconfigure(config: BucketConfig): void {
    if (config.capacity === this.config.capacity && config.refillPerSecond === this.config.refillPerSecond) return;
    this.refill();
    this.config = config;
    this.tokens = Math.min(this.tokens, config.capacity);
  }

  /** Tokens available now (fractional while refilling). */
  available(): number {
    this.refill();
    return this.tokens;
  }

  /** Take one token if one is there. */
  tryTake(): boolean {
    this.refill();
    // A hair of tolerance: a timer set for the exact refill instant must find its token.
    if (this.tokens < 1 - 1e-9) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  /**
   * Milliseconds until the `n`-th token from now can be taken, if tokens are taken one by one as they
   * arrive (the wait of the n-th caller in a FIFO queue). 0 when it is there already.
   */
  msUntil(n: number): number {
    this.refill();
    const pausedMs = Math.max(0, this.refilledAtMs - this.now());
    const missing = n - this.tokens;
    if (missing <= 1e-9) return pausedMs;
    return Math.ceil(pausedMs + (missing * 1000) / this.config.refillPerSecond);
  }

  /** Empty the bucket and refill nothing before `untilMs` (epoch ms). An earlier time never shortens a pause. */
  pauseUntil(untilMs: number): void {
    this.refill();
    this.tokens = 0;
    this.refilledAtMs = Math.max(this.refilledAtMs, untilMs);
  }

  /** End of the current pause (epoch ms), or undefined when not paused. */
  pausedUntilMs(): number | undefined {
    return this.refilledAtMs > this.now() ? this.refilledAtMs : undefined;
  }

  private refill(): void {
    const t = this.now();
    if (t <= this.refilledAtMs) return;
    this.tokens = Math.min(this.config.capacity, this.tokens + ((t - this.refilledAtMs) * this.config.refillPerSecond) / 1000);
    this.refilledAtMs = t;
  }
}

/**
 * The bucket the gateway spends from, given the upstream's own limit: the same refill, `headroom`
 * tokens less capacity (never below one token). With equal buckets, two calls sent one refill
 * interval apart can reach the upstream closer together and find its bucket empty (bench scenario 4:
 * 1 upstream 429 in 249 calls); one token of headroom absorbs arrival jitter up to one refill interval
 * (100 ms at 10/s) and costs one token of the whole budget, once.
 */
export function withHeadroom(upstreamLimit: BucketConfig, headroom: number): BucketConfig {
  const capacity = Math.max(1, upstreamLimit.capacity - headroom);
  return capacity === upstreamLimit.capacity ? upstreamLimit : { capacity, refillPerSecond: upstreamLimit.refillPerSecond };
}
