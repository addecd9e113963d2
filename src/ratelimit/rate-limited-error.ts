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
  return new GatewayError(ErrorCode.RATE_LIMITED, 'Collector call deferred: the upstream budget is kept for callers');
}
