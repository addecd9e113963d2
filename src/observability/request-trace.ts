import { randomUUID } from 'node:crypto';
import type { ResponseReads } from '../cache/response-reads.js';

/**
 * What one HTTP request did, gathered while it runs and written once by the access log
 * (src/observability/access-log.ts). Filled by: the fastify hooks (id, start), the context wrapper
 * (caller), the operation plugin (operation, document, error codes) and the upstream pipeline (calls).
 * Never holds the query text, variables or any header value other than the request id.
 */
export interface RequestTrace {
  /** The client's `x-request-id` when sane, else minted here; echoed in the response header. */
  readonly id: string;
  callerId?: string;
  operationName?: string;
  operationType?: string;
  /** `sha256:<hex>` when the document is a trusted one. */
  documentId?: string;
  /** SHA-256 hex of the document text Apollo ran. */
  documentHash?: string;
  /** Operations in the HTTP request (more than one for a batch). */
  operations: number;
  /** Public error codes of the response, in order, without repeats. */
  errorCodes: string[];
  /** `pipeline.send` calls the request made (cache hits and coalesced calls included). */
  upstreamCalls: number;
  /** HTTP attempts that actually went to an upstream on this request's behalf. */
  upstreamAttempts: number;
  /** Set while the response cache may keep this request's answer: the upstream entries it was built from. */
  reads?: ResponseReads;
  /** The answer came from the response cache (`hit`), or was stored in it (`stored`). */
  responseCache?: 'hit' | 'stored';
  /** Run once the HTTP answer is written: each operation letting go of what it held (release-after-response.plugin.ts). */
  afterResponse?: Array<() => void>;
}

export function newTrace(id: string): RequestTrace {
  return { id, operations: 0, errorCodes: [], upstreamCalls: 0, upstreamAttempts: 0 };
}

/** Adds a public error code once. */
export function recordErrorCode(trace: RequestTrace, code: string): void {
  if (!trace.errorCodes.includes(code)) trace.errorCodes.push(code);
}

/**
 * A client's request id is taken when it is short and made of URL-safe characters (UUIDs, ULIDs,
 * trace ids, `abc-123`): anything else (long, control characters, JSON) could forge or break log lines.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id for a request: the client's header when sane, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
