import { ErrorCode } from './codes.js';

/** Which upstream an error came from; never its URL or credentials. */
export interface UpstreamErrorOrigin {
  /** The upstream's configured `id`, e.g. `cv-main`. */
  instance: string;
  /** HTTP status the upstream answered, when it answered at all. */
  status?: number;
}

export interface GatewayErrorOptions {
  upstream?: UpstreamErrorOrigin;
  /** The upstream's own error code (Commvault `errorCode`, console `err_code`). */
  upstreamCode?: string | number;
  /** For RATE_LIMITED: how long the caller should wait before trying again. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * An error whose `code` is one of the public codes. Anything thrown that is not a GatewayError is
 * masked at the edge as INTERNAL_SERVER_ERROR. Messages must never hold an upstream URL, token or
 * password: they reach clients verbatim.
 */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly upstream?: UpstreamErrorOrigin;
  readonly upstreamCode?: string | number;
  readonly retryAfterMs?: number;

  constructor(code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.code = code;
    this.upstream = options.upstream;
    this.upstreamCode = options.upstreamCode;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** The `extensions` this error shows to clients (besides `code`). */
  toExtensions(): Record<string, unknown> {
    const ext: Record<string, unknown> = { code: this.code };
    if (this.upstream) ext.upstream = { ...this.upstream };
    if (this.upstreamCode !== undefined) ext.upstreamCode = this.upstreamCode;
    if (this.retryAfterMs !== undefined) ext.retryAfterMs = this.retryAfterMs;
    return ext;
  }
}

export const badUserInput = (message: string): GatewayError =>
  new GatewayError(ErrorCode.BAD_USER_INPUT, message);

export const notFound = (message: string): GatewayError => new GatewayError(ErrorCode.NOT_FOUND, message);

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;
