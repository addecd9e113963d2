import { describe, expect, it } from 'vitest';
import type { BucketConfig } from '../../src/config/schema.js';
import { COMMVAULT_KINDS } from '../../src/datasources/commvault/kinds.js';
import { TokenBucket, withHeadroom } from '../../src/ratelimit/token-bucket.js';
import { windowSafeBucket, type WindowLimit } from '../../src/ratelimit/window-safe-bucket.js';

/**
 * Spends `bucket` greedily on a fake clock for `periods` periods — a full bucket first, then every token
 * the moment it arrives, the worst a caller can do — and returns the time (ms) of each call.
 */
function greedySpend(bucket: BucketConfig, periodMs: number, periods: number): number[] {
  let t = 0;
  const b = new TokenBucket(bucket, () => t);
  const calls: number[] = [];
  while (t < periods * periodMs) {
    while (b.tryTake()) calls.push(t);
    t += Math.max(1, b.msUntil(1));
  }
  return calls;
}

/** The most calls in any span [s, s + periodMs): a fixed window may open at any instant, so every span counts. */
function mostInAnySpan(calls: number[], periodMs: number): number {
  let most = 0;
  let j = 0;
  for (let i = 0; i < calls.length; i++) {
    while (j < calls.length && calls[j] < calls[i] + periodMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

const WINDOWS: WindowLimit[] = [
  { limit: 1000, periodSeconds: 3600 }, // a Commvault Cloud tenant's reads
  { limit: 100, periodSeconds: 3600 }, // … and writes
  { limit: 40, periodSeconds: 4 },
  { limit: 50, periodSeconds: 10 },
  { limit: 5, periodSeconds: 600 },
  { limit: 1, periodSeconds: 10 },
];

describe('a bucket shaped by a window of L calls per period P', () => {
  for (const w of WINDOWS) {
    it(`never spends more than ${w.limit} in any ${w.periodSeconds} s, with or without headroom, and spends at least L − burst per period (${w.limit}/${w.periodSeconds} s)`, () => {
      const periodMs = w.periodSeconds * 1000;
      const bucket = windowSafeBucket(w);
      for (const b of [bucket, withHeadroom(bucket, 1)]) {
        const calls = greedySpend(b, periodMs, 5);
        expect(mostInAnySpan(calls, periodMs)).toBeLessThanOrEqual(w.limit);
      }
      // What a steady greedy caller gets: the whole limit less the burst, per period (≥ 95 % from L = 20 up).
      const calls = greedySpend(bucket, periodMs, 5);
      expect(calls.length).toBeGreaterThanOrEqual(Math.floor(5 * (w.limit - bucket.capacity)));
    });
  }

  it('would overspend a fixed window at the window’s own rate: a burst of 50 and 1000/h spend ~1050 in the first hour', () => {
    const naive = { capacity: 50, refillPerSecond: 1000 / 3600 };
    // 50 at once, then 999 refilled before the hour ends (the 1000th arrives on its last instant).
    expect(mostInAnySpan(greedySpend(naive, 3_600_000, 2), 3_600_000)).toBe(1049);
  });

  it('keeps the burst at 1/20 of the limit (at least one token) and never above the configured bucket', () => {
    expect(windowSafeBucket({ limit: 1000, periodSeconds: 3600 })).toEqual({ capacity: 50, refillPerSecond: 950 / 3600 });
    expect(windowSafeBucket({ limit: 40, periodSeconds: 4 })).toEqual({ capacity: 2, refillPerSecond: 38 / 4 });
    expect(windowSafeBucket({ limit: 1, periodSeconds: 10 })).toEqual({ capacity: 1, refillPerSecond: 0.5 / 10 });
    const configured = { capacity: 10, refillPerSecond: 0.1 };
    expect(windowSafeBucket({ limit: 1000, periodSeconds: 3600 }, configured)).toEqual({ capacity: 10, refillPerSecond: 0.1 });
    expect(windowSafeBucket({ limit: 40, periodSeconds: 4 }, configured)).toEqual({ capacity: 2, refillPerSecond: 0.1 });
  });

  it('is what a commvault-cloud tenant spends from by default: 1000 reads and 100 writes an hour, never more in any hour', () => {
    const { read, write } = COMMVAULT_KINDS['commvault-cloud'].rateLimits;
    expect(read.capacity + read.refillPerSecond * 3600).toBeLessThanOrEqual(1000);
    expect(write.capacity + write.refillPerSecond * 3600).toBeLessThanOrEqual(100);
    expect(read.capacity + read.refillPerSecond * 3600).toBeGreaterThanOrEqual(999);
  });
});
