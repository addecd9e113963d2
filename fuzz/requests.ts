import { createHash } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Prng } from '../simulators/common/prng.js';
import { generateOperation, type GeneratedOperation } from './documents.js';
import type { KnownIds } from './graphql-values.js';
import { hostileString, unicodeString } from './hostile-values.js';

/** One HTTP exchange to try. `raw` bytes go over a plain socket as they are (malformed HTTP). */
export interface FuzzRequest {
  /** What kind of case it is, for the report (`post`, `batch`, `apq`, `raw`, …). */
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  raw?: string;
}

export interface RequestContext {
  schema: GraphQLSchema;
  ids: KnownIds;
  /** API keys by role, as the fuzz gateway's config has them. */
  apiKeys: Readonly<Record<string, string>>;
  /** The trusted documents: `sha256:<hex>` → text. */
  trusted: ReadonlyArray<readonly [string, string]>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * One random request to `/graphql`: mostly JSON POSTs of generated operations, and around them GET,
 * batches, APQ hashes that do and do not match, trusted-document ids, bodies that are not JSON, wrong
 * content types and methods, hostile headers and malformed HTTP.
 */
export function generateRequest(r: Prng, c: RequestContext): FuzzRequest {
  const kind = r.weighted([
    ['post', 40],
    ['get', 8],
    ['batch', 6],
    ['apq', 8],
    ['documentId', 4],
    ['notJson', 6],
    ['contentType', 5],
    ['method', 4],
    ['headers', 4],
    ['raw', 2],
  ] as const);
  const op = (): GeneratedOperation => generateOperation(r, c.schema, c.ids);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...auth(r, c) };
  if (r.chance(0.2)) headers.accept = r.pick(['application/graphql-response+json', 'application/json', 'text/html', '*/*', 'application/xml', 'multipart/mixed']);
  const post = (body: unknown): FuzzRequest => ({ kind, method: 'POST', path: '/graphql', headers, body: JSON.stringify(body) });

