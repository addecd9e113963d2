import type { IncomingHttpHeaders } from 'node:http';
import type { DataIndex } from './data/data-index.js';
import type { ConsoleJobProgress } from './data/job-progress.js';
import type { BackupDrDataset } from './data/types.js';
import { ALL_RIGHTS } from './data/security.js';
import { ERR } from './errors.js';
import type { BearerPrincipals, ConsoleGoogleAuth } from './bearer.js';
import type { Principal } from './principals.js';
import type { Session, SessionStore } from './session.js';

/** Shared by every route handler. */
export interface SimContext {
  data: BackupDrDataset;
  index: DataIndex;
  sessions: SessionStore;
  principals: readonly Principal[];
  /** Who a bearer stands for: `principals`, or a Google-minted token (option `google`). */
  bearers: BearerPrincipals;
  google?: ConsoleGoogleAuth;
  /** Largest page a list view returns whatever `limit` asks (docs/upstreams/backupdr.md §5.1: the service decides). */
  maxLimit: number;
  /** Epoch microseconds by the simulator's clock. */
  nowUs(): number;
  /** Running jobs progressing over the clock (data/job-progress.ts). */
  progress?: ConsoleJobProgress;
}

/** The authenticated caller: what it may see (org ids, or null for every organization) and do. */
export class Caller {
  readonly orgIds: ReadonlySet<string> | null;
  readonly rights: ReadonlySet<string>;

  constructor(
    readonly session: Session,
    index: DataIndex,
    nowMs: number,
  ) {
    const p = session.principal;
    // A promoted session (promoteUser) is an administrator: every right, every organization.
    const promoted = (session.promotedUntilMs ?? 0) > nowMs;
    // Unknown organization names resolve to nothing: a typo narrows, never widens.
    this.orgIds = promoted || p.organizations === 'all' ? null : new Set(p.organizations.map((n) => index.orgsByName.get(n)?.id ?? `unknown:${n}`));
    this.rights = new Set(promoted ? ALL_RIGHTS : p.rights);
  }

  get principal(): Principal {
    return this.session.principal;
  }

  /** `scope` 'global' = not org-assignable (appliances, roles); otherwise the record's organizations. */
  sees(scope: 'global' | readonly string[]): boolean {
    if (scope === 'global' || this.orgIds === null) return true;
    const orgs = this.orgIds;
    return scope.some((id) => orgs.has(id));
  }

  can(right: string): boolean {
    return this.rights.has(right);
  }
}

export interface ApiRequest {
  method: string;
  /** Stats key, e.g. `GET /application/{id}`. */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when absent; `INVALID_JSON` when it did not parse. */
  body: unknown;
  /** `http://host:port/actifio` as the client addressed it, for hrefs. */
  apiRoot: string;
  /** The bearer token as sent (POST /session needs it before any session exists). */
  bearer: string | undefined;
  /** Null only on routes without session auth. */
  caller: Caller | null;
}

export const INVALID_JSON: unique symbol = Symbol('invalid JSON');

export interface ApiResult {
  /** @default 200 */
  status?: number;
  /** JSON body; undefined = no body (204, HEAD). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDef {
  method: 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the base path with `{id}` placeholders, e.g. `/application/{id}`. */
  template: string;
  /** 'bearer': only the bearer token (login); 'session' (default): bearer + live session. */
  auth?: 'bearer' | 'session';
  /** A right the caller needs, else 403. Absent: any one right (a role-less caller gets 403); null: none. */
  right?: string | null;
  handle(req: ApiRequest, ctx: SimContext): ApiResult | Promise<ApiResult>;
}

/** The console's error body (docs/upstreams/backupdr.md §3.6): `{err_code, err_message}`. */
export function apiError(status: number, errCode: number, message: string): ApiResult {
  return { status, body: { err_code: errCode, err_message: message } };
}

/** docs/upstreams/backupdr.md §2.7: an object hidden by organization partitions answers 404 exactly like a missing one. */
export function notFound(kind: string, id: string): ApiResult {
  return apiError(404, ERR.notFound, `Object not found: ${kind} ${id.length > 40 ? `${id.slice(0, 37)}...` : id}`);
}

export function ok(body: unknown, status = 200): ApiResult {
  return { status, body };
}
