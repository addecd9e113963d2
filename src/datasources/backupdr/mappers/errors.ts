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
