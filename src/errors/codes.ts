/**
 * The public error codes of the gateway (`extensions.code`). Clients and partners branch on these;
 * never rename one. Error classes stay private to the code that throws them.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  /** The TLS handshake with the upstream failed (certificate not trusted, wrong name, expired, client certificate refused): nothing was sent. */
  UPSTREAM_TLS: 'UPSTREAM_TLS',
  /** A write reached the upstream but its outcome is unknown (timeout, reset, 5xx after sending): never re-sent. */
  UPSTREAM_UNCERTAIN: 'UPSTREAM_UNCERTAIN',
  /**
   * The gateway could not get or keep a credential the upstream takes: minting its Google token failed
   * (Google's message says why), or the console refused a fresh token and session.
   */
  UPSTREAM_AUTH: 'UPSTREAM_AUTH',
  /** The upstream has no such action for this object (e.g. pausing a console job): nothing was sent. */
  NOT_SUPPORTED: 'NOT_SUPPORTED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
