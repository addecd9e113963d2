import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, TEST_ANALYST_KEY, type TestGateway } from '../helpers/gateway.js';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

async function post(url: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ANALYST_KEY}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

async function get(url: string, params: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${url}/graphql?${new URLSearchParams(params)}`, {
    headers: { authorization: `Bearer ${TEST_ANALYST_KEY}`, 'apollo-require-preflight': '1' },
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (a: Answer) => a.body.errors?.map((e) => e.extensions?.code);

describe.each(['jit', 'graphql-js'] as const)('malformed requests (%s executor)', (executor) => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;
  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)], server: { executor } });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  it('answers an operationName that names no operation of the document with 400 BAD_USER_INPUT, not a 500', async () => {
    const res = await post(gw.url, { query: 'query A { upstreams { id } }', operationName: 'B' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toBe('Unknown operation named "B".');
  });

  it('answers an operationName naming a fragment, not an operation, with 400 BAD_USER_INPUT', async () => {
    const res = await post(gw.url, { query: 'fragment F on Query { __typename } query A { ...F }', operationName: 'F' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers an unknown operationName sent by GET with 400 BAD_USER_INPUT', async () => {
    const res = await get(gw.url, { query: 'query A { __typename }', operationName: 'X' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a document of several operations without operationName with 400 BAD_USER_INPUT', async () => {
    const res = await post(gw.url, { query: 'query A { __typename } query B { __typename }' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a document with two anonymous operations with 400 BAD_USER_INPUT', async () => {
    const res = await post(gw.url, { query: '{ __typename } { __typename }' });
    expect(res.status).toBe(400);
    expect(new Set(codes(res))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it.each([
    ['operationName of a wrong type', { query: '{ __typename }', operationName: 5 }],
    ['variables that are not an object', { query: '{ __typename }', variables: [1] }],
    ['variables as a JSON string', { query: '{ __typename }', variables: '{}' }],
    ['extensions that are not an object', { query: '{ __typename }', extensions: [1] }],
    ['a persistedQuery extension that is not an object', { query: '{ __typename }', extensions: { persistedQuery: 'x' } }],
    ['a query that is not a string', { query: 5 }],
    ['a body that is JSON null', null],
  ])('answers %s with 400 BAD_USER_INPUT', async (_name, body) => {
    const res = await post(gw.url, body);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a subscription over HTTP (it runs over WebSocket) with 400 BAD_USER_INPUT, not 200 INTERNAL_SERVER_ERROR', async () => {
    const res = await post(gw.url, { query: 'subscription { jobProgress(id: "x") { id } }' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0]?.message).toMatch(/Subscriptions run over WebSocket/);
  });

  it('answers a mutation by POST naming a field the schema lacks with 400 BAD_USER_INPUT', async () => {
    const res = await post(gw.url, { query: 'mutation { deleteEverything }' });
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a mutation by GET with 405 and BAD_USER_INPUT', async () => {
    const res = await get(gw.url, { query: 'mutation { __typename }' });
    expect(res.status).toBe(405);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers variables nested 5 000 levels deep with 400 BAD_USER_INPUT, not a stack overflow (500)', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const res = await post(gw.url, `{"query":"query Q($f: JobFilter) { jobs(first: 1, filter: $f) { totalCount } }","variables":{"f":${deep}}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', maxDepth: 32 });
  });

  it('answers deeply nested variables sent by GET, and extensions, with 400 BAD_USER_INPUT', async () => {
    const deep = `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`;
    const byGet = await get(gw.url, { query: '{ __typename }', variables: `{"x":${deep}}` });
    expect(byGet.status).toBe(400);
    expect(codes(byGet)).toEqual(['BAD_USER_INPUT']);
    const extensions = await post(gw.url, `{"query":"{ __typename }","extensions":{"x":${deep}}}`);
    expect(extensions.status).toBe(400);
  });

  it('answers variables holding more than 10 000 values with 400 BAD_USER_INPUT', async () => {
    const jobType = Array.from({ length: 10_001 }, (_, i) => `T${i}`);
    const res = await post(gw.url, { query: 'query Q($f: JobFilter) { jobs(first: 1, filter: $f) { totalCount } }', variables: { f: { jobType } } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', maxValues: 10_000 });
  });

  it('still takes variables nested a few levels', async () => {
    const res = await post(gw.url, { query: 'query Q($f: JobFilter) { jobs(first: 1, filter: $f) { totalCount } }', variables: { f: { jobType: ['Backup'] } } });
    expect(res.status).toBe(200);
  });

  it('answers PUT on /graphql with 405, Allow and a GraphQL error', async () => {
    const res = await fetch(`${gw.url}/graphql`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(((await res.json()) as Answer['body']).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('still runs the named operation of a document of several', async () => {
    const res = await post(gw.url, { query: 'query A { __typename } query B { upstreams { id } }', operationName: 'B' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { upstreams: [{ id: 'cv-main' }] } });
  });
});