  switch (kind) {
    case 'post':
      return post(op());
    case 'get': {
      const o = op();
      const params = new URLSearchParams();
      if (typeof o.query === 'string') params.set('query', o.query);
      if (o.variables !== undefined) params.set('variables', r.chance(0.9) ? JSON.stringify(o.variables) : '{"broken":');
      if (typeof o.operationName === 'string') params.set('operationName', o.operationName);
      delete headers['content-type'];
      if (r.chance(0.8)) headers['apollo-require-preflight'] = '1';
      return { kind, method: 'GET', path: `/graphql?${params}`, headers };
    }
    case 'batch': {
      const n = r.weighted([[0, 1], [r.int(1, 5), 6], [r.int(6, 30), 2]] as const);
      return post(Array.from({ length: n }, () => (r.chance(0.9) ? op() : r.pick([null, 5, 'x', [], {}]))));
    }
    case 'apq':
      return apqRequest(r, c, op(), headers, kind);
    case 'documentId': {
      const [id] = c.trusted.length && r.chance(0.6) ? r.pick(c.trusted) : [`sha256:${r.chance(0.5) ? sha256(hostileString(r)) : hostileString(r).slice(0, 100)}`];
      const body: Record<string, unknown> = { documentId: r.chance(0.9) ? id : r.pick([5, null, {}, ['x']]) };
      if (r.chance(0.2)) body.query = op().query;
      if (r.chance(0.3)) body.variables = op().variables ?? {};
      if (r.chance(0.5) && c.trusted.length) {
        const text = c.trusted.find(([k]) => k === id)?.[1];
        body.operationName = text ? (/(?:query|mutation|subscription)\s+(\w+)/.exec(text)?.[1] ?? 'X') : 'X';
      }
      return post(body);
    }
    case 'notJson':
      return { kind, method: 'POST', path: '/graphql', headers, body: notJsonBody(r, op) };
    case 'contentType': {
      const o = op();
      headers['content-type'] = r.pick([
        'text/plain', 'text/plain; charset=utf-8', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
        'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/xml', 'application/jsonx', 'APPLICATION/JSON', '',
        'application/graphql-response+json', 'application/json;', ';;;', 'application/json; boundary="',
      ]);
      if (!headers['content-type']) delete headers['content-type'];
      return { kind, method: 'POST', path: '/graphql', headers, body: r.chance(0.6) ? JSON.stringify(o) : o.query };
    }
    case 'method': {
      const method = r.pick(['PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'GET', 'QUERY', 'PROPFIND', 'SEARCH', 'PURGE', 'FOO']);
      const withBody = !['GET', 'HEAD', 'TRACE'].includes(method);
      if (method === 'OPTIONS' && r.chance(0.5)) {
        headers.origin = r.pick(['https://evil.example', 'null', 'http://127.0.0.1']);
        headers['access-control-request-method'] = r.pick(['POST', 'GET', 'PUT']);
      }
      return { kind, method, path: r.chance(0.8) ? '/graphql' : `/graphql?query=${encodeURIComponent(op().query)}`, headers, ...(withBody ? { body: JSON.stringify(op()) } : {}) };
    }
    case 'headers':
      return headerAbuse(r, post(op()));
    case 'raw':
      return rawRequest(r, c, op());
  }
}

function auth(r: Prng, c: RequestContext): Record<string, string> {
  const roles = Object.keys(c.apiKeys);
  const key = r.weighted<() => string | undefined>([
    [() => c.apiKeys.analyst ?? r.pick(Object.values(c.apiKeys)), 8],
    [() => c.apiKeys[r.pick(roles)], 4],
    [() => undefined, 1],
    [() => 'not-a-key', 1],
  ] as const)();
  if (key === undefined) return {};
  return { authorization: r.chance(0.97) ? `Bearer ${key}` : r.pick([`bearer ${key}`, `Basic ${key}`, 'Bearer', `Bearer  ${key}`, key]) };
}

function apqRequest(r: Prng, c: RequestContext, o: GeneratedOperation, headers: Record<string, string>, kind: string): FuzzRequest {
  const text = c.trusted.length && r.chance(0.2) ? r.pick(c.trusted)[1] : o.query;
  const hash = r.weighted([
    [sha256(text), 4],
    [sha256(`${text} `), 3], // a hash that does not match the text sent with it
    [sha256(unicodeString(r)), 2], // a hash never registered
    [hostileString(r).slice(0, 100), 1],
  ] as const);
  const persistedQuery: Record<string, unknown> = { version: r.chance(0.9) ? 1 : r.pick([2, 0, '1', null]), sha256Hash: hash };
  const body: Record<string, unknown> = { extensions: { persistedQuery } };
  if (r.chance(0.5)) body.query = text;
  if (o.variables !== undefined) body.variables = o.variables;
  if (r.chance(0.3)) {
    // By GET, as Apollo Client's persisted-query link sends the hash-only attempt.
    const params = new URLSearchParams({ extensions: JSON.stringify(body.extensions) });
    if (typeof body.query === 'string') params.set('query', body.query);
    if (body.variables !== undefined) params.set('variables', JSON.stringify(body.variables));
    const { 'content-type': _, ...rest } = headers;
    return { kind, method: 'GET', path: `/graphql?${params}`, headers: { ...rest, 'apollo-require-preflight': '1' } };
  }
  return { kind, method: 'POST', path: '/graphql', headers, body: JSON.stringify(body) };
}

function notJsonBody(r: Prng, op: () => GeneratedOperation): string | Uint8Array {
  const json = JSON.stringify(op());
  return r.weighted<() => string | Uint8Array>([
    [() => json.slice(0, r.int(0, Math.max(0, json.length - 1))), 3], // truncated
    [() => '', 1],
    [() => r.pick(['1', 'true', 'null', '"x"', '[]', '[1]', '{}', '[{}]', '[[]]', '{"query":{}}', '{"query":null}', '{"query":""}']), 3],
    [() => `\ufeff${json}`, 1], // byte-order mark
    [() => '['.repeat(r.int(100, 50_000)), 1],
    [() => `{"query":"{ __typename }","query":"{ upstreams { id } }"}`, 1],
    [() => `{"query":"{ __typename }", "variables": {"a": ${'{"a":'.repeat(r.int(40, 5000))}1${'}'.repeat(40)}}}`, 1],
    [() => Uint8Array.from({ length: r.int(1, 2000) }, () => r.int(0, 255)), 2], // binary
    [() => json.replace(/"/g, "'"), 1],
    [() => `${json}${json}`, 1],
    [() => `query=${encodeURIComponent(op().query)}`, 1],
  ] as const)();
}

function headerAbuse(r: Prng, req: FuzzRequest): FuzzRequest {
  const h = req.headers;
  switch (r.int(0, 5)) {
    case 0: // one header past Node's 16 KiB limit on all headers: 431
      h['x-padding'] = 'a'.repeat(r.int(16_500, 70_000));
      break;
    case 1:
      for (let i = 0; i < r.int(50, 300); i++) h[`x-h${i}`] = 'v'.repeat(r.int(1, 200));
      break;
    case 2:
      h['x-request-id'] = r.pick(['', ' ', 'a'.repeat(5000), '../../etc/passwd', '\u00e9\u00e8', 'id\twith\ttabs', '{"json":1}']);
      break;
    case 3:
      h.authorization = `Bearer ${'k'.repeat(r.int(1000, 15_000))}`;
      break;
    case 4:
      h['content-length'] = String(r.int(0, 10));
      break;
    default:
      h.cookie = 'a=b; '.repeat(r.int(10, 2000));
  }
  return req;
}

/** Bytes that are not quite HTTP: a bad request line, bad header syntax, bad chunking, a wrong length. */
function rawRequest(r: Prng, c: RequestContext, o: GeneratedOperation): FuzzRequest {
  const body = JSON.stringify(o);
  const key = c.apiKeys.analyst ?? '';
  const head = (extra: string, length = Buffer.byteLength(body)) =>
    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${key}\r\nContent-Length: ${length}\r\n${extra}\r\n`;
  const raw = r.pick([
    `GARBAGE\r\n\r\n`,
    `POST /graphql HTTP/9.9\r\nHost: x\r\n\r\n`,
    `POST  /graphql HTTP/1.1\r\n\r\n`,
    `POST /graphql HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n`,
    `POST /graphql HTTP/1.1\r\nHost: x\r\nX-A: \u0001\r\n\r\n`,
    `POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`,
    `POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n`,
    `${head('', Buffer.byteLength(body) - 3)}${body}`,
    `${head('Content-Length: 1\r\n')}${body}`,
    `GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(r.int(17_000, 40_000))}\r\n\r\n`,
    `GET /${'%'.repeat(r.int(1, 50))} HTTP/1.1\r\nHost: x\r\n\r\n`,
    `GET /graphql?query=%E0%A4%A HTTP/1.1\r\nHost: x\r\napollo-require-preflight: 1\r\nAuthorization: Bearer ${key}\r\n\r\n`,
  ]);
  return { kind: 'raw', method: 'RAW', path: '/graphql', headers: {}, raw };
}
