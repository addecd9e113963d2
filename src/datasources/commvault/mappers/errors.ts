import { field, isObject, list, str } from './read.js';

/** An error Commvault reported in an answer's body, before it becomes a GatewayError. */
export interface CommvaultBodyError {
  /** Commvault's own code (`errorCode`), as it sent it. */
  code?: string | number;
  message: string;
}

/**
 * Finds the error a Commvault answer carries, whatever shape it takes (docs/upstreams/commvault.md §7); undefined for
 * a success. Most failures arrive as HTTP 200, so the body decides:
 *  1. top level `{errorCode ≠ 0, errorMessage}` (V1 actions, V4 errors on 4xx/5xx);
 *  2. `{error: {errorCode ≠ 0, errorMessage | errorString}}` (StoragePool/StoragePolicy edits, qoperation);
 *  3. `{error: {errList: [{errorCode, errLogMessage}]}}` (JobDetails, TaskDetails) and `{error: {errLogMessage}}` (renew);
 *  4. top-level `errList` with entries (Login failure; a successful login has `errList: []`);
 *  5. `{errors: [{errList: [...]}]}` (job control batches);
 *  6. `{response: [{errorCode ≠ 0, errorMessage | errorString}]}` (GenericResp family);
 *  7. V4 `{…, errors: [{component, errorCode ≠ 0, errorMessage}]}` (partial failures of a create);
 *  8. `{browseResponses: [{messages: [{errorMessage}]}]}` without a `browseResult` (`POST /DoBrowse`).
 * An entry with `errorCode: 0` and an empty message is Commvault's way of saying "no error".
 */
export function findCommvaultError(body: unknown): CommvaultBodyError | undefined {
  if (!isObject(body)) return undefined;
  return (
    fromEntry(body) ??
    fromError(field(body, 'error')) ??
    fromEntries(field(body, 'errList')) ??
    fromBatch(field(body, 'errors')) ??
    fromEntries(field(body, 'response')) ??
    fromBrowse(field(body, 'browseResponses'))
  );
}

/** A 4xx/5xx answer whose body says nothing readable still becomes an error with the HTTP status. */
export function genericHttpError(status: number): CommvaultBodyError {
  return { message: `Commvault answered HTTP ${status}` };
}

function fromError(v: unknown): CommvaultBodyError | undefined {
  if (!isObject(v)) return undefined;
  return fromEntry(v) ?? fromEntries(field(v, 'errList')) ?? fromLogMessageOnly(v);
}

/** A browse failed when a response has messages and no result (cvpysdk reads only `messages[0].errorMessage`). */
function fromBrowse(v: unknown): CommvaultBodyError | undefined {
  for (const response of list(v)) {
    if (field(response, 'browseResult') !== undefined) continue;
    for (const message of list(field(response, 'messages'))) {
      const text = messageOf(message);
      if (!text) continue;
      const code = field(message, 'errorCode');
      return { code: typeof code === 'number' || typeof code === 'string' ? code : undefined, message: text };
    }
  }
  return undefined;
}

function fromBatch(v: unknown): CommvaultBodyError | undefined {
  for (const item of list(v)) {
    const found = fromEntries(field(item, 'errList')) ?? fromEntry(item);
    if (found) return found;
  }
  return undefined;
}

function fromEntries(v: unknown): CommvaultBodyError | undefined {
  for (const item of list(v)) {
    const found = fromEntry(item) ?? fromLogMessageOnly(item);
    if (found) return found;
  }
  return undefined;
}

/** `{errorCode, errorMessage|errorString|errLogMessage}` with a non-zero code. */
function fromEntry(v: unknown): CommvaultBodyError | undefined {
  if (!isObject(v)) return undefined;
  const code = field(v, 'errorCode');
  if (code === undefined || code === null || isZero(code)) return undefined;
  return { code: typeof code === 'number' || typeof code === 'string' ? code : String(code), message: messageOf(v) ?? `Commvault error ${String(code)}` };
}

/** `{errLogMessage: "…"}` without a code (renew failures): a non-empty message alone is the error. */
function fromLogMessageOnly(v: unknown): CommvaultBodyError | undefined {
  if (!isObject(v) || field(v, 'errorCode') !== undefined) return undefined;
  const message = str(field(v, 'errLogMessage'))?.trim();
  return message ? { message } : undefined;
}

function messageOf(v: unknown): string | undefined {
  for (const key of ['errLogMessage', 'errorMessage', 'errorString']) {
    const m = str(field(v, key))?.trim();
    if (m) return m;
  }
  return undefined;
}

function isZero(code: unknown): boolean {
  return code === 0 || (typeof code === 'string' && code.trim() === '0') || code === '';
}
