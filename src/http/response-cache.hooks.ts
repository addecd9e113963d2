import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { etagOf, type ResponseCache } from '../cache/response-cache.js';
import { newResponseReads } from '../cache/response-reads.js';
import type { SourceRegistry } from '../datasources/registry.js';
import { traceOf } from '../observability/access-log.js';
import { responseCacheTotal } from '../observability/metrics.js';
import type { RequestTrace } from '../observability/request-trace.js';
import type { CallerDirectory } from '../plugins/caller.js';

/** The operation a request names, as sent: the parts the response cache keys on. */
interface OperationParts {
  query?: unknown;
  documentId?: unknown;
  operationName?: unknown;
  variables?: unknown;
  persistedQuery?: unknown;
}

/** What the preHandler learnt about a request that the onSend hook needs. */
interface Pending {
  /** Set when the response cache may keep the answer. */
  key?: string;
  generation: number;
  /** A GET of a persisted operation (`documentId` or an APQ hash): its 200 answers carry an ETag. */
  etagged: boolean;
}

const pendingByRequest = new WeakMap<FastifyRequest, Pending>();

/** Content types a browser sends without a preflight: such a request must carry a preflight header (Apollo's CSRF rule). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'] as const;

/** What a polling client is told: keep the answer, but ask (with `If-None-Match`) before each use. */
const ETAG_CACHE_CONTROL = 'private, no-cache';

export interface ResponseCacheHooksDeps {
  /** Absent: the response cache is off, and only the ETags of persisted GETs are given. */
  cache?: ResponseCache;
  callers: CallerDirectory;
  registry: SourceRegistry;
  /** Where a stale answer's refresh is sent (`app.inject`: the same route, the whole stack). */
  app: FastifyInstance;
}

/** Request headers a refresh does not repeat: its own length and id, and the client's validators. */
const NOT_REPEATED = new Set(['content-length', 'x-request-id', 'if-none-match', 'connection']);

/**
 * The `/graphql` route's hooks for whole answers (docs/performance.md "Response cache"):
 *
 * - `preHandler` (last of the route's): builds the request's key from its operation (text, `documentId` or
 *   APQ hash; operation name; variables), its `Accept` header and the caller's scope
 *   (`SourceRegistry.scopeOf`: role and the upstream sources it reads through — never the API key), and
 *   answers a stored answer at once, before Apollo, the plugins, limits and execution. Anything it cannot
 *   judge (a batch, an unknown key, a request Apollo would refuse as a possible CSRF) goes on to the stack,
 *   which answers as it always did. On a miss it asks the pipeline to note what the request reads.
 * - `onSend`: keeps the answer when it is a clean query answer (200, `data` without `errors`, one
 *   operation of type query) built only from cached upstream entries, until the earliest of their
 *   expiries; and gives persisted GETs an `ETag`, answering `304` without a body to a matching
 *   `If-None-Match`.
 *
 * Why the stored answer is the one the stack would give: the key holds everything the stack's decisions
 * depend on — the document and variables, the role (persisted-operation policy, cost and depth limits),
 * the upstreams the caller sees and the credentials it reads them with — and an answer is kept only while
 * the upstream entries it was built from are (same TTL, same invalidations, on every replica).
 */
