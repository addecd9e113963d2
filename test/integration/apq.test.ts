import { createHash, randomBytes } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { provideTestRedis } from '../helpers/redis-server.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const FRONTEND_KEY = 'test-frontend';
const callers = [
  { id: 'test-frontend', apiKey: FRONTEND_KEY, role: 'frontend' },
  { id: 'test-analyst', apiKey: 'test-analyst', role: 'analyst' },
];

interface Body {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}
const json = async (res: Response) => (await res.json()) as Body;

/** One HTTP request as the gateway received it from Apollo Client. */
interface SeenRequest {
  method: string;
  query?: string;
  sha256Hash?: string;
}

/** The real Apollo Client, APQ link over HttpLink, with a fetch that records what went on the wire. */
function apqClient(url: string, options: { useGETForHashedQueries?: boolean } = {}) {
  const seen: SeenRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const target = new URL(String(input));
    const method = init?.method ?? 'GET';
    if (method === 'GET') {
      const extensions = target.searchParams.get('extensions');
      seen.push({
        method,
        query: target.searchParams.get('query') ?? undefined,
        sha256Hash: extensions ? JSON.parse(extensions).persistedQuery?.sha256Hash : undefined,
      });
    } else {
      const body = JSON.parse(String(init?.body));
      seen.push({ method, query: body.query, sha256Hash: body.extensions?.persistedQuery?.sha256Hash });
    }
    return fetch(input, init);
  };
  const http = new HttpLink({ uri: `${url}/graphql`, fetch: recordingFetch, headers: { authorization: `Bearer ${FRONTEND_KEY}` } });
  const link = ApolloLink.from([new PersistedQueryLink({ sha256, ...options }), http]);
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  return { client, seen };
}

/** A query no other test (or earlier run against a shared Redis) registered: the alias makes the hash new. */
const uniqueUpstreamsQuery = () => gql(`query Upstreams { run_${randomBytes(6).toString('hex')}: upstreams { id kind } }`);

describe('automatic persisted queries with Apollo Client', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({ callers, upstreams: [commvaultUpstream('cv-main', sim.url)] });
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  it('registers on the first call and sends only the hash on the second; both return data', async () => {
    const { client, seen } = apqClient(gw.url);
    const query = uniqueUpstreamsQuery();

    const first = await client.query({ query, fetchPolicy: 'no-cache' });
    expect(first.error).toBeUndefined();
    expect(Object.values(first.data as object)[0]).toEqual([{ __typename: 'Upstream', id: 'cv-main', kind: 'COMMVAULT' }]);
    // Hash only → PersistedQueryNotFound → hash with the text (registration).
    expect(seen.map((r) => [r.method, r.query !== undefined, r.sha256Hash !== undefined])).toEqual([
      ['POST', false, true],
      ['POST', true, true],
    ]);

    seen.length = 0;
    const second = await client.query({ query, fetchPolicy: 'no-cache' });
    expect(second.data).toEqual(first.data);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', query: undefined });
    expect(seen[0].sha256Hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends hashed queries as GET with useGETForHashedQueries (CSRF protection on)', async () => {
    const { client, seen } = apqClient(gw.url, { useGETForHashedQueries: true });
    const query = uniqueUpstreamsQuery();

    const first = await client.query({ query, fetchPolicy: 'no-cache' });
    expect(first.error).toBeUndefined();
    expect(seen.map((r) => [r.method, r.query !== undefined])).toEqual([
      ['GET', false],
      ['POST', true],
    ]);

    seen.length = 0;
    const second = await client.query({ query, fetchPolicy: 'no-cache' });
    expect(second.data).toEqual(first.data);
    expect(seen.map((r) => [r.method, r.query !== undefined])).toEqual([['GET', false]]);
  });

  it('refuses a GET without a JSON content type or preflight header as a possible CSRF', async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256('{ upstreams { id } }') } });
    const res = await fetch(`${gw.url}/graphql?extensions=${encodeURIComponent(extensions)}`, {
      headers: { authorization: `Bearer ${FRONTEND_KEY}` },
    });
    expect(res.status).toBe(400);
    expect((await json(res)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a registration whose hash is not the SHA-256 of its text', async () => {
    const res = await gw.query('{ upstreams { id } }', undefined, { apiKey: FRONTEND_KEY });
    expect(res.body.errors).toBeUndefined();
    const bad = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${FRONTEND_KEY}` },
      body: JSON.stringify({
        query: '{ upstreams { id } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ something { else } }') } },
      }),
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a role with free queries but without APQ', () => {
  it('makes Apollo Client turn its APQ link off and send the text, which runs without being stored', async () => {
    const sim = await startCommvaultSimulator();
    const gw = await startTestGateway({
      callers,
      upstreams: [commvaultUpstream('cv-main', sim.url)],
      roles: { frontend: { apq: false } },
    });
    try {
      const { client, seen } = apqClient(gw.url);
      const query = uniqueUpstreamsQuery();
      const result = await client.query({ query, fetchPolicy: 'no-cache' });
      expect(result.error).toBeUndefined();
      expect(seen.map((r) => r.query !== undefined)).toEqual([false, true]);

      seen.length = 0;
      await client.query({ query, fetchPolicy: 'no-cache' });
      // The link stays off for this client: text only, no hash.
      expect(seen).toEqual([expect.objectContaining({ sha256Hash: undefined })]);
      expect(seen[0].query).toBeDefined();
    } finally {
      await gw.close();
      await sim.close();
    }
  });
});

/** Raw APQ calls, to watch the store itself. */
async function byHash(url: string, hash: string): Promise<{ status: number; codes: unknown[]; data?: unknown }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${FRONTEND_KEY}` },
    body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  const body = await json(res);
  return { status: res.status, codes: (body.errors ?? []).map((e) => e.extensions?.code), data: body.data };
}

