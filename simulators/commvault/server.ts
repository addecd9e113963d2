import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleControl } from '../common/control.js';
import type { FaultState, PostAuthFault } from '../common/faults.js';
import { readBody, sendJson, sendText, sleep } from '../common/http-server.js';
import type { PipelineBase } from '../common/simulator.js';
import { OPERATOR_COMPANY_HEADER, type TenantBudgets } from './tenant-budget.js';
import type { TokenStore } from './auth.js';
import { genericError, Query, Scope, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from './context.js';
import type { Router } from './router.js';
import { toXml } from './xml.js';
import type { SimUser } from './data/types.js';

/**
 * Routes whose calls never take count faults or `errorRate`: the gateway must always be able to log in,
 * otherwise every fault test would first have to get past a failing login. Stated here, not implied.
 */
export const FAULT_EXEMPT_ROUTES: ReadonlySet<string> = new Set(['POST /Login']);

export interface PipelineParts extends PipelineBase<Router, SimContext> {
  tokens: TokenStore;
  /** A Commvault Cloud service's budgets, one per tenant company; absent for a CommServe. */
  tenant?: TenantBudgets;
}

const UNAUTHORIZED = { errorCode: 401, errorMessage: 'Unauthorized' };

/**
 * One request through the simulator, in this order: control endpoints; base path; route match and
 * stats; latency; own rate limit; pre-auth faults (429 burst, 5xx, errorRate); auth (401); the
 * resource; post-auth faults (malformed JSON, errList); XML or JSON by Accept.
 */
export function createPipeline(p: PipelineParts): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const base: string = p.basePath.replace(/\/+$/, '').toLowerCase();
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method: string = (req.method ?? 'GET').toUpperCase();
    const handled: boolean = await handleControl(req, res, url.pathname, {
      stats: p.stats,
      faults: p.faults,
      setFaults: p.setFaults,
      reset: p.reset,
      extraStats: () => ({
        liveTokens: p.tokens.live(),
        ...(p.tenant ? { tenantWindows: p.tenant.of(undefined).windows(), tenantWindowsByCompany: p.tenant.windowsByCompany() } : {}),
      }),
    });
    if (handled) return;

    const lowerPath: string = url.pathname.toLowerCase();
    if (base !== '' && lowerPath !== base && !lowerPath.startsWith(`${base}/`)) {
      sendText(res, 404, notFoundPage(url.pathname), 'text/html; charset=utf-8');
      return;
    }
    let segments: string[];
    try {
      segments = url.pathname.slice(base.length).split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
    } catch {
      sendText(res, 400, 'Bad Request', 'text/plain; charset=utf-8');
      return;
    }
    const match = p.router.match(method, segments);
    p.stats.record(match ? match.key : `${method} (unmatched)`, req.headers.traceparent);

    // Taken before the latency sleep: faults set while this request sleeps are not its to meet.
    const era: number = p.faults.era();
    await sleep(p.latencyMs + p.faults.extraLatencyMs());

    const operatorCompany = headerValue(req, OPERATOR_COMPANY_HEADER);
    if (p.tenant) {
      const decision = p.tenant.take(method, operatorCompany);
      for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
      if (!decision.allowed) {
        sendJson(res, 429, { errorCode: 429, errorMessage: 'Too many requests' });
        return;
      }
    }
    if (p.bucket) {
      const decision = p.bucket.take();
      if (!decision.allowed) {
        tooMany(res, decision.retryAfterSeconds);
        return;
      }
    }
    if (!match) {
      sendText(res, 404, notFoundPage(url.pathname), 'text/html; charset=utf-8');
      return;
    }

    const faultable: boolean = !FAULT_EXEMPT_ROUTES.has(match.key);
    const pre = faultable ? p.faults.takePreAuth(era) : undefined;
    if (pre?.kind === 'rateLimit') {
      tooMany(res, pre.retryAfterSeconds);
      return;
    }
    if (pre?.kind === 'status') {
      // Front-end proxies answer 5xx with an HTML page (cvpysdk pulls the <title> out of it).
      sendText(res, pre.status, errorPage(pre.status), 'text/html; charset=utf-8');
      return;
    }

    const rawBody: string = method === 'GET' ? '' : await readBody(req);
    const session = match.def.auth === false ? null : p.tokens.use(headerValue(req, 'authtoken'));
    if (match.def.auth !== false && !session) {
      sendJson(res, 401, UNAUTHORIZED);
      return;
    }
    const user = session && operatorCompany !== undefined ? actingUser(session.user, operatorCompany) : session?.user;
    if (user === null) {
      send(req, res, { body: genericError(5, 'Access denied'), xmlRoot: 'CvEntities_GenericResp' }, false);
      return;
    }

    const apiReq: ApiRequest = {
      method,
      route: match.key,
      params: match.params,
      query: new Query(url.searchParams),
      headers: req.headers,
      body: parseJson(rawBody),
      rawBody,
      session: session ?? null,
      scope: user ? new Scope(user) : null,
    };
    const post: PostAuthFault | undefined = faultable ? p.faults.takePostAuth(era) : undefined;
    p.ctx.progress?.advance();
    let result: ApiResult = await match.def.handle(apiReq, p.ctx);
    // The write is done; its answer is then lost (slow past the client's timeout, or a 5xx).
    const lost = faultable && isWrite(match.def, match.key, apiReq) ? p.faults.takeAfterWrite(era) : undefined;
    if (lost) {
      await sleep(lost.delayMs ?? 0);
      if (lost.status) {
        sendText(res, lost.status, errorPage(lost.status), 'text/html; charset=utf-8');
        return;
      }
    }
    if (post?.kind === 'errList') {
      const shape = match.def.errorShape ?? genericError;
      result = { body: shape(2, 'Simulated failure: the CommServe could not complete the request.'), xmlRoot: match.def.errorRoot ?? 'CvEntities_GenericResp' };
    }
    send(req, res, result, post?.kind === 'malformedJson');
  };
}