export function responseCacheHooks(deps: ResponseCacheHooksDeps): { preHandler: preHandlerAsyncHookHandler; onSend: onSendHookHandler } {
  const { cache, callers, registry, app } = deps;

  /**
   * Runs the request again through the whole route, in the background, with the caller's own headers: its
   * answer (if clean) replaces the stale one. Only one runs per stale answer, as the answer left the cache
   * when it was found stale.
   */
  function refresh(request: FastifyRequest): void {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(request.headers)) if (value !== undefined && !NOT_REPEATED.has(name)) headers[name] = value;
    const payload = request.method === 'GET' ? undefined : JSON.stringify(request.body);
    app.inject({ method: request.method as 'GET' | 'POST', url: request.url, headers, payload }).catch((error: unknown) => {
      request.log.debug({ err: error }, 'response cache refresh failed');
    });
  }

  // Returns the reply once it has answered (fastify's way for an async hook to end the request there).
  async function preHandler(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    // With the cache off only a persisted GET needs anything here (its ETag): a POST reads nothing.
    if (cache === undefined && request.method !== 'GET') return;
    const parts = operationParts(request);
    if (parts === undefined) return; // a batch, or nothing readable: the stack answers
    const etagged = request.method === 'GET' && (parts.documentId !== undefined || parts.persistedQuery !== undefined);
    if (cache === undefined) {
      if (etagged) pendingByRequest.set(request, { etagged, generation: 0 });
      return;
    }
    let scope: string;
    let callerId: string;
    try {
      const principal = callers.authenticate(request.headers.authorization);
      scope = registry.scopeOf(principal);
      callerId = principal.id;
    } catch {
      return; // refused while the context is built, as always
    }
    const key = JSON.stringify([scope, request.headers.accept ?? '', parts.documentId, parts.persistedQuery, parts.query, parts.operationName, parts.variables]);
    const trace = traceOf(request);
    const found = preflighted(request) ? cache.get(key) : undefined;
    if (found === undefined) {
      responseCacheTotal.inc({ result: 'miss' });
      pendingByRequest.set(request, { key, generation: cache.generation, etagged });
      if (trace !== undefined) trace.reads = newResponseReads();
      return;
    }
    const stored = found.response;
    responseCacheTotal.inc({ result: found.stale ? 'stale' : 'hit' });
    if (found.stale) refresh(request);
    if (trace !== undefined) {
      trace.callerId = callerId;
      trace.operations = 1;
      trace.operationType = 'query';
      trace.operationName = stored.operationName;
      trace.documentId = stored.documentId;
      trace.documentHash = stored.documentHash;
      trace.responseCache = 'hit';
    }
    void reply.header('content-type', stored.contentType);
    if (etagged && notModified(request, reply, stored.etag)) return reply.code(304).send();
    return reply.send(stored.body);
  }

  async function onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const pending = pendingByRequest.get(request);
    if (pending === undefined || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    pendingByRequest.delete(request);
    const trace = traceOf(request);
    const body = Buffer.from(payload);
    const stored = cache !== undefined && pending.key !== undefined && trace !== undefined && cleanQueryAnswer(trace, payload)
      ? cache.set(pending.key, {
          body,
          contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
          expiresAtMs: trace.reads!.expiresAtMs,
          tagKeys: trace.reads!.tagKeys,
          generation: pending.generation,
          operationName: trace.operationName,
          documentId: trace.documentId,
          documentHash: trace.documentHash,
        })
      : undefined;
    if (stored !== undefined) {
      responseCacheTotal.inc({ result: 'stored' });
      trace!.responseCache = 'stored';
    }
    if (pending.etagged && notModified(request, reply, stored?.etag ?? etagOf(body))) {
      void reply.code(304);
      return null;
    }
    return body; // sent as is: no second encoding of the string
  }

  return { preHandler, onSend };
}

/**
 * An answer worth keeping: one query operation, no error anywhere (Apollo writes `errors` first, so a
 * clean answer starts with `data`), read from upstream entries the entry cache holds, and at least one.
 */
function cleanQueryAnswer(trace: RequestTrace, payload: string): boolean {
  const reads = trace.reads;
  return (
    reads !== undefined &&
    reads.reads > 0 &&
    !reads.uncacheable &&
    trace.operations === 1 &&
    trace.operationType === 'query' &&
    trace.errorCodes.length === 0 &&
    payload.startsWith('{"data":')
  );
}

/** Sets the ETag headers; true when the client's `If-None-Match` names this answer (then the headers of a 304 are left). */
function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  void reply.header('etag', etag).header('cache-control', ETAG_CACHE_CONTROL);
  const header = request.headers['if-none-match'];
  if (header === undefined || !header.split(',').some((tag) => matchesEtag(tag.trim(), etag))) return false;
  reply.removeHeader('content-type');
  return true;
}

/** `If-None-Match` compares weakly (RFC 9110 §13.1.2): `W/` is ignored, `*` matches any answer. */
function matchesEtag(tag: string, etag: string): boolean {
  return tag === '*' || tag === etag || tag === `W/${etag}`;
}

/**
 * Would Apollo's CSRF prevention let this request through? A content type a browser may send without a
 * preflight (or none, as on a GET) needs one of the preflight headers. A hit is served only then; any
 * other request goes to the stack, which refuses it.
 */
function preflighted(request: FastifyRequest): boolean {
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && !SIMPLE_CONTENT_TYPES.has((contentType.split(';', 1)[0] as string).trim().toLowerCase())) return true;
  return PREFLIGHT_HEADERS.some((name) => {
    const value = request.headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

/**
 * The operation's parts from a GET's parameters (JSON-encoded `variables` and `extensions` decoded, so a
 * GET and a POST of the same operation share one key) or a POST's JSON body; undefined for a batch or a
 * request whose parts cannot be read (the stack then answers its error).
 */
function operationParts(request: FastifyRequest): OperationParts | undefined {
  const source = request.method === 'GET' ? request.query : request.body;
  if (source === null || typeof source !== 'object' || Array.isArray(source)) return undefined;
  const raw = source as Record<string, unknown>;
  const decode = (value: unknown): unknown => {
    if (request.method !== 'GET' || typeof value !== 'string') return value;
    return JSON.parse(value) as unknown;
  };
  try {
    const extensions = decode(raw.extensions);
    const persistedQuery = extensions !== null && typeof extensions === 'object' ? (extensions as Record<string, unknown>).persistedQuery : undefined;
    return { query: raw.query, documentId: raw.documentId, operationName: raw.operationName, variables: decode(raw.variables), persistedQuery };
  } catch {
    return undefined;
  }
}