async function register(url: string, query: string): Promise<void> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${FRONTEND_KEY}` },
    body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }),
  });
  expect((await json(res)).errors).toBeUndefined();
}

describe('the memory APQ store', () => {
  let sim: CommvaultSimulator;
  beforeAll(async () => {
    sim = await startCommvaultSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('keeps at most maxEntries documents: the least recently used one is forgotten', async () => {
    const gw = await startTestGateway({
      callers,
      upstreams: [commvaultUpstream('cv-main', sim.url)],
      persistedQueries: { apq: { maxEntries: 2 } },
    });
    try {
      const queries = ['{ a: upstreams { id } }', '{ b: upstreams { id } }', '{ c: upstreams { id } }'];
      for (const q of queries) await register(gw.url, q);
      expect((await byHash(gw.url, sha256(queries[0]))).codes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect((await byHash(gw.url, sha256(queries[2]))).data).toEqual({ c: [{ id: 'cv-main' }] });
    } finally {
      await gw.close();
    }
  });

  it('does not keep a document larger than maxQueryBytes (it still runs)', async () => {
    const gw = await startTestGateway({
      callers,
      upstreams: [commvaultUpstream('cv-main', sim.url)],
      persistedQueries: { apq: { maxQueryBytes: 40 } },
    });
    try {
      const long = `{ ${'x'.repeat(40)}: upstreams { id } }`;
      await register(gw.url, long);
      expect((await byHash(gw.url, sha256(long))).codes).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    } finally {
      await gw.close();
    }
  });
});

const { redis, skipReason } = await provideTestRedis();

describe.skipIf(!redis)(`the Redis APQ store ${skipReason ?? ''}`, () => {
  let sim: CommvaultSimulator;
  let a: TestGateway;
  let b: TestGateway;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    const input = { callers, upstreams: [commvaultUpstream('cv-main', sim.url)], redis: { url: redis!.url } };
    a = await startTestGateway(input);
    b = await startTestGateway(input);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sim?.close();
    await redis?.stop();
  });

  it('answers by hash on one gateway what Apollo Client registered on another', async () => {
    const query = uniqueUpstreamsQuery();
    const onA = apqClient(a.url);
    await onA.client.query({ query, fetchPolicy: 'no-cache' });
    expect(onA.seen).toHaveLength(2);

    const onB = apqClient(b.url);
    const result = await onB.client.query({ query, fetchPolicy: 'no-cache' });
    expect(result.error).toBeUndefined();
    expect(onB.seen).toHaveLength(1);
    expect(onB.seen[0].query).toBeUndefined();
  });
});
