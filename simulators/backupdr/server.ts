import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleControl } from '../common/control.js';
import type { FaultState, PostAuthFault } from '../common/faults.js';
import { readBody, sendJson, sendText, sleep } from '../common/http-server.js';
import type { PipelineBase } from '../common/simulator.js';
import { apiError, Caller, INVALID_JSON, type ApiRequest, type ApiResult, type SimContext } from './context.js';
import { ERR } from './errors.js';
import type { Router } from './router.js';
import { setBackupDrState } from './state.js';

/**
 * Routes whose calls never take count faults or `errorRate`: the gateway must always be able to log in,
 * otherwise every fault test would first have to get past a failing login.
 */
export const FAULT_EXEMPT_ROUTES: ReadonlySet<string> = new Set(['POST /session']);

export const SESSION_HEADER = 'backupdr-management-session';
export const NO_REFRESH_HEADER = 'actifio-no-session-refresh';

export type PipelineParts = PipelineBase<Router, SimContext>;

/**
 * One request, in this order: control endpoints; base path; route match and stats; latency; own rate
 * limit; 404/405; pre-auth faults (429 burst, 5xx, errorRate); bearer (401); session (401, refreshed
 * unless `Actifio-No-Session-Refresh: true`); rights (403); body; the resource; post-auth faults
 * (malformed JSON, errList); audit record for writes; a lost answer after a write (`afterWrite`).
 */
export function createPipeline(p: PipelineParts): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const base: string = p.basePath.replace(/\/+$/, '');
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method: string = (req.method ?? 'GET').toUpperCase();
    const handled = await handleControl(req, res, url.pathname, {
      stats: p.stats,
      faults: p.faults,
      setFaults: p.setFaults,
      reset: p.reset,
      setState: (body) => setBackupDrState(p.ctx, body),
      extraStats: () => ({ liveSessions: p.ctx.sessions.live() }),
    });
    if (handled) return;

    if (base !== '' && url.pathname !== base && !url.pathname.startsWith(`${base}/`)) {
      send(res, method, apiError(404, ERR.notFound, `No such resource: ${clip(url.pathname)}`));
      return;
    }
    let segments: string[];
    try {
      segments = url.pathname.slice(base.length).split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
    } catch {
      send(res, method, apiError(400, ERR.badRequest, 'Malformed percent-encoding in the path'));
      return;
    }
    const found = p.router.lookup(method, segments);
    p.stats.record(found.kind === 'match' ? found.match.key : `${method} (unmatched)`, req.headers.traceparent);

    // Taken before the latency sleep: faults set while this request sleeps are not its to meet.
    const era: number = p.faults.era();
    await sleep(p.latencyMs + p.faults.extraLatencyMs());

    if (p.bucket) {
      const decision = p.bucket.take();
      if (!decision.allowed) {
        sendJson(res, 429, { err_code: 429, err_message: 'Too many requests' }, { 'Retry-After': String(decision.retryAfterSeconds) });
        return;
      }
    }
    if (found.kind === 'none') {
      send(res, method, apiError(404, ERR.notFound, `No such resource: ${clip(url.pathname)}`));
      return;
    }
    if (found.kind === 'wrongMethod') {
      send(res, method, { ...apiError(405, ERR.methodNotAllowed, `Method ${method} is not allowed here`), headers: { Allow: found.allowed.join(', ') } });
      return;
    }
    const { match } = found;

    const faultable = !FAULT_EXEMPT_ROUTES.has(match.key);
    const pre = faultable ? p.faults.takePreAuth(era) : undefined;
    if (pre?.kind === 'rateLimit') {
      sendJson(res, 429, { err_code: 429, err_message: 'Too many requests' }, { 'Retry-After': String(pre.retryAfterSeconds) });
      return;
    }
    if (pre?.kind === 'status') {
      // A front-end proxy's page, not the console's JSON.
      sendText(res, pre.status, errorPage(pre.status), 'text/html; charset=utf-8');
      return;
    }

    // The bearer first: the Google front end rejects a bad token before the console sees the call, with
    // a non-JSON page (docs/upstreams/backupdr.md §2.6: 11.0.5+ answers "Error 401 (Unauthorized)").
    const bearer = bearerOf(req);
    const checked = p.ctx.bearers.check(bearer);
    const login = match.def.auth === 'bearer';
    if (!checked.ok) {
      const challenge = { 'WWW-Authenticate': login ? 'Basic realm="Actifio"' : 'Actifio' };
      // An older (agm-) console words an expired ID token in plain text (docs/upstreams/backupdr.md §2.6).
      if (checked.expired && p.ctx.google?.oauth2ClientId !== undefined) sendText(res, 401, 'OpenID Connect token expired: JWT has expired', 'text/plain; charset=utf-8', challenge);
      else sendText(res, 401, errorPage(401), 'text/html; charset=utf-8', challenge);
      return;
    }
    const principal = checked.principal;
    let caller: Caller | null = null;
    if (!login) {
      const refresh = (header(req, NO_REFRESH_HEADER) ?? '').trim().toLowerCase() !== 'true';
      const session = p.ctx.sessions.use(sessionIdOf(req), principal.token, refresh);
      if (!session) {
        send(res, method, {
          ...apiError(401, ERR.unauthenticated, 'Not authenticated. Make sure you specified a valid session id in the backupdr-management-session header with Actifio as the scheme.'),
          headers: { 'WWW-Authenticate': 'Actifio' },
        });
        return;
      }
      caller = new Caller(session, p.ctx.index, p.ctx.nowUs() / 1000);
      const right = match.def.right;
      const allowed = right === null ? true : right === undefined ? caller.rights.size > 0 : caller.can(right);
      if (!allowed) {
        // docs/upstreams/backupdr.md §2.7: err_code 10011 without a message is the console's "role lacks the right".
        send(res, method, { status: 403, body: { err_code: ERR.forbidden } });
        return;
      }
    }

    let body: unknown;
    if (method === 'POST' || method === 'PUT' || method === 'DELETE') {
      const text = await readBody(req);
      const type = header(req, 'content-type');
      if (text.trim() !== '' && type !== undefined && !/^application\/(?:[\w.+-]*\+)?json\b/i.test(type)) {
        send(res, method, apiError(415, ERR.unsupportedMediaType, 'Content-Type must be application/json'));
        return;
      }
      body = parseBody(text);
    }

    const apiReq: ApiRequest = {
      method,
      route: match.key,
      params: match.params,
      query: url.searchParams,
      headers: req.headers,
      body,
      apiRoot: `http://${header(req, 'host') ?? 'localhost'}${base}`,
      bearer,
      caller,
    };
    const post: PostAuthFault | undefined = faultable ? p.faults.takePostAuth(era) : undefined;
    p.ctx.progress?.advance();
    let result: ApiResult = await match.def.handle(apiReq, p.ctx);
    if (post?.kind === 'errList') {
      // HTTP 200 carrying the console's error shape: an appliance failure relayed as the body.
      result = { status: 200, body: { err_code: ERR.applianceFailure, err_message: 'backup-appliance:,\terrormessage: simulated failure, try again later,\terrorcode: 10017' } };
    }
    const carriedOut = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && (result.status ?? 200) < 400;
    if (carriedOut) audit(p.ctx, apiReq, principal.user, url.pathname, caller);
    // The write is done; its answer is then lost (slow past the client's timeout, or a 5xx page).
    const lost = carriedOut && faultable && !login && !match.key.includes(' /session') ? p.faults.takeAfterWrite(era) : undefined;
    if (lost) {
      await sleep(lost.delayMs ?? 0);
      if (lost.status) {
        sendText(res, lost.status, errorPage(lost.status), 'text/html; charset=utf-8');
        return;
      }
    }
    send(res, method, result, post?.kind === 'malformedJson');
  };
}

