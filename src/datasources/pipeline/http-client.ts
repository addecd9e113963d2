import { Pool } from 'undici';
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

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

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
    // headersTimeout/bodyTimeout bound each phase; this bounds the whole attempt (a slow trickle of
    // body bytes resets bodyTimeout forever), so a slow upstream yields a timeout within ~timeoutMs.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), req.timeoutMs);
    try {
      const res = await target.pool.request({
        method: req.method,
        path: target.basePath + req.pathAndQuery,
        headers: req.headers,
        body: req.body,
        signal: abort.signal,
      });
      const bytes = await res.body.bytes();
      return { status: res.statusCode, headers: flattenHeaders(res.headers), bytes };
    } catch (error) {
      if (abort.signal.aborted) throw new TransportError('timeout', 'ABORT_TIMEOUT');
      const code = errorCode(error);
      const tlsReason = tlsFailureReason(code);
      if (tlsReason !== undefined) throw new TransportError('tls', code, tlsReason);
      throw new TransportError(code && TIMEOUT_CODES.has(code) ? 'timeout' : 'unavailable', code);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.targets.values()].map((t) => t.pool.close().catch(() => t.pool.destroy())));
  }
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
