import { describe, expect, it } from 'vitest';
import { bucketBudget, refillCovers } from '../../src/ratelimit/budget.js';

// The demo CommServe's read bucket as the gateway spends it: 30 less 1 token of headroom, 15/s; a 5 s queue timeout.
const BUCKET = { capacity: 29, refillPerSecond: 15 };
const WITHIN_MS = 5_000;

describe('bucketBudget (what a bucket can give an operation within the queue timeout)', () => {
  it('gives a full bucket plus the refill over the wait', () => {
    expect(bucketBudget({ tokens: 29, pausedMs: 0 }, BUCKET, WITHIN_MS, 50)).toMatchObject({ available: 104, mostAvailable: 104 });
  });

  it('says how long until an operation that fits a full bucket fits this one', () => {
    // Empty bucket, 90 calls: 75 come with the wait, 15 must be there at the start: 1 s of refill.
    expect(bucketBudget({ tokens: 0, pausedMs: 0 }, BUCKET, WITHIN_MS, 90)).toEqual({ available: 75, mostAvailable: 104, retryAfterMs: 1000 });
  });

  it('counts callers already waiting (negative tokens) and an upstream pause', () => {
    expect(bucketBudget({ tokens: -15, pausedMs: 0 }, BUCKET, WITHIN_MS, 90).available).toBe(60);
    expect(bucketBudget({ tokens: 0, pausedMs: 2_000 }, BUCKET, WITHIN_MS, 90)).toMatchObject({ available: 45, retryAfterMs: 3_000 });
  });

  it('for an operation above a full bucket, gives the time until the bucket is full', () => {
    expect(bucketBudget({ tokens: 14, pausedMs: 0 }, BUCKET, WITHIN_MS, 201)).toEqual({ available: 89, mostAvailable: 104, retryAfterMs: 1000 });
  });

  it('needs no read when the refill over the wait alone covers the calls', () => {
    expect(refillCovers(BUCKET, WITHIN_MS, 75)).toBe(true);
    expect(refillCovers(BUCKET, WITHIN_MS, 76)).toBe(false);
  });
});
