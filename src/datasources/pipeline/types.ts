import type { GatewayError } from '../../errors/gateway-error.js';
import type { CacheClass } from '../../config/schema.js';
import type { BucketBudget } from '../../ratelimit/budget.js';
import type { RequestTrace } from '../../observability/request-trace.js';

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

/** One call to an upstream, as a datasource describes it. Only datasources build these. */
export interface UpstreamRequest {
  method: HttpMethod;
  /** Resource path appended to the upstream's configured `url`, e.g. `/Job`, `/V4/Storage/Disk`. */
  path: string;
  /** Query parameters; an array value repeats the parameter (`filter=a&filter=b`), in the given order. */
  query?: Record<string, QueryValue>;
  /** Extra headers that change the answer (Commvault `limit`/`offset`); they are part of the cache key. */
  headers?: Record<string, string>;
  /** JSON body (sent with `Content-Type: application/json`). Part of the cache key for cacheable POST reads. */
  body?: unknown;
  /**
   * A body sent as given instead of `body`, for the calls an upstream documents only in another format (Commvault's
   * XML-only VM restore). Writes only: not part of any cache key.
   */
  rawBody?: RawBody;
  /**
   * `read` calls are retried with backoff and may be cached; `write` calls never are.
   * @default 'read' for GET/HEAD/OPTIONS, 'write' otherwise
   */
  access?: 'read' | 'write';
  /** TTL class from `config.cache.ttlMs`. Absent: the answer is not cached (still coalesced if a read). */
  cacheClass?: CacheClass;
  /** Invalidation tags stored with a cached answer (e.g. `jobs`). */
  tags?: readonly string[];
  /**
   * false for the login call itself: the pipeline then asks the source for no auth headers and does not
   * re-login on 401. @default true
   */
  authenticated?: boolean;
  /**
   * A call no person is waiting on (progress polls, collectors): the source's `backgroundHeaders` go with
   * it (a console then does not extend its session for it). Not part of the cache key. @default false
   */
  background?: boolean;
  /**
   * false: after a 401 the session is dropped but the call is not sent again (a write the upstream may
   * have taken). @default true (a 401 means the call did not run: re-login, then once more)
   */
  resendAfterUnauthorized?: boolean;
  /** Metric label for the route, e.g. `GET /Job`; @default method + path with digits collapsed to `{id}` */
  route?: string;
  /**
   * Keys of the answer's top-level object whose lists, in a large answer, are kept as their items'
   * bytes and parsed item by item when read (JsonPieces): for lists a request mostly picks a few items
   * of (the client inventory). Every call of one cache key must name the same lists. Not part of the cache key.
   */
  lazyLists?: ReadonlySet<string>;
}

/** A request body sent verbatim with its own `Content-Type`. */
export interface RawBody {
  contentType: string;
  text: string;
}

export interface UpstreamResponse<T = unknown> {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Decoded JSON, or the raw text when the answer was not JSON (e.g. an empty 204 gives ''). */
  body: T;
  /** The body's size as received, in bytes (what the cache counts the answer as). */
  bodyBytes?: number;
}

/**
 * What a datasource tells the pipeline about itself: which instance and which upstream identity the
 * call runs as (cache keys and rate-limit buckets are scoped by both), how to authenticate, and how to
 * read errors the upstream hides in successful answers. Implemented by the upstream source base class.
 */
export interface SourceHooks {
  /** The upstream's configured `id`. */
  readonly instanceId: string;
  /**
   * Who the upstream sees: a stable, non-secret name of the credential (e.g. `user:admin`, or a hash of
   * a bearer token). Two identities never share cache entries or rate-limit buckets.
   */
  readonly identity: string;
  /** Headers every attempt of a `background` call carries (e.g. `Actifio-No-Session-Refresh: true`). */
  readonly backgroundHeaders?: Readonly<Record<string, string>>;
  /** Headers that authenticate one attempt; logs in first when there is no live session. */
  authHeaders(): Promise<Record<string, string>>;
  /**
   * The upstream answered 401 to a call made with `failed` headers. Forget that session so the next
   * `authHeaders()` logs in again; concurrent callers that failed with the same headers share one re-login.
   */
  onUnauthorized(failed: Record<string, string>): void;
  /**
   * Inspect a decoded answer (any status) and return the error it carries, or undefined when it is a
   * success. Commvault reports failures as HTTP 200 with `errList`/`errorCode`; consoles use
   * `{err_code, err_message}`. The pipeline maps transport-level failures itself.
   */
  errorFromResponse(res: UpstreamResponse, req: UpstreamRequest): GatewayError | undefined;
  /**
   * A collector's source (src/collectors): its calls spend only while the bucket keeps the configured
   * reserve for callers, never wait for a token, and carry `backgroundHeaders`. @default false
   */
  readonly background?: boolean;
  /** The request the call is made for, if any: its trace counts the call and notes what it read. */
  readonly requestTrace?: RequestTrace;
}

/** The single path every upstream call of the gateway takes (see docs/architecture.md for the stage order). */
export interface UpstreamPipeline {
  send<T = unknown>(source: SourceHooks, req: UpstreamRequest): Promise<UpstreamResponse<T>>;
  /** Drop cached answers of one instance that carry any of the tags (after a mutation). */
  invalidate(instanceId: string, tags: readonly string[]): Promise<void>;
  /** Close connection pools (at shutdown, after sources have logged out). */
  close(): Promise<void>;
  /** The upstream's TLS material changed: later calls go through a new connection pool built from it. */
  renewConnections?(instanceId: string): void;
  /** Each upstream's breaker and last outcomes, for `/readyz` (cheap: no I/O). Test doubles may omit it. */
  health?(): UpstreamHealth[];
  /**
   * What the bucket `source` spends from for `access` can give `calls` calls within the queue timeout,
   * read without spending (the budget check before an operation runs); undefined when the refill over
   * that wait alone covers them. Test doubles may omit it (then nothing is checked).
   */
  budget?(source: SourceHooks, access: 'read' | 'write', calls: number): Promise<BucketBudget | undefined>;
  /** The emptiest local bucket per instance and access, for `/metrics` (no I/O; none with Redis buckets). */
  bucketLevels?(): BucketLevel[];
  /**
   * `listener` runs on every invalidation: this replica's (`invalidate`, before the entries are dropped)
   * and, with Redis, each one another replica announced (`all` after a lost subscription). For what is
   * built from cached entries (the response cache). Test doubles may omit it.
   */
  onInvalidation?(listener: (event: Invalidation) => void): void;
}

/** Tags of one instance invalidated, or (`all`) anything may have been (the cache store's `RemoteInvalidation`). */
export type Invalidation = { instanceId: string; tags: readonly string[] } | { all: true };

export interface BucketLevel {
  instance: string;
  access: 'read' | 'write';
  tokens: number;
}

/** What the pipeline knows about one upstream's health, without calling it. */
export interface UpstreamHealth {
  id: string;
  /** The configured API root (readiness probes its host and port; never shown with credentials). */
  url: string;
  circuit: 'closed' | 'half-open' | 'open';
  /** While open: ms until a trial call may go. */
  retryAfterMs: number;
  /** When an attempt last got an answer that was not a failure (epoch ms). */
  lastSuccessAtMs?: number;
  /** The last failed attempt's public code (timeout, unreachable, 5xx) and when. */
  lastError?: { code: string; atMs: number };
}
