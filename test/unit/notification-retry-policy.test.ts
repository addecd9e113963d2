import { describe, expect, it } from 'vitest';
import { isRetryableStatus, nextDeliveryDelayMs } from '../../src/collectors/notifications/retry-policy.js';

const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
const transient = { retryable: true, retryAfterMs: undefined };

describe('notification retry policy', () => {
  it('doubles the wait from baseDelayMs and caps it at maxDelayMs', () => {
    expect([1, 2, 3, 4].map((n) => nextDeliveryDelayMs(n, { ...policy, attempts: 10 }, transient))).toEqual([100, 200, 400, 800]);
    expect(nextDeliveryDelayMs(5, { ...policy, attempts: 10 }, transient)).toBe(1_000);
    expect(nextDeliveryDelayMs(9, { ...policy, attempts: 10 }, transient)).toBe(1_000);
  });

  it('stops after the configured number of attempts', () => {
    expect(nextDeliveryDelayMs(4, policy, transient)).toBe(800);
    expect(nextDeliveryDelayMs(5, policy, transient)).toBeUndefined();
    expect(nextDeliveryDelayMs(1, { ...policy, attempts: 1 }, transient)).toBeUndefined();
  });

  it('never retries a failure the channel calls final', () => {
    expect(nextDeliveryDelayMs(1, policy, { retryable: false, retryAfterMs: undefined })).toBeUndefined();
  });

  it("waits at least the receiver's Retry-After, and gives up when it asks for more than maxDelayMs", () => {
    expect(nextDeliveryDelayMs(1, policy, { retryable: true, retryAfterMs: 700 })).toBe(700);
    expect(nextDeliveryDelayMs(3, policy, { retryable: true, retryAfterMs: 10 })).toBe(400);
    expect(nextDeliveryDelayMs(1, policy, { retryable: true, retryAfterMs: 1_001 })).toBeUndefined();
  });

  it('retries 408, 429 and 5xx, not other 4xx', () => {
    expect([408, 429, 500, 502, 503].map(isRetryableStatus)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 409, 413, 422].map(isRetryableStatus)).toEqual([false, false, false, false, false, false, false]);
  });
});