function send(res: ServerResponse, method: string, result: ApiResult, malformed = false): void {
  const status = result.status ?? 200;
  if (result.body === undefined || method === 'HEAD' || status === 204) {
    res.writeHead(status, { ...result.headers });
    res.end();
    return;
  }
  let text = JSON.stringify(result.body);
  // Cut mid-document: what a proxy dropping the connection's tail produces.
  if (malformed) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  sendText(res, status, text, 'application/json; charset=utf-8', result.headers);
}

/** Console-side audit trail of writes (localaudit), as `command` strings like the real ones. */
function audit(ctx: SimContext, req: ApiRequest, username: string, path: string, caller: Caller | null): void {
  const query = req.query.toString();
  const session = caller ? ` Session ${caller.session.id.slice(0, 8)}` : '';
  ctx.data.audits.push({
    id: ctx.index.nextId(),
    issuedate: ctx.nowUs(),
    username,
    command: `${req.method} ${req.apiRoot.replace(/\/actifio$/, '')}${path}${query ? `?${query}` : ''}${session}`,
    ipaddress: '127.0.0.1',
    component: 'RESTful',
    status: 0,
    proxy: '',
    privileged: false,
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function bearerOf(req: IncomingMessage): string | undefined {
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header(req, 'authorization') ?? '');
  return m?.[1];
}

/** `backupdr-management-session: Actifio <session_id>` (the scheme is required, case-insensitive). */
function sessionIdOf(req: IncomingMessage): string | undefined {
  const m = /^\s*Actifio\s+(\S+)\s*$/i.exec(header(req, SESSION_HEADER) ?? '');
  return m?.[1];
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 401: 'Unauthorized', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function errorPage(status: number): string {
  const title = `Error ${status} (${STATUS_TEXT[status] ?? 'Error'})`;
  return `<!DOCTYPE html><html lang=en><meta charset=utf-8><title>${title}</title><p><b>${status}.</b> <ins>That’s an error.</ins></p></html>`;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
