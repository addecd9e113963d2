import type { IncomingHttpHeaders } from 'node:http';
import type { Session, TokenStore } from './auth.js';
import type { DataIndex } from './data/data-index.js';
import type { JobProgress } from './data/progress.js';
import type { CommvaultDataset, SimUser } from './data/types.js';

/** What the company-scoped users may see; admins (companyId null) see everything. */
export class Scope {
  constructor(readonly user: SimUser) {}

  get isAdmin(): boolean {
    return this.user.companyId === null;
  }

  company(companyId: number): boolean {
    return this.user.companyId === null || this.user.companyId === companyId;
  }
}

/** Shared by every route handler. */
export interface SimContext {
  data: CommvaultDataset;
  index: DataIndex;
  tokens: TokenStore;
  /** Unix seconds by the simulator's clock. */
  nowS(): number;
  /** Started jobs progressing over time (data/progress.ts). */
  progress?: JobProgress;
}

/** Query parameters, looked up case-insensitively (`clientId` == `clientid`) as Commvault does. */
export class Query {
  private readonly values = new Map<string, string>();

  constructor(params: URLSearchParams) {
    for (const [k, v] of params) if (!this.values.has(k.toLowerCase())) this.values.set(k.toLowerCase(), v);
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** An integer, or undefined when absent or not a number. */
  int(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? Math.trunc(n) : undefined;
  }

  /** Commvault's `showX=false` style switches; anything but false/0 counts as true. */
  flag(name: string, fallback: boolean): boolean {
    const v = this.get(name);
    if (v === undefined) return fallback;
    return !['false', '0', 'no'].includes(v.trim().toLowerCase());
  }
}

export interface ApiRequest {
  method: string;
  /** Canonical template, e.g. `GET /Job/{id}`. */
  route: string;
  params: Record<string, string>;
  query: Query;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when none / not JSON. */
  body: unknown;
  rawBody: string;
  /** Null only on routes that do not need a token. */
  session: Session | null;
  scope: Scope | null;
}

export interface ApiResult {
  /** @default 200 */
  status?: number;
  /** The JSON shape; serialized as XML under `xmlRoot` unless the client accepts JSON. */
  body: unknown;
  xmlRoot: string;
  /** Sent verbatim as text/plain regardless of Accept (e.g. Logout's answer). */
  text?: string;
  headers?: Record<string, string>;
}

/** Builds the HTTP-200 error body of a resource family (used for real errors and the errList fault). */
export type ErrorShape = (code: number, message: string) => unknown;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT';
  /** Path below the base path with the docs' casing and `{id}` placeholders. */
  template: string;
  /** @default true */
  auth?: boolean;
  /** @default the generic `{errorCode, errorMessage}` */
  errorShape?: ErrorShape;
  /** XML root for error bodies; @default `CvEntities_GenericResp`. */
  errorRoot?: string;
  /**
   * Whether a call changes data, so the `afterWrite` fault may lose its answer (a function when the body
   * decides, as for qoperation messages). @default routes with `/action/` in their path
   */
  write?: boolean | ((req: ApiRequest) => boolean);
  handle(req: ApiRequest, ctx: SimContext): ApiResult | Promise<ApiResult>;
}

/** The most common Commvault error body: `{"errorCode": n, "errorMessage": "…"}` at HTTP 200. */
export const genericError: ErrorShape = (code, message) => ({ errorCode: code, errorMessage: message });

/** JobDetails / TaskDetails style: `{"error": {"errList": [{"errorCode", "errLogMessage"}]}}`. */
export const errListError: ErrorShape = (code, message) => ({ error: { errList: [{ errorCode: code, errLogMessage: message }] } });

/** StoragePool / StoragePolicy style: `{"error": {"errorCode", "errorMessage"}}`. */
export const nestedError: ErrorShape = (code, message) => ({ error: { errorCode: code, errorMessage: message } });

/** Job control batch style: `{"errors": [{"errList": [{"errorCode", "errLogMessage"}]}]}`. */
export const batchError: ErrorShape = (code, message) => ({ errors: [{ errList: [{ errorCode: code, errLogMessage: message }] }] });

export function ok(body: unknown, xmlRoot: string): ApiResult {
  return { body, xmlRoot };
}

/** V4's HTTP 404 for unknown ids (OAS). */
export function v4NotFound(): ApiResult {
  return { status: 404, body: { errorMessage: 'Requested Details not found', errorCode: 404 }, xmlRoot: 'CvEntities_GenericResp' };
}

export function idParam(req: ApiRequest): number {
  const n = Number(req.params.id);
  return Number.isInteger(n) ? n : -1;
}

/** Commvault leaves empty lists out of its answers (docs/upstreams/commvault.md §8.1). */
export function listOrOmit<K extends string>(key: K, items: unknown[]): Partial<Record<K, unknown[]>> {
  return items.length > 0 ? ({ [key]: items } as Record<K, unknown[]>) : {};
}
