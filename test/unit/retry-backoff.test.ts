import { describe, expect, it } from 'vitest';
import { accessOf, backoffDelayMs, nextRetryDelayMs } from '../../src/datasources/pipeline/retry.js';

describe('backoffDelayMs (full jitter)', () => {
  it('draws from [0, base · 2^retryIndex)', () => {
    expect(backoffDelayMs(0, 100, () => 0)).toBe(0);
    expect(backoffDelayMs(0, 100, () => 0.999)).toBeCloseTo(99.9);
    expect(backoffDelayMs(1, 100, () => 0.5)).toBe(100);
    expect(backoffDelayMs(3, 100, () => 0.5)).toBe(400);
  });

  it('stays within the bound for any random draw', () => {
    for (let i = 0; i < 1000; i++) {
      const d = backoffDelayMs(2, 50);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(200);
    }
  });
});

describe('nextRetryDelayMs', () => {
  const plan = { maxAttempts: 3, baseDelayMs: 100, nowMs: 0, deadlineMs: 10_000, random: () => 1 };

  it('allows retries until maxAttempts attempts were made', () => {
    expect(nextRetryDelayMs({ ...plan, attemptsMade: 1 })).toBe(100);
    expect(nextRetryDelayMs({ ...plan, attemptsMade: 2 })).toBe(200);
    expect(nextRetryDelayMs({ ...plan, attemptsMade: 3 })).toBeUndefined();
  });

  it('never retries with maxAttempts 1', () => {
    expect(nextRetryDelayMs({ ...plan, maxAttempts: 1, attemptsMade: 1 })).toBeUndefined();
  });

  it('gives up when the delay would reach the deadline', () => {
    expect(nextRetryDelayMs({ ...plan, attemptsMade: 1, nowMs: 9_950 })).toBeUndefined();
    expect(nextRetryDelayMs({ ...plan, attemptsMade: 1, nowMs: 9_899 })).toBe(100);
  });
});

describe('accessOf', () => {
  it('treats GET, HEAD and OPTIONS as reads and other verbs as writes', () => {
    expect(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'].map((method) => accessOf({ method: method as never }))).toEqual([
      'read',
      'read',
      'read',
      'write',
      'write',
      'write',
      'write',
    ]);
  });

  it('honours an explicit access (a POST search is a read)', () => {
    expect(accessOf({ method: 'POST', access: 'read' })).toBe('read');
  });
});
