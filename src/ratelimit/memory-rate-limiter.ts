import type { BucketConfig } from '../config/schema.js';
import { ErrorCode } from '../errors/codes.js';
import { GatewayError } from '../errors/gateway-error.js';
import { rateLimitedError } from './rate-limited-error.js';
import type { BucketReading, RateLimiter } from './rate-limiter.js';
import { TokenBucket } from './token-bucket.js';

export interface MemoryRateLimiterOptions {
  /** Clock in epoch ms; deadlines and pauses are on it. @default Date.now */
  now?: () => number;
}

interface Waiter {
  deadlineMs: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface KeyState {
  bucket: TokenBucket;
  /** FIFO: the head gets the next token. */
  queue: Waiter[];
  timer?: NodeJS.Timeout;
}

/**
 * In-process token buckets with a FIFO wait queue per key. One timer per key with waiters fires when
 * the head's token arrives. Every time the queue is looked at (a new caller, a timer, a 429 pause),
 * each waiter's arrival time is recomputed from its position, and a waiter who can no longer make its
 * deadline is rejected at once with the time its token would have come.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly now: () => number;
  private readonly states = new Map<string, KeyState>();
  /** Pauses announced before the key had a bucket. */
  private readonly pendingPauses = new Map<string, number>();

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  acquire(key: string, bucket: BucketConfig, deadlineMs: number): Promise<void> {
    const state = this.stateFor(key, bucket);
    if (state.queue.length === 0 && state.bucket.tryTake()) return Promise.resolve();
    const waitMs = state.bucket.msUntil(state.queue.length + 1);
    if (this.now() + waitMs > deadlineMs) return Promise.reject(rateLimitedError(waitMs));
    return new Promise<void>((resolve, reject) => {
      state.queue.push({ deadlineMs, resolve, reject });
      if (!state.timer) this.schedule(state);
    });
  }

  pauseUntil(key: string, untilMs: number): void {
    const state = this.states.get(key);
    if (!state) {
      this.pendingPauses.set(key, Math.max(untilMs, this.pendingPauses.get(key) ?? 0));
      return;
    }
    state.bucket.pauseUntil(untilMs);
    // Waiters' arrival times just moved: reject those who cannot make it any more, re-arm the timer.
    if (state.queue.length > 0) this.drain(state);
  }

  peek(key: string, bucket: BucketConfig): Promise<BucketReading> {
    const state = this.states.get(key);
    if (!state) {
      const pausedMs = Math.max(0, (this.pendingPauses.get(key) ?? 0) - this.now());
      return Promise.resolve({ tokens: pausedMs > 0 ? 0 : bucket.capacity, pausedMs });
    }
    const pausedMs = Math.max(0, (state.bucket.pausedUntilMs() ?? 0) - this.now());
    // Every waiter holds a claim on the next token: a new caller comes after all of them.
    return Promise.resolve({ tokens: Math.min(state.bucket.available(), bucket.capacity) - state.queue.length, pausedMs });
  }

  tokens(key: string): number | undefined {
    return this.states.get(key)?.bucket.available();
  }

  close(): void {
    for (const state of this.states.values()) {
      clearTimeout(state.timer);
      state.timer = undefined;
      for (const w of state.queue.splice(0)) {
        w.reject(new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, 'Gateway is shutting down'));
      }
    }
  }

  private stateFor(key: string, config: BucketConfig): KeyState {
    let state = this.states.get(key);
    if (!state) {
      state = { bucket: new TokenBucket(config, this.now), queue: [] };
      const paused = this.pendingPauses.get(key);
      if (paused !== undefined) {
        state.bucket.pauseUntil(paused);
        this.pendingPauses.delete(key);
      }
      this.states.set(key, state);
    } else {
      state.bucket.reconfigure(config);
    }
    return state;
  }

  private drain(state: KeyState): void {
    clearTimeout(state.timer);
    state.timer = undefined;
    while (state.queue.length > 0 && state.bucket.tryTake()) state.queue.shift()!.resolve();

    const now = this.now();
    const kept: Waiter[] = [];
    for (const waiter of state.queue) {
      const waitMs = state.bucket.msUntil(kept.length + 1);
      if (now + waitMs > waiter.deadlineMs) waiter.reject(rateLimitedError(waitMs));
      else kept.push(waiter);
    }
    state.queue = kept;
    if (kept.length > 0) this.schedule(state);
  }

  private schedule(state: KeyState): void {
    state.timer = setTimeout(() => this.drain(state), Math.max(1, state.bucket.msUntil(1)));
  }
}
