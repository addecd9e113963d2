import type { IncomingHttpHeaders } from 'node:http';
import { Pool, type Dispatcher } from 'undici';
import type { UpstreamConfig } from '../../config/schema.js';
import { tlsConnectOptions, tlsFailureReason } from './tls-options.js';
import type { HttpMethod } from './types.js';

/** Idle keep-alive time when the upstream does not announce its own (`Keep-Alive: timeout=`). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 10_000;
/** Upper bound on any keep-alive time an upstream announces. */
export const DEFAULT_KEEP_ALIVE_MAX_TIMEOUT_MS = 60_000;

/** One HTTP exchange as the pipeline hands it to the client: everything already resolved. */
export interface HttpRequest {
  method: HttpMethod;
  /** Resource path below the upstream's `url`, with its encoded query (`/Job?clientId=2`). */
  pathAndQuery: string;
  headers: Record<string, string>;
  /** Serialized body, if any. */
  body?: string;
  /** Overall deadline of this attempt, headers and body included. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** The body as received: decode.ts makes JSON or text of it. */
  bytes: Uint8Array;
}

/**
 * The upstream did not answer: `timeout` (no complete answer within the attempt's time), `tls` (the
 * handshake failed: certificate refused either way; nothing was sent) or `unavailable` (refused, reset,
 * DNS…). Its message names no host: it may end up in a client error.
 */
export class TransportError extends Error {
  readonly kind: 'timeout' | 'unavailable' | 'tls';
  /** The transport's error code (`ECONNREFUSED`, `UND_ERR_HEADERS_TIMEOUT`, `CERT_HAS_EXPIRED`), when there was one. */
  readonly code?: string;
  /** For `tls`: why, in words a client may read (tls-options.ts). */
  readonly reason?: string;

  constructor(kind: 'timeout' | 'unavailable' | 'tls', code?: string, reason?: string) {
    super(kind === 'timeout' ? 'upstream timed out' : kind === 'tls' ? `upstream TLS failed: ${reason}` : `upstream unreachable${code ? ` (${code})` : ''}`);
    this.name = 'TransportError';
    this.kind = kind;
    this.code = code;
    this.reason = reason;
  }
}

/** The attempt's own timer cut it short while it was under way. */
const ABORT_TIMEOUT = 'ABORT_TIMEOUT';
/**
 * The attempt's timer fired while it still waited for a connection of the pool: nothing was sent, and
 * undici never sends it (it is aborted when a connection would take it).
 */
export const QUEUED_TIMEOUT = 'QUEUED_TIMEOUT';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/** Exchanges of every HttpClient of the process that await their answer's end: the event loop's coming answers. */
let underWay = 0;

/** How many upstream answers the process still awaits (sent, or queued for a connection, and not yet complete). */
export function answersAwaited(): number {
  return underWay;
}

interface Target {
  pool: Pool;
  /** Path of the upstream's `url` (`/webconsole/api`), without a trailing slash. */
  basePath: string;
}

/**
 * The only user of undici in the gateway: one keep-alive `Pool` per configured upstream, bound to its
 * origin and built at start with that upstream's `connections`, timeouts and TLS settings (anew when its TLS files change). A pool per upstream
 * (not shared between upstreams on one origin) keeps each instance's connection budget its own.
 */
export class HttpClient {
  private readonly targets = new Map<string, Target>();

  constructor(private readonly upstreams: readonly UpstreamConfig[]) {
    for (const upstream of upstreams) this.targets.set(upstream.id, target(upstream));
  }

  /**
   * Builds the upstream's pool anew from its config as it is now (its TLS material was reread): new calls
   * go through the new pool, calls under way finish on the old one, which then closes.
   */
  renewPool(instanceId: string): void {
    const upstream = this.upstreams.find((u) => u.id === instanceId);
    const old = this.targets.get(instanceId);
    if (!upstream || !old) return;
    this.targets.set(instanceId, target(upstream));
    void old.pool.close().catch(() => old.pool.destroy());
  }