/**
 * The user a call acts as when it names a company (`operatorcompanyid`): a CommCell admin or an MSP service
 * account that reaches the company acts as a user of that company; anyone else is refused (null).
 */
function actingUser(user: SimUser, operatorCompany: string): SimUser | null {
  const companyId = Number(operatorCompany);
  if (!Number.isInteger(companyId)) return null;
  const reaches = user.companyId === null || user.companyId === companyId || (user.operatesCompanyIds ?? []).includes(companyId);
  return reaches ? { ...user, companyId } : null;
}

function isWrite(def: RouteDef, key: string, req: ApiRequest): boolean {
  if (def.write === undefined) return /\/action\//i.test(key);
  return typeof def.write === 'function' ? def.write(req) : def.write;
}

function send(req: IncomingMessage, res: ServerResponse, result: ApiResult, malformed: boolean): void {
  const status: number = result.status ?? 200;
  let text: string;
  let contentType: string;
  if (result.text !== undefined) {
    text = result.text;
    contentType = 'text/plain; charset=utf-8';
  } else if (wantsJson(req)) {
    text = JSON.stringify(result.body);
    contentType = 'application/json; charset=utf-8';
  } else {
    text = toXml(result.xmlRoot, result.body);
    contentType = 'application/xml; charset=utf-8';
  }
  // Cut mid-document: what a proxy dropping the connection's tail or a buggy serializer produces.
  if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  sendText(res, status, text, contentType, result.headers);
}

/** Commvault answers XML unless the client asks for JSON (docs/upstreams/commvault.md §1.3). */
function wantsJson(req: IncomingMessage): boolean {
  return /application\/(?:[\w.+-]*\+)?json/i.test(headerValue(req, 'accept') ?? '');
}

function tooMany(res: ServerResponse, retryAfterSeconds: number): void {
  sendJson(res, 429, { errorCode: 429, errorMessage: 'Too many requests' }, { 'Retry-After': String(retryAfterSeconds) });
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseJson(text: string): unknown {
  const head: string | undefined = text.trimStart()[0];
  if (head !== '{' && head !== '[') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function errorPage(status: number): string {
  const title = `${status} - ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
}

function notFoundPage(path: string): string {
  return `<!DOCTYPE html><html><head><title>404 - Not Found</title></head><body><h1>404 - Not Found</h1><p>${path.replace(/[<>&"]/g, '')}</p></body></html>`;
}
