import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { getIntrospectionQuery, type DocumentNode } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway } from '../../src/gateway.js';
import { StorageCapacityDocument } from '../../src/generated/operations/graphql.js';
import { DEFAULT_MANIFEST_PATH, loadTrustedDocuments } from '../../src/persisted/trusted-documents.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS } from '../../src/products.js';
import { refusedCount } from '../helpers/refusals.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const KEYS = { partner: 'test-partner', frontend: 'test-frontend', analyst: 'test-analyst' } as const;
const callers = Object.entries(KEYS).map(([role, apiKey]) => ({ id: apiKey, apiKey, role }));

/** The manifest entry of StorageCapacity, as codegen wrote it. */
const STORAGE_CAPACITY_ID = (StorageCapacityDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
const STORAGE_CAPACITY_HASH = STORAGE_CAPACITY_ID.replace(/^sha256:/, '');
const STORAGE_CAPACITY_TEXT =
  'query StorageCapacity($upstream: ID) { storagePools(upstream: $upstream) { capacityBytes freeBytes freePercent id name severity } }';

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

async function post(url: string, apiKey: string, body: unknown): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

const codes = (body: Body) => (body.errors ?? []).map((e) => e.extensions?.code);

describe('trusted documents and role policy', () => {
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

  describe('a partner key', () => {
    it('runs a manifest document sent by documentId', async () => {
      const res = await post(gw.url, KEYS.partner, { documentId: STORAGE_CAPACITY_ID });
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      expect((res.body.data?.storagePools as unknown[]).length).toBeGreaterThan(0);
    });

    it('runs a manifest document by documentId over GET, with variables', async () => {
      const params = new URLSearchParams({ documentId: STORAGE_CAPACITY_ID, variables: JSON.stringify({ upstream: 'cv-main' }) });
      const res = await fetch(`${gw.url}/graphql?${params}`, {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.partner}` },
      });
      const body = (await res.json()) as Body;
      expect(body.errors).toBeUndefined();
      expect((body.data?.storagePools as unknown[]).length).toBeGreaterThan(0);
    });

    it('runs a manifest document by its APQ hash, sent by Apollo Client with the generated document', async () => {
      const seen: string[] = [];
      const http = new HttpLink({
        uri: `${gw.url}/graphql`,
        headers: { authorization: `Bearer ${KEYS.partner}` },
        fetch: async (input, init) => {
          seen.push(String(init?.body));
          return fetch(input, init);
        },
      });
      // The generated document carries its manifest id; its printed text would hash differently.
      const hashOf = (doc: DocumentNode) => (doc as unknown as { __meta__: { hash: string } }).__meta__.hash.replace(/^sha256:/, '');
      const client = new ApolloClient({
        link: ApolloLink.from([new PersistedQueryLink({ generateHash: hashOf }), http]),
        cache: new InMemoryCache(),
      });
      const result = await client.query({ query: StorageCapacityDocument, fetchPolicy: 'no-cache' });
      expect(result.error).toBeUndefined();
      expect(result.data?.storagePools.length).toBeGreaterThan(0);
      // Found in the manifest at once: no registration round trip, no text on the wire.
      expect(seen).toHaveLength(1);
      expect(JSON.parse(seen[0]).query).toBeUndefined();
    });

    it('is refused the same text with one field added, with OPERATION_NOT_ALLOWED, counted in /metrics', async () => {
      const labels = 'role="partner",reason="free_query",code="OPERATION_NOT_ALLOWED"';
      const before = await refusedCount(gw.url, labels);
      const withOneMore = STORAGE_CAPACITY_TEXT.replace('severity', 'severity usedBytes');
      const res = await post(gw.url, KEYS.partner, { query: withOneMore });
      expect(res.status).toBe(403);
      expect(codes(res.body)).toEqual(['OPERATION_NOT_ALLOWED']);
      expect(res.body.data).toBeUndefined();
      expect(await refusedCount(gw.url, labels)).toBe(before + 1);
    });

    it('is refused the same text with one field added when sent as an APQ registration', async () => {
      const withOneMore = STORAGE_CAPACITY_TEXT.replace('severity', 'severity name');
      const res = await post(gw.url, KEYS.partner, {
        query: withOneMore,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(withOneMore) } },
      });
      expect(codes(res.body)).toEqual(['OPERATION_NOT_ALLOWED']);
    });

    it('is refused a hash that names no manifest document, even one another key registered', async () => {
      const query = '{ upstreams { id } }';
      const registered = await post(gw.url, KEYS.frontend, {
        query,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
      });
      expect(registered.body.errors).toBeUndefined();
      const res = await post(gw.url, KEYS.partner, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });
      expect(codes(res.body)).toEqual(['OPERATION_NOT_ALLOWED']);
    });

    it('is refused a free query, even one whose text is exactly a manifest document (documented choice)', async () => {
      expect(codes((await post(gw.url, KEYS.partner, { query: '{ upstreams { id } }' })).body)).toEqual(['OPERATION_NOT_ALLOWED']);
      expect(codes((await post(gw.url, KEYS.partner, { query: STORAGE_CAPACITY_TEXT })).body)).toEqual(['OPERATION_NOT_ALLOWED']);
    });

    it('is refused a syntactically broken free query with OPERATION_NOT_ALLOWED, not a parse error', async () => {
      expect(codes((await post(gw.url, KEYS.partner, { query: '{ upstreams { id ' })).body)).toEqual(['OPERATION_NOT_ALLOWED']);
    });

    it('is refused introspection', async () => {
      const res = await post(gw.url, KEYS.partner, { query: getIntrospectionQuery() });
      expect(res.status).toBe(403);
      expect(codes(res.body)).toEqual(['OPERATION_NOT_ALLOWED']);
    });

    it('gets PERSISTED_QUERY_NOT_FOUND for an unknown documentId', async () => {
      const res = await post(gw.url, KEYS.partner, { documentId: `sha256:${'0'.repeat(64)}` });
      expect(codes(res.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    });

    it('gets BAD_USER_INPUT for documentId together with query', async () => {
      const res = await post(gw.url, KEYS.partner, { documentId: STORAGE_CAPACITY_ID, query: STORAGE_CAPACITY_TEXT });
      expect(res.status).toBe(400);
      expect(codes(res.body)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('a frontend key', () => {
    it('runs free queries and registers APQ documents', async () => {
      expect((await post(gw.url, KEYS.frontend, { query: '{ upstreams { id } }' })).body.errors).toBeUndefined();
      const query = '{ f: upstreams { kind } }';
      const pq = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
      expect(codes((await post(gw.url, KEYS.frontend, { extensions: pq })).body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect((await post(gw.url, KEYS.frontend, { query, extensions: pq })).body.errors).toBeUndefined();
      expect((await post(gw.url, KEYS.frontend, { extensions: pq })).body.data).toEqual({ f: [{ kind: 'COMMVAULT' }] });
    });

    it('runs trusted documents by documentId too', async () => {
      expect((await post(gw.url, KEYS.frontend, { documentId: STORAGE_CAPACITY_HASH })).body.errors).toBeUndefined();
    });

    it('is refused introspection but may ask for __typename', async () => {
      expect(codes((await post(gw.url, KEYS.frontend, { query: '{ __schema { queryType { name } } }' })).body)).toEqual([
        'OPERATION_NOT_ALLOWED',
      ]);
      expect(codes((await post(gw.url, KEYS.frontend, { query: '{ ...F } fragment F on Query { __type(name: "Job") { name } }' })).body)).toEqual(
        ['OPERATION_NOT_ALLOWED'],
      );
      expect((await post(gw.url, KEYS.frontend, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  it('lets an analyst introspect', async () => {
    const res = await post(gw.url, KEYS.analyst, { query: getIntrospectionQuery() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.__schema).toBeDefined();
  });

  it('follows the configured policy: a frontend without free queries, a partner allowed free text but not introspection', async () => {
    const custom = await startTestGateway({
      callers,
      upstreams: [commvaultUpstream('cv-main', sim.url)],
      roles: { frontend: { freeQueries: false, apq: false }, partner: { freeQueries: true, maxDepth: 2 } },
    });
    try {
      expect(codes((await post(custom.url, KEYS.frontend, { query: '{ upstreams { id } }' })).body)).toEqual(['OPERATION_NOT_ALLOWED']);
      expect((await post(custom.url, KEYS.frontend, { documentId: STORAGE_CAPACITY_ID })).body.errors).toBeUndefined();
      expect((await post(custom.url, KEYS.partner, { query: '{ upstreams { id } }' })).body.errors).toBeUndefined();
      expect(codes((await post(custom.url, KEYS.partner, { query: '{ __schema { types { name } } }' })).body)).toEqual([
        'OPERATION_NOT_ALLOWED',
      ]);
      const depthLabels = 'role="partner",reason="depth",code="QUERY_TOO_COMPLEX"';
      const refusedBefore = await refusedCount(custom.url, depthLabels);
      const deep = await post(custom.url, KEYS.partner, { query: '{ jobs(first: 1) { edges { node { id } } } }' });
      expect(deep.status).toBe(400);
      expect(codes(deep.body)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(await refusedCount(custom.url, depthLabels)).toBe(refusedBefore + 1);
    } finally {
      await custom.close();
    }
  });
});

describe('the manifest at start', () => {
  it('the shipped manifest loads and validates against the schema (operations/ stays valid)', async () => {
    const trusted = await loadTrustedDocuments(DEFAULT_MANIFEST_PATH, await buildGatewaySchema(PRODUCTS));
    expect(trusted.size).toBeGreaterThan(0);
    expect(trusted.byId(STORAGE_CAPACITY_ID)?.text).toBe(STORAGE_CAPACITY_TEXT);
  });

  it('fails createGateway with a message naming the entry when a document no longer validates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bg-manifest-'));
    try {
      const stale = 'query Stale { storagePools { id retiredField } }';
      const manifestPath = join(dir, 'persisted-documents.json');
      await writeFile(manifestPath, JSON.stringify({ [`sha256:${sha256(stale)}`]: stale }));
      const config = parseConfig(
        {
          callers,
          upstreams: [commvaultUpstream('cv-main', 'http://127.0.0.1:9/webconsole/api')],
          persistedQueries: { manifestPath },
          logLevel: 'silent',
        },
        {},
      );
      await expect(createGateway(config, { logger: pino({ level: 'silent' }) })).rejects.toThrow(
        new RegExp(`sha256:${sha256(stale)} \\(Stale\\) no longer validates against the schema: .*retiredField`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails the start when an id is not the hash of its document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bg-manifest-'));
    try {
      const manifestPath = join(dir, 'm.json');
      await writeFile(manifestPath, JSON.stringify({ [`sha256:${'a'.repeat(64)}`]: '{ upstreams { id } }' }));
      await expect(loadTrustedDocuments(manifestPath, await buildGatewaySchema(PRODUCTS))).rejects.toThrow(/not the SHA-256 of its document/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
