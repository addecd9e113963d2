import { ErrorCode } from '../errors/codes.js';
import { GatewayError } from '../errors/gateway-error.js';

/** RATE_LIMITED telling the caller when a token will be free. The pipeline adds the upstream instance. */
export function rateLimitedError(retryAfterMs: number): GatewayError {
  const ms = Math.max(1, Math.ceil(retryAfterMs));
  return new GatewayError(ErrorCode.RATE_LIMITED, `Upstream request budget spent; retry in ${ms} ms`, {
    retryAfterMs: ms,
  });
}

/**
 * RATE_LIMITED for a collector's call the callers' reserve refused: the collection skips this upstream
 * until its next interval instead of waiting for a token.
 */
export function backgroundDeferred(): GatewayError {
  const error = new GatewayError(ErrorCode.RATE_LIMITED, 'Collector call deferred: the upstream budget is kept for callers');
  deferrals.add(error);
  return error;
}

/** The errors backgroundDeferred made: RATE_LIMITED alone cannot tell a deferral from a spent budget. */
const deferrals = new WeakSet<Error>();

/**
 * Whether `error` is a collector call deferred for the callers' reserve, or wraps one as its cause (the
 * pipeline adds the upstream's origin so: withOrigin), as GraphQL's located errors wrap what a resolver threw.
 */
export function isBackgroundDeferral(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 4; depth++) {
    if (deferrals.has(e)) return true;
    e = e.cause;
  }
  return false;
}
