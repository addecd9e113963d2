import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream, startTestGateway, type TestConfigInput, type TestGateway } from '../helpers/gateway.js';
import { provideTestRedis } from '../helpers/redis-server.js';
import { within } from '../helpers/within.js';

/**
 * The response cache (docs/performance.md "Response cache"): a repeated query is answered from its
 * stored bytes, only to callers of the same scope, and no longer than the upstream entries it was built
 * from — expiry and invalidation (on every replica) included. Persisted GETs carry an ETag.
 */
const { redis: redisServer, skipReason } = await provideTestRedis();
afterAll(() => redisServer?.stop());

const CLIENTS = 'query Clients($first: Int) { commvaultClients(first: $first) { totalCount edges { node { clientId name } } } }';
const JOB_IDS = '{ jobs(first: 50) { edges { node { ... on CommvaultJob { jobId } } } } }';
const BACKUP = 'mutation($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { jobId } } }';
/** The trusted document `CommvaultClients` (operations/CommvaultClients.graphql), by its manifest id. */
const CLIENTS_DOCUMENT_ID = 'sha256:55343f60f052f764296c4d8b2c33e5a354113b3598977003f1fc1eb106b3aea9';

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

async function post(g: TestGateway, apiKey: string, query: string, variables: Record<string, unknown> = {}): Promise<RawAnswer> {
  const res = await fetch(`${g.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function getPersisted(g: TestGateway, apiKey: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const params = new URLSearchParams({ documentId: CLIENTS_DOCUMENT_ID, variables: JSON.stringify({ first: 5 }) });
  const res = await fetch(`${g.url}/graphql?${params}`, {
    headers: { authorization: `Bearer ${apiKey}`, 'apollo-require-preflight': 'true', ...headers },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Upstream calls the simulator received while `run` ran. */
async function upstreamCallsDuring(sim: CommvaultSimulator, run: () => Promise<unknown>): Promise<number> {
  const before = sim.stats().total;
  await run();
  return sim.stats().total - before;
}

/** GraphQL operations the gateway executed while `run` ran (Apollo's per-operation counter on `/metrics`). */
async function executedDuring(g: TestGateway, run: () => Promise<unknown>): Promise<number> {
  const executed = async () => {
    const text = await (await fetch(`${g.url}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => line.startsWith('backup_graph_graphql_requests_total{'))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  };
  const before = await executed();
  await run();
  return (await executed()) - before;
}

/** The Commvault job ids of the first page of `jobs`, as the admin caller reads them. */
async function listJobIds(g: TestGateway): Promise<number[]> {
  const res = await post(g, 'k-ops', JOB_IDS);
  const body = JSON.parse(res.text) as { data: { jobs: { edges: { node: { jobId: number } }[] } } };
  return body.data.jobs.edges.map((e) => e.node.jobId);
}

/** Starts a backup through `g` (a mutation: it invalidates the CommServe's job lists); the new job's id. */
async function startBackup(g: TestGateway, sim: CommvaultSimulator): Promise<number> {
  const sc = sim.data.subclients.find((s) => s.enableBackup && sim.data.clients.find((c) => c.clientId === s.clientId)?.online)!;
  const input = { subclient: toGlobalId('CommvaultSubclient', 'cv', sc.subclientId), level: 'FULL' };
  const started = await post(g, 'k-ops', BACKUP, { input });
  expect(JSON.parse(started.text).errors).toBeUndefined();
  return sim.data.jobs[sim.data.jobs.length - 1]!.jobId;
}

const CALLERS = [
  { id: 'ops', apiKey: 'k-ops', role: 'admin' },
  { id: 'ops-2', apiKey: 'k-ops-2', role: 'admin' },
  { id: 'analyst', apiKey: 'k-analyst', role: 'analyst' },
  // The simulator's company user: its CommServe shows it Acme's clients only.
  { id: 'acme', apiKey: 'k-acme', role: 'analyst', credentials: { cv: { username: 'acme', password: 'acme' } } },
];

