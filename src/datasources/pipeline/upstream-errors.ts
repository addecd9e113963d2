import { ErrorCode } from '../../errors/codes.js';
import { GatewayError, type UpstreamErrorOrigin } from '../../errors/gateway-error.js';

/*
 * Every error the pipeline raises for an upstream carries `upstream: {instance, status}` and a message
 * that names the instance only — never a URL, host, token or password, because messages reach clients
 * verbatim. Transport errors' own messages (which hold host:port) are therefore not passed on as
 * `cause`; only their code is kept.
 */

/** `error` with `upstream` set to `origin` unless it already names an instance (a source's own error). */
export function withOrigin(error: GatewayError, origin: UpstreamErrorOrigin): GatewayError {
  if (error.upstream?.instance) return error;
  return new GatewayError(error.code, error.message, {
    upstream: origin,
    upstreamCode: error.upstreamCode,
    retryAfterMs: error.retryAfterMs,
    cause: error,
  });
}

/**
 * The error for an answer the source found nothing wrong with but whose status is not 2xx.
 * 401 here means the upstream rejected the credential even after a fresh login (or on the login call
 * itself). That is UPSTREAM_ERROR with `upstream.status: 401`, not UNAUTHENTICATED: the gateway's
 * caller did authenticate; it is the gateway's upstream credential that failed, and a client must not
 * be told to log in again.
 */
export function statusError(instance: string, status: number): GatewayError {
  const upstream = { instance, status };
  if (status === 403) return new GatewayError(ErrorCode.FORBIDDEN, `Upstream ${instance} refused access`, { upstream });
  if (status === 404) return new GatewayError(ErrorCode.NOT_FOUND, `Upstream ${instance} does not know this resource`, { upstream });
  if (status === 401) return new GatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream ${instance} rejected the gateway's credentials`, { upstream });
  return new GatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream ${instance} answered HTTP ${status}`, { upstream });
}

/** The upstream answered 429 and wants no call before `retryAfterMs` from now. */
export function upstreamThrottled(instance: string, retryAfterMs: number): GatewayError {
  return new GatewayError(ErrorCode.RATE_LIMITED, `Upstream ${instance} is rate limiting the gateway`, {
    upstream: { instance, status: 429 },
    retryAfterMs: Math.max(1, Math.ceil(retryAfterMs)),
  });
}

export function malformedResponse(instance: string, status: number): GatewayError {
  return new GatewayError(ErrorCode.UPSTREAM_ERROR, `Upstream ${instance} sent a malformed response`, {
    upstream: { instance, status },
  });
}

export function upstreamTimeout(instance: string, timeoutMs: number): GatewayError {
  return new GatewayError(ErrorCode.UPSTREAM_TIMEOUT, `Upstream ${instance} did not answer within ${timeoutMs} ms`, {
    upstream: { instance },
  });
}

export function upstreamUnavailable(instance: string, code: string | undefined): GatewayError {
  return new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `Upstream ${instance} is unreachable${code ? ` (${code})` : ''}`, {
    upstream: { instance },
  });
}

/**
 * The TLS handshake with the upstream failed (`reason`: unknown authority, name mismatch, expired,
 * client certificate refused…): nothing was sent. `upstreamCode` keeps Node's code for operators.
 */
export function upstreamTls(instance: string, reason: string, code: string | undefined): GatewayError {
  return new GatewayError(ErrorCode.UPSTREAM_TLS, `Upstream ${instance} failed the TLS check: ${reason}`, {
    upstream: { instance },
    upstreamCode: code,
  });
}

export function circuitOpen(instance: string, retryAfterMs: number): GatewayError {
  return new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `Upstream ${instance} is failing; calls are paused`, {
    upstream: { instance },
    retryAfterMs: retryAfterMs > 0 ? Math.ceil(retryAfterMs) : undefined,
  });
}

/**
 * A write was sent and the upstream may have carried it out, but no readable answer came back (timeout,
 * connection reset, 5xx, a 2xx that would not decode). Writes are never re-sent, so the caller must look.
 */
export function upstreamUncertain(instance: string, what: string, status?: number): GatewayError {
  return new GatewayError(
    ErrorCode.UPSTREAM_UNCERTAIN,
    `Upstream ${instance} may have carried out this write: ${what}. It was not sent again; check the job list before retrying.`,
    { upstream: status === undefined ? { instance } : { instance, status } },
  );
}

/**
 * The upstream answered, but the gateway lost the answer before reading it: the worker thread holding
 * its bytes stopped (list-bounds-off-thread.ts). The gateway's fault, not the upstream's; a read is
 * retried, and later answers are read without the worker.
 */
export function answerLost(instance: string): GatewayError {
  return new GatewayError(ErrorCode.INTERNAL_SERVER_ERROR, `The answer of upstream ${instance} was lost before it was read`, {
    upstream: { instance },
  });
}
