import type { NotificationRetryConfig } from '../../config/notifications.js';
import type { DeliveryFailure } from './delivery-failure.js';

/**
 * The wait before the next attempt of a delivery, or undefined when there is none. Attempts double
 * their wait from `baseDelayMs` up to `maxDelayMs` (no jitter: deliveries are few and independent, and a
 * receiver's own Retry-After is what spreads them when it is busy). A failure the channel calls final
 * (a 4xx other than 408/429, a permanent SMTP 5xx) is not retried; nor is one whose Retry-After is
 * longer than `maxDelayMs` — waiting that long would hold a delivery open for an unbounded time, and
 * retrying sooner would ignore the receiver.
 *
 * `attemptsMade` counts the failed attempt (1 after the first).
 */
export function nextDeliveryDelayMs(attemptsMade: number, policy: NotificationRetryConfig, failure: Pick<DeliveryFailure, 'retryable' | 'retryAfterMs'>): number | undefined {
  if (!failure.retryable || attemptsMade >= policy.attempts) return undefined;
  const backoffMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1));
  if (failure.retryAfterMs === undefined) return backoffMs;
  if (failure.retryAfterMs > policy.maxDelayMs) return undefined;
  return Math.max(backoffMs, failure.retryAfterMs);
}

/** HTTP statuses worth another attempt: a timeout, a rate limit, or a server error. Any other 4xx is the request's own fault. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
