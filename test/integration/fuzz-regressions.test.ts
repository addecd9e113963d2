import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_API_KEYS, fuzzGatewayConfig, startFuzzSimulators, type FuzzSimulators } from '../../fuzz/fuzz-gateway.js';
import { answerClientError } from '../../src/http/client-error.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { wsClient } from '../helpers/ws-client.js';

/** Each failure the fuzzer found (docs/security.md "Fuzzing"), as the request that showed it. */

interface Raw {
  status: number;
  contentType: string;
  body: { errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** Writes bytes as they are (what fetch would not send) and reads the one answer until the server closes. */
function rawExchange(url: string, bytes: string): Promise<Raw> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      try {
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
          contentType: /\r\ncontent-type: *([^\r]*)/i.exec(head)?.[1] ?? '',
          body: JSON.parse(rest.join('\r\n\r\n')),
        });
      } catch (error) {
        reject(new Error(`not a JSON answer: ${text.slice(0, 300)} (${String(error)})`));
      }
    });
    socket.write(bytes);
    // Node answers a request without Host only once it is complete; then the server closes.
    setTimeout(() => socket.end(), 200);
  });
}

const analyst = { authorization: `Bearer ${FUZZ_API_KEYS.analyst}` };
const codes = (body: Raw['body']) => body.errors?.map((e) => e.extensions?.code);

describe('failures the fuzzer found', () => {
  let sims: FuzzSimulators;
  let gw: TestGateway;
  beforeAll(async () => {
    sims = await startFuzzSimulators();
    gw = await startTestGateway(fuzzGatewayConfig(sims, 'jit'));
  });
  afterAll(async () => {
    await gw?.close();
    await sims?.close();
  });

  it('a request header too large answers a GraphQL error, not a bare 431', async () => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...analyst, 'x-padding': 'a'.repeat(20_000) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as Raw['body'];
    expect(codes(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0]?.message).toMatch(/headers are larger than \d+ bytes/);
  });

  it('bytes that are not HTTP answer a GraphQL error with 400, not fastify\'s "Client Error"', async () => {
    const res = await rawExchange(gw.url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('a request whose headers time out answers a GraphQL error with 408', () => {
    // Node raises it after headersTimeout (60 s), too long to wait for here: the handler is given the error Node gives.
    const socket = new PassThrough();
    let written = '';
    socket.on('error', () => {}); // destroy(error) re-emits Node's error: a real socket's server ignores it too
    socket.write = ((chunk: string) => ((written += chunk), true)) as typeof socket.write;
    answerClientError(Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
    expect(written).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(written).toMatch(/\r\nContent-Type: application\/json/);
    expect(JSON.parse(written.split('\r\n\r\n')[1]).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(socket.destroyed).toBe(true);
  });

  it('a URL that does not decode answers a GraphQL error with 400, not fastify\'s FST_ERR_BAD_URL body', async () => {
    const res = await rawExchange(gw.url, 'GET /%%%%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('an HTTP/1.1 request without Host answers a GraphQL error with 400, not an empty body', async () => {
    const res = await rawExchange(gw.url, 'POST /graphql HTTP/1.1\r\n\r\n');
    expect(res.status).toBe(400);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/Host header/);
  });

  it('TRACE (or any method without a route) on /graphql answers 405 with Allow, not a 404 route error', async () => {
    const res = await rawExchange(gw.url, 'TRACE /graphql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(405);
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('an unknown path answers 404 NOT_FOUND as a GraphQL error', async () => {
    const res = await fetch(`${gw.url}/nowhere`);
    expect(res.status).toBe(404);
    expect(codes((await res.json()) as Raw['body'])).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['@skip(if: $s) on the root field', 'subscription ($id: ID!, $s: Boolean!) { jobProgress(id: $id) @skip(if: $s) { id } }'],
    ['@include(if: $s) inside a root fragment', 'subscription ($id: ID!, $s: Boolean) { ...R } fragment R on Subscription { jobProgress(id: $id) @include(if: $s) { id } }'],
    ['@skip(if: true) on an inline fragment at the root', 'subscription ($id: ID!) { ... @skip(if: true) { jobProgress(id: $id) { id } } }'],
  ])('a subscription with %s is refused over HTTP with 400 BAD_USER_INPUT, not a 500', async (_name, query) => {
    const res = await gw.query(query, { id: 'x', s: false }, { apiKey: FUZZ_API_KEYS.analyst });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/root field cannot be conditional/);
  });

  it('a subscription with @skip(if: $var) on its root field is refused over WebSocket with BAD_USER_INPUT, the connection kept', async () => {
    const c = wsClient(gw.url, FUZZ_API_KEYS.analyst);
    try {
      const r = c.subscribe('subscription ($id: ID!, $s: Boolean!) { jobProgress(id: $id) @skip(if: $s) { id } }', { id: 'x', s: false });
      await r.done;
      expect((r.error as Array<{ extensions?: { code?: string } }>)?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // The same connection still serves: a plain mistake gets its ordinary answer.
      const again = c.subscribe('subscription { jobProgress(id: "nope") { id } }');
      await again.done;
      expect(again.error ?? again.results[0]?.errors).toBeDefined();
    } finally {
      await c.dispose();
    }
  });
});
