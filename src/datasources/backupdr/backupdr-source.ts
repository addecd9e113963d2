import { ErrorCode } from '../../errors/codes.js';
import { GatewayError, isGatewayError } from '../../errors/gateway-error.js';
import { MappedOnce } from '../mapped-once.js';
import { BACKUPDR_KINDS } from './kinds.js';
import { upstreamRef, type UpstreamRef } from '../record.js';
import type { UpstreamRequest, UpstreamResponse } from '../pipeline/types.js';
import { UpstreamSource, type UpstreamSourceOptions } from '../upstream-source.js';
import { consoleErrorFromResponse } from './mappers/errors.js';
import { field, int, str } from './mappers/read.js';
import type { BdrPage, BdrPolicy, BdrResource, BdrResourceTypes } from './model.js';
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

export interface BackupDrSourceOptions extends UpstreamSourceOptions {
  /** The Google OAuth token sent as `Authorization: Bearer` on every call, the login included. */
  bearerToken: string;
}

/** The console's session header (docs/upstreams/backupdr.md §2.3). */
export const SESSION_HEADER = 'backupdr-management-session';

/**
 * Most ids in one `filter=id:==…` union: each costs about 25 bytes of URL, so a chunk stays far below
 * URL length limits while a page of 100 objects still takes one call.
 */
export const MAX_IDS_PER_CALL = 200;

const NUMERIC_ID = /^\d{1,19}$/;

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
  private readonly bearerToken: string;
  private readonly mapped = new MappedOnce();

  constructor(options: BackupDrSourceOptions) {
    super(options);
    this.bearerToken = options.bearerToken;
    this.upstream = upstreamRef(options.instanceId, BACKUPDR_KINDS.backupdr.graphKind);
  }

  // ── hooks ────────────────────────────────────────────────────────────────────────────────────

  protected override async authenticate(): Promise<Record<string, string>> {
    const bearer = { Authorization: `Bearer ${this.bearerToken}` };
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

  protected override async logout(headers: Record<string, string>): Promise<void> {
    // `authenticated: false` with the session's own headers: an already expired session must not
    // make the pipeline log in again just to log out.
    await this.send({ method: 'DELETE', path: '/session/current', authenticated: false, access: 'write', route: 'DELETE /session/current', headers });
  }

  override errorFromResponse(res: UpstreamResponse, _req: UpstreamRequest): GatewayError | undefined {
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
    const info = RESOURCES[resource];
    const body = await this.get(info.path, { query: listQuery(spec), cacheClass: info.cacheClass, tags: info.tags, route: `GET ${info.path}` });
    return { items: this.mapped.map(body, info.mapList, this.upstream) as BdrResourceTypes[R][] };
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
      chunks.map((chunk) =>
        // Trusted conditions (numeric ids on a field every resource has): no OPTIONS call needed.
        this.get(RESOURCES[resource].path, {
          query: listQuery({ conditions: chunk.map((value) => ({ field: 'id', op: 'EQ' as const, value })), limit: chunk.length }),
          cacheClass: RESOURCES[resource].cacheClass,
          tags: RESOURCES[resource].tags,
          route: `GET ${RESOURCES[resource].path}`,
        }),
      ),
    );
    for (const body of pages) {
      for (const item of this.mapped.map(body, RESOURCES[resource].mapList, this.upstream) as Array<BdrResourceTypes[R]>) found.set(item.consoleId, item);
    }
    return ids.map((i) => found.get(i) ?? null);
  }

  /**
   * `GET /<resource>/{id}`; null when the console does not know it or hides it (404, docs/upstreams/backupdr.md §2.7).
   * `fresh`: not read from nor stored in the response cache (live progress polls see the job as it is now).
   */
  async getById<R extends BdrResource>(resource: R, id: string, options: { fresh?: boolean } = {}): Promise<BdrResourceTypes[R] | null> {
    if (!NUMERIC_ID.test(id)) return null;
    const info = RESOURCES[resource];
    try {
      const cacheClass = options.fresh ? undefined : info.cacheClass;
      const body = await this.get(`${info.path}/${id}`, { cacheClass, tags: info.tags, route: `GET ${info.path}/{id}` });
      return (info.mapList({ items: [body] }, this.upstream)[0] as BdrResourceTypes[R] | undefined) ?? null;
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
}

/** Used when a spec has nothing to check against OPTIONS: only the keyword's bounds are checked. */
const EMPTY_METADATA: ListMetadata = { filterable: new Map(), sortable: new Set() };
