import { ErrorCode } from '../../errors/codes.js';
import { badUserInput, GatewayError, isGatewayError } from '../../errors/gateway-error.js';
import { MappedOnce } from '../mapped-once.js';
import { BACKUPDR_KINDS } from './kinds.js';
import { upstreamRef, type UpstreamRef } from '../record.js';
import type { UpstreamRequest, UpstreamResponse } from '../pipeline/types.js';
import { UpstreamSource, type UpstreamSourceOptions } from '../upstream-source.js';
import { consoleAuthError, consoleErrorFromResponse } from './mappers/errors.js';
import type { TokenSource } from './auth/token-source.js';
import { field, int, str } from './mappers/read.js';
import type { BdrBackup, BdrJob, BdrPage, BdrPolicy, BdrResource, BdrResourceTypes, BdrSla } from './model.js';
import {
  countQuery,
  listQuery,
  needsMetadata,
  parseListMetadata,
  validateListSpec,
  type ListMetadata,
  type ListSpec,
} from './query-builder.js';
import { mapPolicies, RESOURCES } from './resources.js';
import {
  applicationChangeBody,
  backupChangeBody,
  backupNowBody,
  mountBody,
  slaChangeBody,
  slaPlanBody,
  unmountBody,
  type BdrApplicationChange,
  type BdrBackupChange,
  type BdrBackupNow,
  type BdrMount,
  type BdrSlaChange,
  type BdrSlaPlan,
  type BdrUnmount,
} from './writes.js';

export interface BackupDrSourceOptions extends UpstreamSourceOptions {
  /** The Google token sent as `Authorization: Bearer` on every call, the login included: fixed or minted. */
  tokens: TokenSource;
  /** After each login, `PUT /manageacl/promoteUser` (docs/upstreams/backupdr.md §2.8). @default false */
  promoteUser?: boolean;
  /** How long, and how often, a started job is looked for by its label (upstreams[].jobLookup). @default 5000 ms, every 500 ms */
  jobLookup?: JobLookup;
}

/** The bounded poll that finds a job the console started without naming it (docs/upstreams/backupdr.md §7.3). */
export interface JobLookup {
  timeoutMs: number;
  intervalMs: number;
}

/** One console write and the cache tags it makes stale. */
interface ConsoleWrite {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  route: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Cache tags of this console to drop once it took the write (`audit` always: every write adds a record). */
  invalidates: readonly string[];
}

/** The console's session header (docs/upstreams/backupdr.md §2.3). */
export const SESSION_HEADER = 'backupdr-management-session';

/** Sent on background calls so that they do not keep an idle session alive (docs/upstreams/backupdr.md §2.4). */
export const NO_SESSION_REFRESH = { 'Actifio-No-Session-Refresh': 'true' } as const;

/**
 * Most ids in one `filter=id:==…` union: each costs about 25 bytes of URL, so a chunk stays far below
 * URL length limits while a page of 100 objects still takes one call.
 */
export const MAX_IDS_PER_CALL = 200;

const NUMERIC_ID = /^\d{1,19}$/;

/** A console id as a path segment; anything else never reaches a URL. */
function idSegment(id: string): string {
  if (!NUMERIC_ID.test(id)) throw badUserInput(`"${id.slice(0, 40)}" is not a console id`);
  return id;
}

/**
 * One Backup and DR management console as one bearer token sees it. Long-lived: built once per
 * (instance, token) by the SourceRegistry, it keeps the console session:
 *  - `POST /session` with the bearer on first use (shared by concurrent callers);
 *  - every later call carries the bearer and `backupdr-management-session: Actifio <id>`, which also
 *    keeps the session alive (the console extends it on each call);
 *  - a 401 drops the session and the pipeline retries once after one shared re-login;
 *  - `DELETE /session/current` from `close()` at shutdown.
 *
 * List methods take a ListSpec: caller-supplied conditions and sort are checked against the resource's
 * OPTIONS metadata (cached for an hour) before the list call; a spec without them costs no OPTIONS call.
 */
