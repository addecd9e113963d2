import type { Logger } from 'pino';
import type { GatewayError } from '../errors/gateway-error.js';
import type { RequestTrace } from '../observability/request-trace.js';
import { FREEZE_SHARED } from './pipeline/freeze.js';
import type {
  SourceHooks,
  UpstreamPipeline,
  UpstreamRequest,
  UpstreamResponse,
} from './pipeline/types.js';

/** What every upstream source is built from. */
export interface UpstreamSourceOptions {
  /** The upstream's configured `id`. */
  instanceId: string;
  /** Stable, non-secret name of the credential the source runs as (see SourceHooks.identity). */
  identity: string;
  pipeline: UpstreamPipeline;
  logger: Logger;
  /** When a source that can renew its session (`renewSession`) does so (ignored with `sharedSession`). */
  session?: SessionTiming;
  /** A session other sources hold too (one login serving several upstreams); @default the source's own */
  sharedSession?: SharedSession;
}

/** The upstream's idle expiry of a session, and when a session in use is renewed before it. */
export interface SessionTiming {
  /** How long the upstream keeps a session nobody uses. @default 30 minutes */
  idleTimeoutMs?: number;
  /** Share of `idleTimeoutMs`, counted from the login or last renewal, after which the next use renews. @default 0.8 */
  renewAfter?: number;
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: () => number;
}

export const DEFAULT_SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;
const DEFAULT_RENEW_AFTER = 0.8;

/** Everything of a request but its verb and path; what the `get`/`post` helpers take. */
export type RequestOptions = Omit<UpstreamRequest, 'method' | 'path'>;

interface Session {
  /** Settles once the login has run; shared by every caller that asked while it was running. */
  readonly headers: Promise<Record<string, string>>;
  /** The headers once known, so a 401 can be matched to the session that produced it. */
  resolved?: Record<string, string>;
  /** When the login or renewal that made the headers settled (epoch ms). */
  sinceMs?: number;
  /** A renewal of a live session: the session counts as live while it runs. */
  renewing?: boolean;
}

/** How a session is made and renewed: the hooks of the source that needs it now. */
interface SessionMakers {
  authenticate(): Promise<Record<string, string>>;
  /** The renewed session's headers (a failed renewal already fell back to a login). */
  renewed?(headers: Record<string, string>): Promise<Record<string, string>>;
}

/**
 * One upstream login and its renewals. Usually a source's own; sources of several upstreams that one
 * login serves (a Commvault Cloud service account's tenants, docs/upstreams/commvault-cloud-msp.md) hold
 * the same one, so a login, a renewal or a re-login after a 401 by any of them is every one's.
 * The last holder to let go logs it out.
 */
export class SharedSession {
  private session?: Session;
  private holders = 0;
  private readonly renewAfterMs: number;
  private readonly now: () => number;

  constructor(timing: SessionTiming = {}) {
    this.renewAfterMs = (timing.idleTimeoutMs ?? DEFAULT_SESSION_IDLE_TIMEOUT_MS) * (timing.renewAfter ?? DEFAULT_RENEW_AFTER);
    this.now = timing.now ?? Date.now;
  }

  /** A source starts using this session. */
  hold(): void {
    this.holders += 1;
  }

  /**
   * A source stops using it: the live session's headers when it was the last holder (to log out), else
   * undefined (others still use the session).
   */
  release(): Promise<Record<string, string>> | undefined {
    this.holders = Math.max(0, this.holders - 1);
    if (this.holders > 0) return undefined;
    const current = this.session;
    this.session = undefined;
    return current?.headers;
  }

  headers(makers: SessionMakers): Promise<Record<string, string>> {
    const current = this.session;
    if (current?.resolved && makers.renewed && current.sinceMs !== undefined && this.now() - current.sinceMs >= this.renewAfterMs) {
      // Every use of the session checks, so only a session in use is renewed; callers meanwhile wait on
      // the renewal (the upstream may end the old token once it has renewed it).
      const renew = makers.renewed;
      return this.start(() => renew(current.resolved as Record<string, string>), true).headers;
    }
    return (current ?? this.start(() => makers.authenticate())).headers;
  }

