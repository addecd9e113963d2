import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { MemoryRateLimiter } from '../../src/ratelimit/memory-rate-limiter.js';
import { retryAtMs } from '../../src/ratelimit/retry-after.js';
import { TokenBucket, withHeadroom } from '../../src/ratelimit/token-bucket.js';

const T0 = 1_700_000_000_000;

describe('TokenBucket', () => {
  it('starts full and refills continuously up to its capacity', () => {
    let t = T0;
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2 }, () => t);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
    t += 500; // 2/s → one token
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    t += 60_000;
    expect(bucket.available()).toBe(3);
  });

  it('tells how long the n-th queued caller waits', () => {
    let t = T0;
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 4 }, () => t);
    expect(bucket.msUntil(1)).toBe(0);
    bucket.tryTake();
    expect(bucket.msUntil(1)).toBe(250);
    expect(bucket.msUntil(3)).toBe(750);
    t += 100;
    expect(bucket.msUntil(1)).toBe(150);
  });

  it('empties and stops refilling until the pause ends', () => {
    let t = T0;
    const bucket = new TokenBucket({ capacity: 10, refillPerSecond: 10 }, () => t);
    bucket.pauseUntil(T0 + 1000);
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.pausedUntilMs()).toBe(T0 + 1000);
    expect(bucket.msUntil(1)).toBe(1100);
    t = T0 + 999;
    expect(bucket.tryTake()).toBe(false);
    t = T0 + 1100;
    expect(bucket.tryTake()).toBe(true);
  });

  it('never shortens a pause with an earlier one', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 1 }, () => T0);
    bucket.pauseUntil(T0 + 5000);
    bucket.pauseUntil(T0 + 1000);
    expect(bucket.pausedUntilMs()).toBe(T0 + 5000);
  });
});

describe('MemoryRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const bucket = { capacity: 2, refillPerSecond: 10 }; // a token every 100 ms

  it('lets calls through at once while tokens last', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.acquire('k', bucket, Date.now());
    await limiter.acquire('k', bucket, Date.now());
    await expect(limiter.acquire('k', bucket, Date.now())).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
  });

  it('serves waiting callers first come, first served as tokens refill', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.acquire('k', bucket, Date.now());
    await limiter.acquire('k', bucket, Date.now());
    const order: number[] = [];
    const waits = [1, 2, 3].map((n) => limiter.acquire('k', bucket, Date.now() + 1000).then(() => order.push(n)));
    await vi.advanceTimersByTimeAsync(100);
    expect(order).toEqual([1]);
    await vi.advanceTimersByTimeAsync(200);
    await Promise.all(waits);
    expect(order).toEqual([1, 2, 3]);
  });

  it('fails with RATE_LIMITED and retryAfterMs when no token comes before the deadline', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.acquire('k', bucket, Date.now());
    await limiter.acquire('k', bucket, Date.now());
    const first = limiter.acquire('k', bucket, Date.now() + 150); // token at +100: fits
    const second = limiter.acquire('k', bucket, Date.now() + 150); // token at +200: does not
    const error = await second.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterMs: 200 });
    await vi.advanceTimersByTimeAsync(100);
    await expect(first).resolves.toBeUndefined();
  });

  it('fails fast, without waiting for the deadline, when the wait cannot fit', async () => {
    const slow = { capacity: 1, refillPerSecond: 1000 / 3600 }; // Commvault Cloud reads: one per 3.6 s
    const limiter = new MemoryRateLimiter();
    await limiter.acquire('k', slow, Date.now());
    const settled = vi.fn();
    const pending = limiter.acquire('k', slow, Date.now() + 1000).catch((e: unknown) => {
      settled();
      return e;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toHaveBeenCalled(); // rejected before any time passed
    expect(await pending).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterMs: 3600 });
  });

  it('keeps buckets of different keys apart', async () => {
    const limiter = new MemoryRateLimiter();
    const one = { capacity: 1, refillPerSecond: 1 };
    await limiter.acquire('cv-1|alice|read', one, Date.now());
    await expect(limiter.acquire('cv-1|bob|read', one, Date.now())).resolves.toBeUndefined();
    await expect(limiter.acquire('cv-1|alice|write', one, Date.now())).resolves.toBeUndefined();
  });

  it('pauses a key until Retry-After and then serves its waiters', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.acquire('k', bucket, Date.now());
    limiter.pauseUntil('k', Date.now() + 1000);
    const resolved = vi.fn();
    const waiting = limiter.acquire('k', bucket, Date.now() + 2000).then(resolved);
    await vi.advanceTimersByTimeAsync(999);
    expect(resolved).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(101);
    await waiting;
    expect(resolved).toHaveBeenCalled();
  });

  it('applies a pause announced before the key had a bucket', async () => {
    const limiter = new MemoryRateLimiter();
    limiter.pauseUntil('k', Date.now() + 1000);
    await expect(limiter.acquire('k', bucket, Date.now() + 500)).rejects.toMatchObject({
      code: ErrorCode.RATE_LIMITED,
      retryAfterMs: 1100,
    });
  });

  it('rejects a waiter at once when a pause pushes its token past its deadline', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.acquire('k', bucket, Date.now());
    await limiter.acquire('k', bucket, Date.now());
    const waiting = limiter.acquire('k', bucket, Date.now() + 500).catch((e: unknown) => e);
    limiter.pauseUntil('k', Date.now() + 30_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(await waiting).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterMs: 30_100 });
  });

  it('rejects waiters on close', async () => {
    const limiter = new MemoryRateLimiter();
    await limiter.acquire('k', { capacity: 1, refillPerSecond: 1 }, Date.now());
    const waiting = limiter.acquire('k', { capacity: 1, refillPerSecond: 1 }, Date.now() + 5000).catch((e: unknown) => e);
    limiter.close();
    expect(await waiting).toBeInstanceOf(GatewayError);
  });
});