export class BackupDrSource extends UpstreamSource {
  readonly kind = 'backupdr' as const;
  /** The console as every record this source returns names it (shared, frozen). */
  readonly upstream: UpstreamRef;
  readonly jobLookup: JobLookup;
  readonly backgroundHeaders = NO_SESSION_REFRESH;
  private readonly tokens: TokenSource;
  private readonly promoteUser: boolean;
  /**
   * The token of the latest login: whether a login 401 met a token that had worked (see authenticate).
   * In an object, so a login through a request's view of this source (forRequest) changes the shared one.
   */
  private readonly lastLogin: { token?: string } = {};
  private readonly mapped = new MappedOnce();

  constructor(options: BackupDrSourceOptions) {
    super(options);
    this.tokens = options.tokens;
    this.promoteUser = options.promoteUser ?? false;
    this.jobLookup = options.jobLookup ?? { timeoutMs: 5_000, intervalMs: 500 };
    this.upstream = upstreamRef(options.instanceId, BACKUPDR_KINDS.backupdr.graphKind);
  }

  // ── hooks ────────────────────────────────────────────────────────────────────────────────────

  /**
   * `POST /session` with the current token. A 401 to a token that has logged in before says it went
   * stale (revoked, expired early): one new token and one more login; nothing else can have run. A new
   * token refused at once is not minted again: that is a credential the console does not take. Then
   * `promoteUser` if asked.
   */
  protected override async authenticate(): Promise<Record<string, string>> {
    const first = await this.tokens.token();
    const usedBefore = first.value === this.lastLogin.token;
    this.lastLogin.token = first.value;
    let headers: Record<string, string>;
    try {
      headers = await this.login(first.value);
    } catch (error) {
      if (!usedBefore || !isGatewayError(error) || error.code !== ErrorCode.UPSTREAM_AUTH) throw error;
      this.tokens.reject(first.value);
      const second = await this.tokens.token();
      // A fixed bearer cannot be renewed: logging in again with it would only be refused again.
      if (second.value === first.value) throw error;
      this.logger.info({ upstream: this.instanceId }, 'console refused the token at login; logging in with a new one');
      this.lastLogin.token = second.value;
      headers = await this.login(second.value);
    }
    if (this.promoteUser) await this.promote(headers);
    return headers;
  }

