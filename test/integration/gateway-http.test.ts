import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

describe('gateway over HTTP: callers, health and bad input', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)] });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  const codes = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    (body.errors ?? []).map((e) => e.extensions?.code);

  it('refuses a request without a key with UNAUTHENTICATED and HTTP 401, before any upstream call', async () => {
    sim.reset();
    const res = await gw.query('{ upstreams { id } }', undefined, { apiKey: null });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(codes(res.body)).toEqual(['UNAUTHENTICATED']);
    expect(res.body.data).toBeUndefined();
    expect(sim.stats().total).toBe(0);
  });

  it('refuses an unknown key with UNAUTHENTICATED', async () => {
    const res = await gw.query('{ upstreams { id } }', undefined, { apiKey: 'not-a-key' });
    expect(res.status).toBe(401);
    expect(codes(res.body)).toEqual(['UNAUTHENTICATED']);
  });

  it('lists the configured upstreams to a known caller', async () => {
    const res = await gw.query<{ upstreams: Array<{ id: string; kind: string }> }>('{ upstreams { id kind } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.upstreams).toEqual([{ id: 'cv-main', kind: 'COMMVAULT' }]);
  });

  it('answers /healthz and /readyz with 200 once serving', async () => {
    expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gw.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });

  it.each([
    ['a wrong argument type', '{ jobs(first: "ten") { totalCount } }'],
    ['a negative page size', '{ jobs(first: -1) { totalCount } }'],
    ['a page size beyond the maximum', '{ jobs(first: 100000) { totalCount } }'],
    ['an unknown upstream id', '{ commvaultClients(upstream: "cv-nowhere", first: 5) { totalCount } }'],
    ['an unknown upstream in a filter', '{ jobs(first: 5, filter: { upstream: ["cv-nowhere"] }) { totalCount } }'],
    ['a malformed cursor', '{ jobs(first: 5, after: "%%%not-a-cursor") { totalCount } }'],
    ['a malformed global id', '{ node(id: "garbage!") { id } }'],
    ['an unknown field', '{ jobs(first: 5) { nonsense } }'],
    ['a syntax error', '{ jobs(first: 5) { totalCount '],
  ])('answers %s with BAD_USER_INPUT and no upstream call', async (_what, query) => {
    sim.reset();
    const res = await gw.query(query);
    expect(codes(res.body)).toContain('BAD_USER_INPUT');
    expect(codes(res.body).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
    expect(sim.stats().total).toBe(0);
  });

  it('answers variables of the wrong type with BAD_USER_INPUT', async () => {
    const res = await gw.query('query ($n: Int) { jobs(first: $n) { totalCount } }', { n: 'many' });
    expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an operation nested past the depth limit with QUERY_TOO_COMPLEX', async () => {
    const gwShallow = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)], limits: { maxDepth: 3 } });
    try {
      const res = await gwShallow.query('{ jobs(first: 1) { edges { node { ... on CommvaultJob { client { name } } } } } }');
      expect(codes(res.body)).toEqual(['QUERY_TOO_COMPLEX']);
    } finally {
      await gwShallow.close();
    }
  });

  it('lets the full introspection query (15 levels deep) past the depth limit', async () => {
    const res = await gw.query<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery());
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.__schema.queryType.name).toBe('Query');
  });

  it('exposes upstream call metrics on /metrics', async () => {
    await gw.query('{ jobs(first: 1) { totalCount } }');
    const text = await (await fetch(`${gw.url}/metrics`)).text();
    expect(text).toMatch(/backup_graph_upstream_requests_total\{[^}]*instance="cv-main"/);
  });
});
