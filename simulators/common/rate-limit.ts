/** The simulator's own request budget: a token bucket refilled continuously. */
export interface RateLimitOptions {
  requestsPerSecond: number;
  burst: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {
    if (!(options.requestsPerSecond > 0) || !(options.burst >= 1)) {
      throw new Error('rateLimit needs requestsPerSecond > 0 and burst >= 1');
    }
    this.tokens = options.burst;
    this.updatedAt = now();
  }

  take(): RateDecision {
    const t: number = this.now();
    const elapsedSeconds: number = Math.max(0, t - this.updatedAt) / 1000;
    this.tokens = Math.min(this.options.burst, this.tokens + elapsedSeconds * this.options.requestsPerSecond);
    this.updatedAt = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    const waitSeconds: number = (1 - this.tokens) / this.options.requestsPerSecond;
    // Retry-After carries whole seconds; rounding down would invite an immediate second 429.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
  }
}