describe('retryAtMs', () => {
  it('reads Retry-After in seconds', () => {
    expect(retryAtMs({ 'retry-after': '2' }, T0)).toBe(T0 + 2000);
  });

  it('reads Retry-After as an HTTP date', () => {
    const at = new Date(T0 + 5000).toUTCString();
    expect(retryAtMs({ 'retry-after': at }, T0)).toBe(T0 + 5000);
  });

  it('falls back to X-RateLimit-Period seconds', () => {
    expect(retryAtMs({ 'x-ratelimit-period': '60' }, T0)).toBe(T0 + 60_000);
  });

  it('is undefined without a usable header', () => {
    expect(retryAtMs({ 'retry-after': 'soon' }, T0)).toBeUndefined();
    expect(retryAtMs({}, T0)).toBeUndefined();
  });
});

describe('withHeadroom', () => {
  it('leaves the given tokens of the upstream\'s capacity unspent, at the same refill', () => {
    expect(withHeadroom({ capacity: 10, refillPerSecond: 10 }, 1)).toEqual({ capacity: 9, refillPerSecond: 10 });
    expect(withHeadroom({ capacity: 50, refillPerSecond: 1000 / 3600 }, 5)).toEqual({ capacity: 45, refillPerSecond: 1000 / 3600 });
  });

  it('keeps the upstream\'s bucket with no headroom, and never goes below one token', () => {
    const limit = { capacity: 10, refillPerSecond: 10 };
    expect(withHeadroom(limit, 0)).toBe(limit);
    expect(withHeadroom({ capacity: 1, refillPerSecond: 1 }, 1)).toEqual({ capacity: 1, refillPerSecond: 1 });
    expect(withHeadroom({ capacity: 3, refillPerSecond: 1 }, 10)).toEqual({ capacity: 1, refillPerSecond: 1 });
  });
});
