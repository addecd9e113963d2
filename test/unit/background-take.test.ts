import { describe, expect, it } from 'vitest';
import { takeAboveReserve } from '../../src/ratelimit/background-take.js';
import { MemoryRateLimiter } from '../../src/ratelimit/memory-rate-limiter.js';

const BUCKET = { capacity: 10, refillPerSecond: 1 };

describe('background (collector) takes keep the callers reserve', () => {
  it('takes only while more than the reserve stays: 5 of 10 tokens with a 50 % reserve', async () => {
    let t = 1_000;
    const limiter = new MemoryRateLimiter({ now: () => t });
    const taken: boolean[] = [];
    for (let i = 0; i < 8; i++) taken.push(await takeAboveReserve(limiter, 'k', BUCKET, 0.5, () => t));
    expect(taken).toEqual([true, true, true, true, true, false, false, false]);
    // The refill gives the collector room again only above the reserve.
    t += 1_000;
    expect(await takeAboveReserve(limiter, 'k', BUCKET, 0.5, () => t)).toBe(true);
    expect(await takeAboveReserve(limiter, 'k', BUCKET, 0.5, () => t)).toBe(false);
  });

  it('never makes a caller wait: after the collector stops, the callers still have the reserve at once', async () => {
    const t = 1_000;
    const limiter = new MemoryRateLimiter({ now: () => t });
    while (await takeAboveReserve(limiter, 'k', BUCKET, 0.5, () => t));
    // Five callers at the same instant each get a token without waiting (a deadline of now refuses any wait).
    for (let i = 0; i < 5; i++) await expect(limiter.acquire('k', BUCKET, t)).resolves.toBeUndefined();
  });

  it('does not take while a caller waits, and never joins the wait queue', async () => {
    let t = 1_000;
    const limiter = new MemoryRateLimiter({ now: () => t });
    for (let i = 0; i < 10; i++) await limiter.acquire('k', BUCKET, t);
    const waiting = limiter.acquire('k', BUCKET, t + 60_000);
    // Even with no reserve the waiting caller is first: its claim counts against the bucket.
    t += 1_000;
    expect(await takeAboveReserve(limiter, 'k', BUCKET, 0, () => t)).toBe(false);
    limiter.close();
    await expect(waiting).rejects.toBeDefined();
  });

  it('takes nothing while an upstream 429 pauses the bucket', async () => {
    const t = 1_000;
    const limiter = new MemoryRateLimiter({ now: () => t });
    limiter.pauseUntil('k', t + 5_000);
    expect(await takeAboveReserve(limiter, 'k', BUCKET, 0, () => t)).toBe(false);
  });
});