  async request(instanceId: string, req: HttpRequest): Promise<HttpResponse> {
    const target = this.targets.get(instanceId);
    if (!target) throw new Error(`No HTTP pool for upstream ${instanceId}`);
    const exchange = new Exchange(req.timeoutMs);
    underWay += 1;
    try {
      target.pool.dispatch({ method: req.method, path: target.basePath + req.pathAndQuery, headers: req.headers, body: req.body ?? null }, exchange);
      return await exchange.answer;
    } catch (error) {
      if (error instanceof TransportError) throw error;
      if (exchange.timedOut) throw new TransportError('timeout', ABORT_TIMEOUT);
      const code = errorCode(error);
      const tlsReason = tlsFailureReason(code);
      if (tlsReason !== undefined) throw new TransportError('tls', code, tlsReason);
      throw new TransportError(code && TIMEOUT_CODES.has(code) ? 'timeout' : 'unavailable', code);
    } finally {
      underWay -= 1;
      exchange.done();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.targets.values()].map((t) => t.pool.close().catch(() => t.pool.destroy())));
  }
}

/**
 * One exchange through undici's dispatch API: the answer's chunks are collected and joined once. The
 * `request()` API passes every chunk through a Readable stream and an async resource, and copies the
 * body once more to hand it out (docs/performance.md, the 50-upstream fan-out page).
 *
 * `headersTimeout`/`bodyTimeout` bound each phase; the timer bounds the whole attempt (a slow trickle of
 * body bytes resets bodyTimeout forever), so a slow upstream yields a timeout within ~timeoutMs. A
 * request still queued for a connection when it fires fails then (QUEUED_TIMEOUT), and undici drops it
 * unsent when a connection would take it: `request()`'s abort signal only marked it, so it waited for
 * the connections ahead of it, past its own time.
 */
class Exchange implements Dispatcher.DispatchHandler {
  readonly answer: Promise<HttpResponse>;
  timedOut = false;
  #resolve!: (response: HttpResponse) => void;
  #reject!: (error: Error) => void;
  #controller?: Dispatcher.DispatchController;
  #status = 0;
  #headers: Record<string, string> = {};
  readonly #chunks: Buffer[] = [];
  #length = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(timeoutMs: number) {
    this.answer = new Promise<HttpResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      // Still queued: the caller hears now, not once the connections ahead of it are free.
      if (this.#controller) this.#controller.abort(new TransportError('timeout', ABORT_TIMEOUT));
      else this.#reject(new TransportError('timeout', QUEUED_TIMEOUT));
    }, timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    // Timed out in the queue: thrown here, undici fails the request before writing it and keeps the
    // connection; `controller.abort` would also destroy that healthy keep-alive connection, one per
    // dropped request (and a retried read leaves one dropped request per attempt).
    if (this.timedOut) throw new TransportError('timeout', QUEUED_TIMEOUT);
    this.#controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    this.#status = statusCode;
    this.#headers = flattenHeaders(headers);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
  }

  onResponseEnd(): void {
    this.#resolve({ status: this.#status, headers: this.#headers, bytes: joined(this.#chunks, this.#length) });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#reject(error);
  }

  done(): void {
    clearTimeout(this.#timer);
  }
}

/**
 * The body's bytes as one Buffer: a lone chunk that spans its whole memory is the body as it stands; a
 * chunk viewing part of a larger read buffer is copied, so a cached answer never keeps that buffer
 * alive. Either way a large body (from 4 KB, where Buffer.concat stops taking from Node's pool) owns its
 * memory, which can then be lent to the lazy-list worker (list-bounds-off-thread.ts).
 */
function joined(chunks: readonly Buffer[], length: number): Buffer {
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  if (only && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only;
  return Buffer.concat(chunks, length);
}

/** One upstream's keep-alive pool, bound to its origin, with its connections, timeouts and TLS settings. */
function target(upstream: UpstreamConfig): Target {
  const url = new URL(upstream.url);
  const pool = new Pool(url.origin, {
    connections: upstream.connections,
    pipelining: 1,
    keepAliveTimeout: DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
    keepAliveMaxTimeout: DEFAULT_KEEP_ALIVE_MAX_TIMEOUT_MS,
    headersTimeout: upstream.timeoutMs,
    bodyTimeout: upstream.timeoutMs,
    // The upstream's own CA, client certificate, name and verification (never process-wide).
    connect: { timeout: upstream.timeoutMs, ...tlsConnectOptions(upstream) },
  });
  return { pool, basePath: url.pathname.replace(/\/+$/, '') };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The code of a transport error, looking into `cause` and AggregateError members (dual-stack connects). */
function errorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const members = (current as { errors?: unknown }).errors;
    current = Array.isArray(members) && members.length > 0 ? members[0] : (current as { cause?: unknown }).cause;
  }
  return undefined;
}
