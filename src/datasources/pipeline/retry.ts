import type { HttpMethod, UpstreamRequest } from './types.js';

const READ_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `req.access`, or its default: GET/HEAD/OPTIONS read, every other verb write. */
export function accessOf(req: Pick<UpstreamRequest, 'method' | 'access'>): 'read' | 'write' {
  return req.access ?? (READ_METHODS.has(req.method) ? 'read' : 'write');
}

/**
 * Full-jitter exponential backoff (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/):
 * a delay drawn uniformly from [0, baseDelayMs · 2^retryIndex). Jitter spreads the retries of many
 * callers that failed together, so a recovering upstream is not hit by a synchronized wave.
 * `retryIndex` is 0 before the first retry.
 */
export function backoffDelayMs(retryIndex: number, baseDelayMs: number, random: () => number = Math.random): number {
  return random() * baseDelayMs * 2 ** retryIndex;
}

export interface RetryPlan {
  /** Attempts made so far, the failed one included (1 after the first attempt). */
  attemptsMade: number;
  /** Attempts allowed in all (`upstream.retry.maxAttempts`). */
  maxAttempts: number;
  baseDelayMs: number;
  nowMs: number;
  /** The call's deadline (same clock as `nowMs`); no retry starts at or after it. */
  deadlineMs: number;
  /** @default Math.random */
  random?: () => number;
}

/** The delay before the next attempt, or undefined when there is none: attempts spent or past the deadline. */
export function nextRetryDelayMs(plan: RetryPlan): number | undefined {
  if (plan.attemptsMade >= plan.maxAttempts) return undefined;
  const delayMs = backoffDelayMs(plan.attemptsMade - 1, plan.baseDelayMs, plan.random);
  return plan.nowMs + delayMs < plan.deadlineMs ? delayMs : undefined;
}