function gatewayConfig(sim: CommvaultSimulator, extra: Partial<TestConfigInput> = {}): TestConfigInput {
  return {
    callers: CALLERS,
    responseCache: { enabled: true },
    // Lists cached for a minute: only an invalidation (or the expiry test's own TTL) makes them stale.
    cache: { ttlMs: { jobsRunning: 60_000, jobsFinished: 60_000, inventory: 60_000 } },
    upstreams: [commvaultUpstream('cv', sim.url)],
    ...extra,
  };
}

describe('response cache', () => {
  let sim: CommvaultSimulator;
  let gateway: TestGateway;

  beforeAll(async () => {
    sim = await startCommvaultSimulator({ port: 0 });
    gateway = await startTestGateway(gatewayConfig(sim));
  });
  afterAll(async () => {
    await gateway?.close();
    await sim?.close();
  });

  it('answers a repeated query with the same bytes, without executing it or calling the upstream', async () => {
    let first: RawAnswer | undefined;
    expect(await executedDuring(gateway, async () => (first = await post(gateway, 'k-ops', CLIENTS, { first: 7 })))).toBe(1);
    expect(first!.status).toBe(200);
    const body = JSON.parse(first!.text) as { data: { commvaultClients: { totalCount: number; edges: unknown[] } } };
    expect(body.data.commvaultClients.totalCount).toBe(sim.data.clients.length);
    let second: RawAnswer | undefined;
    const executed = await executedDuring(gateway, async () => {
      expect(await upstreamCallsDuring(sim, async () => (second = await post(gateway, 'k-ops', CLIENTS, { first: 7 })))).toBe(0);
    });
    expect(executed).toBe(0);
    expect(second!.status).toBe(200);
    expect(second!.text).toBe(first!.text);
    expect(second!.headers.get('content-type')).toBe(first!.headers.get('content-type'));
  });

  it('keys by variables: other variables execute and get their own answer', async () => {
    const three = await post(gateway, 'k-ops', CLIENTS, { first: 3 });
    const four = await post(gateway, 'k-ops', CLIENTS, { first: 4 });
    expect(JSON.parse(three.text).data.commvaultClients.edges).toHaveLength(3);
    expect(JSON.parse(four.text).data.commvaultClients.edges).toHaveLength(4);
  });

  it('never gives a caller the answer stored for a caller of another upstream scope', async () => {
    const acmeClients = sim.data.clients.filter((c) => c.companyId === 1).length;
    expect(acmeClients).toBeLessThan(sim.data.clients.length);
    // Stored for the admin's service account first, then asked by the company user, then again by each.
    const admin = await post(gateway, 'k-analyst', CLIENTS, { first: 5 });
    let acme: RawAnswer | undefined;
    // Executed for the company user, whatever was stored for the service account.
    expect(await executedDuring(gateway, async () => (acme = await post(gateway, 'k-acme', CLIENTS, { first: 5 })))).toBe(1);
    const adminAgain = await post(gateway, 'k-analyst', CLIENTS, { first: 5 });
    const acmeAgain = await post(gateway, 'k-acme', CLIENTS, { first: 5 });
    expect(JSON.parse(admin.text).data.commvaultClients.totalCount).toBe(sim.data.clients.length);
    expect(JSON.parse(acme!.text).data.commvaultClients.totalCount).toBe(acmeClients);
    expect(adminAgain.text).toBe(admin.text);
    expect(acmeAgain.text).toBe(acme!.text);
  });

  it('shares an answer between two API keys of the same scope (same role, same upstream identity)', async () => {
    const first = await post(gateway, 'k-ops', CLIENTS, { first: 11 });
    let second: RawAnswer | undefined;
    expect(await executedDuring(gateway, async () => (second = await post(gateway, 'k-ops-2', CLIENTS, { first: 11 })))).toBe(0);
    expect(second!.text).toBe(first.text);
  });

  it('drops the stored answer when a mutation invalidates the entries it was built from', async () => {
    const jobIds = () => listJobIds(gateway);
    const before = await jobIds();
    expect(await upstreamCallsDuring(sim, async () => expect(await jobIds()).toEqual(before))).toBe(0);

    const startedJob = await startBackup(gateway, sim);
    expect(before).not.toContain(startedJob);

    let after: number[] = [];
    expect(await upstreamCallsDuring(sim, async () => (after = await jobIds()))).toBeGreaterThan(0);
    expect(after).toContain(startedJob);
  });

  it('does not keep an answer with errors: the next identical query executes and succeeds', async () => {
    const query = 'query ClientsAgain { commvaultClients(first: 9) { totalCount } }';
    // A fresh document and a failing upstream: the entry cache has nothing for it either.
    const fresh = await startTestGateway(gatewayConfig(sim));
    try {
      sim.setFaults({ fail5xx: { count: 20, status: 503 } });
      const failed = await post(fresh, 'k-ops', query);
      expect(JSON.parse(failed.text).errors?.[0]?.extensions?.code).toMatch(/^UPSTREAM_/);
      sim.reset();
      const ok = await post(fresh, 'k-ops', query);
      expect(JSON.parse(ok.text)).toEqual({ data: { commvaultClients: { totalCount: sim.data.clients.length } } });
    } finally {
      sim.setFaults({});
      await fresh.close();
    }
  });

  it('with the history store on, keeps answers that never read it and not those that did', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bg-response-cache-store-'));
    const withStore = await startTestGateway(gatewayConfig(sim, { store: { dir }, collectors: { enabled: false } }));
    try {
      const upstreamOnly = 'query StoreOnClients { commvaultClients(first: 6) { totalCount } }';
      expect(await executedDuring(withStore, () => post(withStore, 'k-ops', upstreamOnly))).toBe(1);
      expect(await executedDuring(withStore, () => post(withStore, 'k-ops', upstreamOnly))).toBe(0);
      // alerts come from the store, which no upstream invalidation covers: executed every time.
      const mixed = 'query StoreAndClients { commvaultClients(first: 6) { totalCount } alerts(first: 1) { totalCount } }';
      const first = await post(withStore, 'k-ops', mixed);
      expect(JSON.parse(first.text)).toEqual({ data: { commvaultClients: { totalCount: sim.data.clients.length }, alerts: { totalCount: 0 } } });
      expect(await executedDuring(withStore, () => post(withStore, 'k-ops', mixed))).toBe(1);
    } finally {
      await withStore.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  /** Long enough for a loaded machine to answer twice within it (one cold client list takes ~0.5 s there). */
  const SHORT_TTL_MS = 3_000;

  it('executes again once the shortest TTL of the entries it read has passed', async () => {
    const short = await startTestGateway(gatewayConfig(sim, { cache: { ttlMs: { inventory: SHORT_TTL_MS } } }));
    try {
      const first = await post(short, 'k-ops', CLIENTS, { first: 2 });
      expect(await upstreamCallsDuring(sim, () => post(short, 'k-ops', CLIENTS, { first: 2 }))).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, SHORT_TTL_MS + 200));
      let again: RawAnswer | undefined;
      expect(await upstreamCallsDuring(sim, async () => (again = await post(short, 'k-ops', CLIENTS, { first: 2 })))).toBeGreaterThan(0);
      expect(again!.text).toBe(first.text);
    } finally {
      await short.close();
    }
  });

  it('with a stale-while-revalidate window, serves an expired answer once and stores the refreshed one', async () => {
    const swr = await startTestGateway(gatewayConfig(sim, { cache: { ttlMs: { inventory: SHORT_TTL_MS } }, responseCache: { enabled: true, swrMs: 60_000 } }));
    const first = await post(swr, 'k-ops', CLIENTS, { first: 3 });
    const listed = (JSON.parse(first.text) as { data: { commvaultClients: { edges: { node: { clientId: number } }[] } } }).data.commvaultClients.edges[0]!.node;
    const client = sim.data.clients.find((c) => c.clientId === listed.clientId)!;
    const [clientName, displayName] = [client.clientName, client.displayName];
    try {
      // Renamed on the CommServe behind the gateway's back: only an expiry can show it.
      client.clientName = client.displayName = 'renamed-behind-the-gateway';
      await new Promise((resolve) => setTimeout(resolve, SHORT_TTL_MS + 200));
      const listCalls = sim.calls('GET /Client');
      const stale = await post(swr, 'k-ops', CLIENTS, { first: 3 });
      expect(stale.text).toBe(first.text);
      // No client asks again: the list is read by the refresh the stale answer started.
      await within(5_000, () => sim.calls('GET /Client') > listCalls);
      // The refresh's answer (the list sorts by name, so the renamed client may leave the page) replaces it.
      await within(5_000, async () => (await post(swr, 'k-ops', CLIENTS, { first: 3 })).text !== first.text);
    } finally {
      client.clientName = clientName;
      client.displayName = displayName;
      await swr.close();
    }
  });

  it('answers a persisted GET whose If-None-Match names the current answer with 304 and no body', async () => {
    const first = await getPersisted(gateway, 'k-ops');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(JSON.parse(first.text).data.commvaultClients.edges).toHaveLength(5);

    const unchanged = await getPersisted(gateway, 'k-ops', { 'if-none-match': etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);

    const stale = await getPersisted(gateway, 'k-ops', { 'if-none-match': '"not-this-one"' });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(first.text);
  });

  it('gives persisted GETs an ETag with the response cache off too', async () => {
    const plain = await startTestGateway(gatewayConfig(sim, { responseCache: { enabled: false } }));
    try {
      const first = await getPersisted(plain, 'k-ops');
      expect(first.status).toBe(200);
      const again = await getPersisted(plain, 'k-ops', { 'if-none-match': first.headers.get('etag')! });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
    } finally {
      await plain.close();
    }
  });

  it('refuses a stored query sent without a CSRF preflight header, as Apollo does', async () => {
    await getPersisted(gateway, 'k-ops');
    const params = new URLSearchParams({ documentId: CLIENTS_DOCUMENT_ID, variables: JSON.stringify({ first: 5 }) });
    const res = await fetch(`${gateway.url}/graphql?${params}`, { headers: { authorization: 'Bearer k-ops' } });
    expect(res.status).toBe(400);
  });

  it('answers an unknown API key 401 even for a stored query', async () => {
    await post(gateway, 'k-ops', CLIENTS, { first: 7 });
    const res = await post(gateway, 'k-nobody', CLIENTS, { first: 7 });
    expect(res.status).toBe(401);
  });
});

describe.skipIf(!redisServer)(`response cache on two replicas sharing Redis ${skipReason ?? ''}`, () => {
  let sim: CommvaultSimulator;
  let replicas: TestGateway[];

  beforeAll(async () => {
    sim = await startCommvaultSimulator({ port: 0 });
    const config = gatewayConfig(sim, { redis: { url: redisServer!.url } });
    replicas = [await startTestGateway(config), await startTestGateway(config)];
  });
  afterAll(async () => {
    for (const g of replicas ?? []) await g.close();
    await sim?.close();
  });

  it('drops the answer stored on replica B when a mutation on replica A invalidates its entries', async () => {
    const [a, b] = replicas as [TestGateway, TestGateway];
    const jobIds = listJobIds;
    const before = await jobIds(b);
    // B answers from its stored bytes now: nothing reaches Redis or the upstream.
    expect(await upstreamCallsDuring(sim, async () => expect(await jobIds(b)).toEqual(before))).toBe(0);

    const startedJob = await startBackup(a, sim);
    expect(before).not.toContain(startedJob);

    await within(1_000, async () => (await jobIds(b)).includes(startedJob));
  });
});
