import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Logger } from './logger.js';
import { newTrace, recordErrorCode, requestIdFrom, type RequestTrace } from './request-trace.js';

/** The header a client may send its own request id in; the gateway always answers with it. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Fastify's `genReqId`: the client's sane `x-request-id`, else a UUID (so `request.id` is the request id). */
export function genRequestId(req: IncomingMessage): string {
  return requestIdFrom(req.headers[REQUEST_ID_HEADER]);
}

/** Probe and scrape paths: logged at debug, or a probe every few seconds would drown the real lines. */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Where a request's trace lives: a request property fastify declares up front (`decorateRequest`), so every
 * request object keeps one shape. A WeakMap keyed by request cost an ephemeron entry per request (bench
 * profile of `{ __typename }`: more than the property write by far).
 */
const TRACE = Symbol('requestTrace');
type Traced = FastifyRequest & { [TRACE]?: RequestTrace | null };

/** The trace of a request: what the GraphQL context, the response cache and the error handler write to. */
export function traceOf(request: FastifyRequest): RequestTrace | undefined {
  return (request as Traced)[TRACE] ?? undefined;
}

/**
 * One access-log line per HTTP request, at info, written when the response has gone: request id,
 * caller, operation name and type, document id or hash (never the text), duration, HTTP status, error
 * codes, upstream calls, and whether the response cache answered (`hit`) or kept the answer (`stored`). No query text, no variables, no headers (so no keys or tokens). The request id
 * is echoed in `x-request-id`, and every other line the request causes carries it as `requestId`
 * (the GraphQL context hands the trace to the sources and plugins that write them).
 */
export function registerAccessLog(app: FastifyInstance, logger: Logger): void {
  const log = logger.child({ component: 'access' });
  app.decorateRequest(TRACE, null);
  // Callback-style hooks, not async ones: every request runs both, and an async hook costs a promise each.
  app.addHook('onRequest', (request, reply, done) => {
    (request as Traced)[TRACE] = newTrace(request.id);
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    writeLine(log, request, reply);
    const after = traceOf(request)?.afterResponse;
    if (after !== undefined) for (const release of after) release();
    done();
  });
}

/** The request's access-log line, at info (debug for probes and scrapes); built only when that level writes. */
function writeLine(log: Logger, request: FastifyRequest, reply: FastifyReply): void {
  const path = pathOf(request.url);
  const level = QUIET_PATHS.has(path) ? 'debug' : 'info';
  // A level that writes no line builds none: the line is the request's largest allocation after its answer.
  if (!log.isLevelEnabled(level)) return;
  const trace = traceOf(request) ?? newTrace(request.id);
  const line = {
    requestId: trace.id,
    method: request.method,
    path,
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
    caller: trace.callerId,
    operation: trace.operationName,
    operationType: trace.operationType,
    ...(trace.operations > 1 ? { operations: trace.operations } : {}),
    documentId: trace.documentId,
    documentHash: trace.documentId ? undefined : trace.documentHash,
    errors: trace.errorCodes.length > 0 ? trace.errorCodes : undefined,
    upstreamCalls: trace.upstreamCalls,
    upstreamAttempts: trace.upstreamAttempts,
    responseCache: trace.responseCache,
  };
  log[level](line, 'request');
}

/** The path of a request URL, without its query string. */
function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Wraps the GraphQL context factory: records the caller's id on the trace, and the public code of a
 * refusal while building it (UNAUTHENTICATED), which no Apollo plugin sees.
 */
export async function tracedContext<C extends { principal: { id: string } }>(request: FastifyRequest, make: () => C | Promise<C>): Promise<C> {
  const trace = traceOf(request);
  try {
    const context = await make();
    if (trace !== undefined) trace.callerId = context.principal.id;
    return context;
  } catch (error) {
    const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
    if (trace !== undefined && typeof code === 'string') recordErrorCode(trace, code);
    throw error;
  }
}