  /** Makes `make` the current session: every caller meanwhile shares its promise. */
  private start(make: () => Promise<Record<string, string>>, renewing = false): Session {
    const session: Session = {
      renewing,
      headers: make().then(
        (headers) => {
          session.resolved = headers;
          session.sinceMs = this.now();
          return headers;
        },
        (error: unknown) => {
          // A failed login leaves no session behind: the next caller tries again.
          if (this.session === session) this.session = undefined;
          throw error;
        },
      ),
    };
    this.session = session;
    return session;
  }

  get live(): boolean {
    return this.session?.resolved !== undefined || this.session?.renewing === true;
  }

  /** Drops the session `headers` belong to; true when it was the current one (see UpstreamSource.forgetSession). */
  forget(headers: Record<string, string>): boolean {
    const current = this.session;
    if (!current?.resolved || !carries(headers, current.resolved)) return false;
    this.session = undefined;
    return true;
  }
}

/** The logger of each request's view of a source, made when the view first logs. */
const requestLoggers = new WeakMap<object, Logger>();

/**
 * The base of every upstream source (in the manner of datasource-rest's RESTDataSource): it owns the
 * session and implements the pipeline's SourceHooks; subclasses change behaviour by overriding named
 * hooks and add methods named after the upstream's resources.
 *
 * Hooks, in the order they run:
 *  - `authenticate()` — when a call needs auth headers and there is no live session; logs in.
 *  - `willSendRequest(req)` — before every call goes to the pipeline; add constant headers here.
 *  - `errorFromResponse(res, req)` — the pipeline asks it about every decoded answer.
 *  - `renewSession(headers)` — optional: a session in use whose renewal is due (a share of the idle
 *    timeout since its login or last renewal) is renewed on its next use instead of left to expire;
 *    a failed renewal falls back to `authenticate()`. Sessions nobody uses are left to expire.
 *  - `logout(headers)` — from `close()`, with the live session's headers.
 *
 * A session is shared: concurrent callers wait on one login promise, and N concurrent 401s for the
 * same session cause one re-login, because `onUnauthorized` only forgets the session that failed.
 */
export abstract class UpstreamSource implements SourceHooks {
  readonly instanceId: string;
  readonly identity: string;
  /** Set by the registry on a collector principal's own source (SourceHooks.background); never on a caller's. */
  background = false;
  protected readonly pipeline: UpstreamPipeline;
  private readonly baseLogger: Logger;
  private readonly session: SharedSession;
  private closed = false;
  /** The request this view of the source serves (see forRequest); undefined on the shared source. */
  readonly requestTrace?: RequestTrace;

  constructor(options: UpstreamSourceOptions) {
    this.instanceId = options.instanceId;
    this.identity = options.identity;
    this.pipeline = options.pipeline;
    this.baseLogger = options.logger;
    this.session = options.sharedSession ?? new SharedSession(options.session);
    this.session.hold();
  }

  /**
   * This source as one request sees it. Everything is the shared source's (session, mapped answers,
   * state); what the view adds is whose calls they are: the pipeline counts them on the request's trace
   * (access log) and notes the entries they read (response cache), and the view's log lines carry the
   * request id. Handed out per request by the registry. The trace travels this way, not through
   * `AsyncLocalStorage`, whose promise hooks Node 20 runs on every promise of every request
   * (docs/performance.md). State a source changes lives in objects the shared source holds: an
   * assignment through a view would land on the view. Outside production views are frozen, so such an
   * assignment fails loudly in the tests (as answers are, src/datasources/pipeline/freeze.ts); in
   * production a view is one plain object with one property.
   */
  forRequest(trace: RequestTrace): this {
    const view = Object.create(this) as { requestTrace?: RequestTrace };
    view.requestTrace = trace;
    return (FREEZE_SHARED ? Object.freeze(view) : view) as this;
  }