  private async login(token: string): Promise<Record<string, string>> {
    const bearer = { Authorization: `Bearer ${token}` };
    // A write: a login must never be cached or coalesced with another identity's (the key has no token).
    const res = await this.send({ method: 'POST', path: '/session', authenticated: false, access: 'write', route: 'POST /session', headers: bearer });
    const sessionId = str(field(res.body, 'session_id')) ?? str(field(res.body, 'id'));
    if (!sessionId) {
      throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `Console ${this.instanceId} answered the login without a session id`, {
        upstream: { instance: this.instanceId, status: res.status },
      });
    }
    return { ...bearer, [SESSION_HEADER]: `Actifio ${sessionId}` };
  }

  /** `PUT /manageacl/promoteUser`: console administrator for this session, for a few minutes; a refusal leaves the session as it is. */
  private async promote(headers: Record<string, string>): Promise<void> {
    try {
      await this.send({ method: 'PUT', path: '/manageacl/promoteUser', authenticated: false, access: 'write', route: 'PUT /manageacl/promoteUser', headers });
      this.logger.warn({ upstream: this.instanceId }, 'console session promoted to administrator (promoteUser)');
    } catch (error) {
      this.logger.warn({ upstream: this.instanceId, err: error }, 'promoteUser refused; the session keeps its own role');
    }
  }

  /**
   * The session's headers, after a new login when the token was renewed since the session was made:
   * a session works only with the bearer that created it (docs/upstreams/backupdr.md §2.3). The old
   * session is logged out, best effort (its token is still good: renewal runs ahead of expiry).
   */
  override async authHeaders(): Promise<Record<string, string>> {
    const headers = await super.authHeaders();
    const token = await this.tokens.token();
    if (headers.Authorization === `Bearer ${token.value}`) return headers;
    if (this.forgetSession(headers)) {
      this.logger.debug({ upstream: this.instanceId }, 'console token renewed; new session');
      this.logout(headers).catch((error: unknown) => this.logger.debug({ upstream: this.instanceId, err: error }, 'logout of the old session failed'));
    }
    return super.authHeaders();
  }

  /** A 401 does not say whether the token or the session failed: both are dropped (a new token, then a new session). */
  override onUnauthorized(failed: Record<string, string>): void {
    super.onUnauthorized(failed);
    const bearer = /^Bearer (\S+)$/.exec(failed.Authorization ?? '')?.[1];
    if (bearer !== undefined) this.tokens.reject(bearer);
  }

  protected override async logout(headers: Record<string, string>): Promise<void> {
    // `authenticated: false` with the session's own headers: an already expired session must not
    // make the pipeline log in again just to log out.
    await this.send({ method: 'DELETE', path: '/session/current', authenticated: false, access: 'write', route: 'DELETE /session/current', headers });
  }

  override errorFromResponse(res: UpstreamResponse, _req: UpstreamRequest): GatewayError | undefined {
    if (res.status === 401) return consoleAuthError(this.instanceId, res.body);
    return consoleErrorFromResponse(this.instanceId, res.status, res.body);
  }

  // ── list views ───────────────────────────────────────────────────────────────────────────────

  /** `OPTIONS /<resource>`: filterable and sortable fields, cached for the metadata TTL. */
  async metadata(resource: BdrResource): Promise<ListMetadata> {
    const info = RESOURCES[resource];
    const res = await this.send({ method: 'OPTIONS', path: info.path, cacheClass: 'metadata', tags: ['metadata'], route: `OPTIONS ${info.path}` });
    return this.mapped.map(res.body, parseListMetadata);
  }

  /** Checks a spec's caller-supplied parts against OPTIONS (no call when there are none). */
  async validate(resource: BdrResource, spec: ListSpec): Promise<void> {
    const meta = needsMetadata(spec) ? await this.metadata(resource) : EMPTY_METADATA;
    validateListSpec(RESOURCES[resource].path.slice(1), spec, meta);
  }

  /** `GET /<resource>?filter=…&sort=…&keyword=…&offset=…&limit=…`. */
  async list<R extends BdrResource>(resource: R, spec: ListSpec): Promise<BdrPage<BdrResourceTypes[R]>> {
    await this.validate(resource, spec);
    return this.listBuilt(resource, spec);
  }

  /** `HEAD /<resource>` with the list's filters and keyword: the console's (estimated) `Actifio-Count`. */
  async count(resource: BdrResource, spec: ListSpec): Promise<number> {
    await this.validate(resource, spec);
    const info = RESOURCES[resource];
    const res = await this.send({ method: 'HEAD', path: info.path, query: countQuery(spec), cacheClass: info.cacheClass, tags: info.tags, route: `HEAD ${info.path}` });
    const n = int(res.headers['actifio-count']);
    if (n === null || n < 0) {
      throw new GatewayError(ErrorCode.UPSTREAM_ERROR, `Console ${this.instanceId} answered a count without Actifio-Count`, {
        upstream: { instance: this.instanceId, status: res.status },
      });
    }
    return n;
  }

  /**
   * Objects by id through one list call per MAX_IDS_PER_CALL ids: repeated `filter=id:==…` is a union
   * (docs/upstreams/backupdr.md §5.2). Answers in `ids` order, null for ids the console does not show this identity.
   */
  async listByIds<R extends BdrResource>(resource: R, ids: readonly string[]): Promise<Array<BdrResourceTypes[R] | null>> {
    const wanted = [...new Set(ids.filter((i) => NUMERIC_ID.test(i)))];
    const found = new Map<string, BdrResourceTypes[R]>();
    const chunks: string[][] = [];
    for (let i = 0; i < wanted.length; i += MAX_IDS_PER_CALL) chunks.push(wanted.slice(i, i + MAX_IDS_PER_CALL));
    const pages = await Promise.all(
      // Numeric ids on a field every resource has: built here, nothing to check against OPTIONS.
      chunks.map((chunk) => this.listBuilt(resource, { conditions: chunk.map((value) => ({ field: 'id', op: 'EQ' as const, value })), limit: chunk.length })),
    );
    for (const page of pages) for (const item of page.items) found.set(item.consoleId, item);
    return ids.map((i) => found.get(i) ?? null);
  }

  /**
   * `GET /<resource>` for a spec the gateway built itself from values it knows to be valid (numeric ids,
   * dates, enum values OPTIONS listed): sent without `validate`, so an id union may hold more than
   * MAX_CONDITIONS conditions (up to MAX_IDS_PER_CALL ids, as `listByIds` sends).
   */
  async listBuilt<R extends BdrResource>(resource: R, spec: ListSpec): Promise<BdrPage<BdrResourceTypes[R]>> {
    const info = RESOURCES[resource];
    const body = await this.get(info.path, { query: listQuery(spec), cacheClass: info.cacheClass, tags: info.tags, route: `GET ${info.path}` });
    return { items: this.mapped.map(body, info.mapList, this.upstream) as BdrResourceTypes[R][] };
  }

  /**
   * `GET /<resource>/{id}`; null when the console does not know it or hides it (404, docs/upstreams/backupdr.md §2.7).
   * `fresh`: not read from nor stored in the response cache (live progress polls see the job as it is now).
   * `background`: no caller waits on it (a progress poll), so it does not extend the console session.
   */
  async getById<R extends BdrResource>(resource: R, id: string, options: { fresh?: boolean; background?: boolean } = {}): Promise<BdrResourceTypes[R] | null> {
    if (!NUMERIC_ID.test(id)) return null;
    const info = RESOURCES[resource];
    try {
      const cacheClass = options.fresh ? undefined : info.cacheClass;
      const body = await this.get(`${info.path}/${id}`, { cacheClass, tags: info.tags, route: `GET ${info.path}/{id}`, background: options.background });
      return this.one(resource, body);
    } catch (error) {
      if (isGatewayError(error) && error.code === ErrorCode.NOT_FOUND) return null;
      throw error;
    }
  }

  /** `GET /slt/{id}/policy`: the template's policies. */
  async listPolicies(sltId: string): Promise<BdrPolicy[]> {
    if (!NUMERIC_ID.test(sltId)) return [];
    const body = await this.get(`/slt/${sltId}/policy`, { cacheClass: 'inventory', tags: ['inventory'], route: 'GET /slt/{id}/policy' });
    return this.mapped.map(body, mapPolicies);
  }

  // ── writes: never retried, cached or coalesced (docs/operations.md) ─────────────────────────

  /** `POST /application/{id}/backup` → 204 without a job id: the job is found by its label (findJobsByLabel). */
  async backupApplication(applicationId: string, backup: BdrBackupNow): Promise<void> {
    await this.write({
      method: 'POST',
      path: `/application/${idSegment(applicationId)}/backup`,
      route: 'POST /application/{id}/backup',
      body: backupNowBody(backup),
      invalidates: ['jobs'],
    });
  }

  /** `POST /backup/{id}/mount` → 204; a mount job carrying the label starts. */
  async mountBackup(backupId: string, mount: BdrMount): Promise<void> {
    await this.write({ method: 'POST', path: `/backup/${idSegment(backupId)}/mount`, route: 'POST /backup/{id}/mount', body: mountBody(mount), invalidates: ['jobs', 'backups'] });
  }

  /** `POST /backup/{id}/unmount` → 204. */
  async unmountBackup(backupId: string, unmount: BdrUnmount): Promise<void> {
    await this.write({ method: 'POST', path: `/backup/${idSegment(backupId)}/unmount`, route: 'POST /backup/{id}/unmount', body: unmountBody(unmount), invalidates: ['jobs', 'backups'] });
  }

  /** `POST /backup/{id}/expire?force=` (no body) → 204. */
  async expireBackup(backupId: string, force: boolean): Promise<void> {
    await this.write({
      method: 'POST',
      path: `/backup/${idSegment(backupId)}/expire`,
      route: 'POST /backup/{id}/expire',
      query: { force: String(force) },
      invalidates: ['backups', 'jobs'],
    });
  }

  /** `PUT /backup/{id}` (label, expiration) → 200 BackupRest. */
  async updateBackup(backupId: string, change: BdrBackupChange): Promise<BdrBackup | null> {
    const body = await this.write({ method: 'PUT', path: `/backup/${idSegment(backupId)}`, route: 'PUT /backup/{id}', body: backupChangeBody(change), invalidates: ['backups'] });
    return this.one('backup', body);
  }

  /** `PUT /sla/{id}` with only the switches given → 200 SlaRest. A logical group's SLA switches its members too. */
  async updateSla(slaId: string, change: BdrSlaChange): Promise<BdrSla | null> {
    const body = await this.write({ method: 'PUT', path: `/sla/${idSegment(slaId)}`, route: 'PUT /sla/{id}', body: slaChangeBody(change), invalidates: ['slas', 'logicalgroups'] });
    return this.one('sla', body);
  }

  /** `POST /sla` (application, template, profile) → 200 SlaRest; the application is then protected. */
  async createSla(plan: BdrSlaPlan): Promise<BdrSla | null> {
    for (const id of [plan.applicationId, plan.sltId, plan.slpId]) idSegment(id);
    const body = await this.write({ method: 'POST', path: '/sla', route: 'POST /sla', body: slaPlanBody(plan), invalidates: ['slas', 'applications'] });
    return this.one('sla', body);
  }

  /** `DELETE /sla/{id}` → 204; its application (or logical group) is no longer protected. */
  async deleteSla(slaId: string): Promise<void> {
    await this.write({ method: 'DELETE', path: `/sla/${idSegment(slaId)}`, route: 'DELETE /sla/{id}', invalidates: ['slas', 'applications', 'logicalgroups'] });
  }

  /** `PUT /application/{id}` with only the attributes given → 204 (read it back with getById). */
  async updateApplication(applicationId: string, change: BdrApplicationChange): Promise<void> {
    await this.write({
      method: 'PUT',
      path: `/application/${idSegment(applicationId)}`,
      route: 'PUT /application/{id}',
      body: applicationChangeBody(change),
      invalidates: ['applications'],
    });
  }

  /** `PUT /job/{id}` `{"status":"cancel"}` → 200 JobRest; 409 (UPSTREAM_ERROR) when the job has finished. */
  async cancelJob(jobId: string): Promise<BdrJob | null> {
    const body = await this.write({ method: 'PUT', path: `/job/${idSegment(jobId)}`, route: 'PUT /job/{id}', body: { status: 'cancel' }, invalidates: ['jobs'] });
    return this.one('job', body);
  }

  /**
   * `GET /jobstatus?filter=label:==…`: the jobs carrying a label. A read (read bucket, retried) but never
   * cached: a poll for a job just started must see the console, not its own previous empty answer.
   */
  async findJobsByLabel(label: string): Promise<BdrJob[]> {
    const info = RESOURCES.job;
    const body = await this.get(info.path, {
      query: listQuery({ conditions: [{ field: 'label', op: 'EQ', value: label }], defaultSort: 'id:desc', limit: 10 }),
      tags: info.tags,
      route: `GET ${info.path}`,
    });
    return info.mapList(body, this.upstream);
  }

  /**
   * One write, then the cached reads it changes dropped (and `audit`: the console records every write),
   * so a read right after shows the new state. Also after UPSTREAM_UNCERTAIN: the write may have run.
   */
  private async write(w: ConsoleWrite): Promise<unknown> {
    const tags = [...w.invalidates, 'audit'];
    try {
      // Not sent again after a 401: only a 401 at login (authenticate) is certain to have left the write unsent.
      const res = await this.send({ method: w.method, path: w.path, query: w.query, body: w.body, access: 'write', route: w.route, resendAfterUnauthorized: false });
      await this.pipeline.invalidate(this.instanceId, tags);
      return res.body;
    } catch (error) {
      if (isGatewayError(error) && error.code === ErrorCode.UPSTREAM_UNCERTAIN) await this.pipeline.invalidate(this.instanceId, tags);
      throw error;
    }
  }

  /** One object of a resource from a single-object answer (`GET /x/{id}`, a PUT's reply); null when unreadable. */
  private one<R extends BdrResource>(resource: R, body: unknown): BdrResourceTypes[R] | null {
    return (RESOURCES[resource].mapList({ items: [body] }, this.upstream)[0] as BdrResourceTypes[R] | undefined) ?? null;
  }
}

/** Used when a spec has nothing to check against OPTIONS: only the keyword's bounds are checked. */
const EMPTY_METADATA: ListMetadata = { filterable: new Map(), sortable: new Set() };
