import { ErrorCode } from '../../../errors/codes.js';
import { GatewayError } from '../../../errors/gateway-error.js';
import { field, int, isObject, str } from './read.js';

/** The console's error body `{err_code, err_message?}` (docs/upstreams/backupdr.md §3.6), when an answer carries one. */
export interface ConsoleError {
  code: number;
  message: string | null;
}

export function findConsoleError(body: unknown): ConsoleError | undefined {
  if (!isObject(body)) return undefined;
  const code = int(field(body, 'err_code'));
  if (code === null) return undefined;
  return { code, message: str(field(body, 'err_message'))?.trim() || null };
}

/**
 * An answer → the gateway error it means, or undefined for a success (or a 401/429, which the pipeline
 * handles: re-login, wait). 403 with `err_code` 10011 and no message is the console's "the role lacks
 * the right" (docs/upstreams/backupdr.md §2.7). A 409 is a conflict (e.g. cancelling a finished job), 502 the API service
 * being down behind a live web server (same doc §3.5), and an `err_code` in a 200 answer an appliance failure
 * relayed by the console (10023).
 */
export function consoleErrorFromResponse(instance: string, status: number, body: unknown): GatewayError | undefined {
  if (status === 401 || status === 429) return undefined;
  const found = findConsoleError(body);
  const ok = status >= 200 && status < 300;
  if (ok && !found) return undefined;
  const upstream = { instance, status };
  const upstreamCode = found?.code;
  const detail = found?.message ? `: ${found.message}` : found ? ` (err_code ${found.code})` : '';
  const make = (code: ErrorCode, message: string) => new GatewayError(code, message, { upstream, upstreamCode });
  if (status === 400) return make(ErrorCode.BAD_USER_INPUT, `Console ${instance} rejected the query${detail}`);
  if (status === 403) return make(ErrorCode.FORBIDDEN, `Console ${instance}: the gateway's console role lacks the right for this call${detail}`);
  if (status === 404) return make(ErrorCode.NOT_FOUND, `Console ${instance} does not know this object${detail}`);
  if (status === 409) return make(ErrorCode.UPSTREAM_ERROR, `Console ${instance} reported a conflict${detail}`);
  if (status === 502 || status === 503) return make(ErrorCode.UPSTREAM_UNAVAILABLE, `Console ${instance} API service is unavailable${detail}`);
  if (!found) return undefined;
  return make(ErrorCode.UPSTREAM_ERROR, `Console ${instance} reported an error${detail}`);
}

/** What a console's 401 body may say about the token (docs/upstreams/backupdr.md §2.6); the rest of it is not to be trusted. */
const EXPIRED_TOKEN = /JWT has expired|Error 401 \(Unauthorized\)/;

/**
 * A 401 the gateway could not get past: the console refused a freshly minted token and new session
 * (or a fixed bearer). The body may be JSON, plain text or an HTML page and does not say whether the
 * token or the session failed; only the expired-token wording is picked out, and nothing of it is echoed.
 */
export function consoleAuthError(instance: string, body: unknown): GatewayError {
  const found = findConsoleError(body);
  const expired = typeof body === 'string' && EXPIRED_TOKEN.test(body);
  const why = expired ? ' (it says the token expired or was not accepted)' : '';
  return new GatewayError(ErrorCode.UPSTREAM_AUTH, `Console ${instance} refused the gateway's Google token or session (HTTP 401)${why}`, {
    upstream: { instance, status: 401 },
    upstreamCode: found?.code,
  });
}