  /** The source's logger; a request's view adds the request id (made on the view's first line). */
  protected get logger(): Logger {
    const trace = this.requestTrace;
    if (trace === undefined) return this.baseLogger;
    let logger = requestLoggers.get(this);
    if (logger === undefined) requestLoggers.set(this, (logger = this.baseLogger.child({ requestId: trace.id })));
    return logger;
  }

  /** Log in and return the headers that authenticate later calls. Runs once per session. */
  protected abstract authenticate(): Promise<Record<string, string>>;

  /** End the upstream session `headers` belong to. Errors are logged by `close()`, not thrown. @default no-op */
  protected async logout(_headers: Record<string, string>): Promise<void> {}

  /**
   * Renew the session `headers` belong to and return the headers of the renewed one. Sources whose
   * upstream cannot renew leave it out: their sessions live until the upstream answers 401.
   */
  protected renewSession?(headers: Record<string, string>): Promise<Record<string, string>>;

  /** Change a request before the pipeline sees it (constant headers, defaults). @default identity */
  protected willSendRequest(req: UpstreamRequest): UpstreamRequest {
    return req;
  }

  abstract errorFromResponse(res: UpstreamResponse, req: UpstreamRequest): GatewayError | undefined;

  authHeaders(): Promise<Record<string, string>> {
    return this.session.headers({
      authenticate: () => this.authenticate(),
      renewed: this.renewSession === undefined ? undefined : (headers) => this.renewed(headers),
    });
  }

  /** The renewed session's headers, or a new login's when the upstream refuses to renew. */
  private async renewed(headers: Record<string, string>): Promise<Record<string, string>> {
    try {
      const renewed = await (this.renewSession as NonNullable<UpstreamSource['renewSession']>)(headers);
      this.logger.debug({ upstream: this.instanceId }, 'upstream session renewed');
      return renewed;
    } catch (error) {
      this.logger.warn({ upstream: this.instanceId, err: error }, 'upstream session renewal failed; logging in again');
      return this.authenticate();
    }
  }

  /** Whether a login has succeeded and not been dropped since (for `/readyz`; no I/O); a renewal keeps it so. */
  get sessionLive(): boolean {
    return this.session.live;
  }

  onUnauthorized(failed: Record<string, string>): void {
    this.forgetSession(failed);
  }

  /**
   * Drops the session `headers` belong to so the next call logs in again; true when it was the current
   * one. Only that session is dropped: a newer one (another caller already re-logged in) or one still
   * logging in stays.
   */
  protected forgetSession(headers: Record<string, string>): boolean {
    return this.session.forget(headers);
  }

  /**
   * Logs the live session out (once; a shared session when its last holder closes); later calls would log
   * in again, so call this at shutdown (or retirement) only.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const current = this.session.release();
    if (!current) return;
    // Ending a collector's session is not a collection: it takes its token like any call, so the
    // upstream session never outlives the gateway because the callers' reserve was low.
    this.background = false;
    try {
      const headers = await current;
      await this.logout(headers);
    } catch (error) {
      this.logger.warn({ upstream: this.instanceId, err: error }, 'upstream logout failed');
    }
  }

  protected send<T = unknown>(req: UpstreamRequest): Promise<UpstreamResponse<T>> {
    return this.pipeline.send<T>(this, this.willSendRequest(req));
  }

  protected async get<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>({ ...options, method: 'GET', path })).body;
  }

  protected async post<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>({ ...options, method: 'POST', path })).body;
  }

  protected async put<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>({ ...options, method: 'PUT', path })).body;
  }

  protected async delete<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.send<T>({ ...options, method: 'DELETE', path })).body;
  }
}

/** Whether `sent` carries every auth header of `session` (names compared case-insensitively). */
function carries(sent: Record<string, string>, session: Record<string, string>): boolean {
  const lower = new Map(Object.entries(sent).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.entries(session).every(([k, v]) => lower.get(k.toLowerCase()) === v);
}
