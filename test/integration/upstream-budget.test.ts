import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { DashboardJobsDocument, type DashboardJobsQuery } from '../../src/generated/operations/graphql.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

const DASHBOARD = print(DashboardJobsDocument);
type Node = DashboardJobsQuery['jobs']['edges'][number]['node'];

describe('upstream calls per query (real HTTP, simulator counts)', () => {
  let sim: CommvaultSimulator;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
  });
  afterAll(() => sim?.close());

  describe('the dashboard page: 100 jobs with client, subclient, plan and storage policy', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)] });
    });
    afterAll(() => gw?.close());

    it('costs at most 6 upstream calls cold and 0 when repeated within the TTL, and shows the seeded jobs', async () => {
      sim.reset();
      const cold = await gw.query<DashboardJobsQuery>(DASHBOARD, { first: 100 });
      expect(cold.body.errors).toBeUndefined();
      expect(sim.stats().total).toBeLessThanOrEqual(6);

      // Expected page: every job type, newest start first — from the seeded data, not from the gateway.
      const seeded = [...sim.data.jobs].sort((a, b) => b.startTime - a.startTime || b.jobId - a.jobId);
      const edges = cold.body.data!.jobs.edges;
      expect(cold.body.data!.jobs.totalCount).toBe(seeded.length);
      expect(edges.map((e) => (e.node as Extract<Node, { jobId: number }>).jobId)).toEqual(seeded.slice(0, 100).map((j) => j.jobId));
      const clients = new Map(sim.data.clients.map((c) => [c.clientId, c]));
      const subclients = new Map(sim.data.subclients.map((s) => [s.subclientId, s]));
      const plans = new Map(sim.data.plans.map((p) => [p.planId, p]));
      const policies = new Map(sim.data.storagePolicies.map((p) => [p.storagePolicyId, p]));
      edges.forEach(({ node }, i) => {
        const job = seeded[i]!;
        const n = node as Extract<Node, { jobId: number }>;
        expect(n.client).toMatchObject({ name: clients.get(job.clientId)!.clientName, hostName: clients.get(job.clientId)!.hostName });
        expect(n.subclient?.name).toBe(subclients.get(job.subclientId)!.subclientName);
        expect(n.plan?.name).toBe(plans.get(job.planId)!.planName);
        expect(n.storagePolicy?.name).toBe(policies.get(job.storagePolicyId)!.storagePolicyName);
        expect(n.upstream).toEqual({ id: 'cv-main', kind: 'COMMVAULT' });
      });

      sim.reset();
      const warm = await gw.query<DashboardJobsQuery>(DASHBOARD, { first: 100 });
      expect(warm.body).toEqual(cold.body);
      expect(sim.stats().total).toBe(0);
    });
  });

  it('50 concurrent identical queries cost one upstream call per resource', async () => {
    const gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)] });
    try {
      sim.reset();
      const results = await Promise.all(Array.from({ length: 50 }, () => gw.query<DashboardJobsQuery>(DASHBOARD, { first: 100 })));
      for (const r of results) {
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data).toEqual(results[0]!.body.data);
      }
      const byRoute = sim.stats().byRoute;
      expect(Object.keys(byRoute).length).toBeGreaterThan(1);
      for (const [route, calls] of Object.entries(byRoute)) expect({ route, calls }).toEqual({ route, calls: 1 });
    } finally {
      await gw.close();
    }
  });

  describe('two callers with different upstream credentials', () => {
    let gw: TestGateway;
    const CLIENTS = '{ commvaultClients(first: 500) { totalCount edges { node { clientId name } } } }';
    const JOBS = '{ jobs(first: 200) { totalCount edges { node { ... on CommvaultJob { jobId client { clientId } } } } } }';

    beforeAll(async () => {
      gw = await startTestGateway({
        upstreams: [commvaultUpstream('cv-main', sim.url)],
        callers: [
          { id: 'acme', apiKey: 'key-acme', role: 'frontend', credentials: { 'cv-main': { username: 'acme', password: 'acme' } } },
          { id: 'globex', apiKey: 'key-globex', role: 'frontend', credentials: { 'cv-main': { username: 'globex', password: 'globex' } } },
          { id: 'ops', apiKey: 'key-ops', role: 'analyst' },
        ],
      });
    });
    afterAll(() => gw?.close());

    const companyOf = (name: string) => sim.data.companies.find((c) => c.companyName === name)!.companyId;

    it('never see each other’s cached data, in either order', async () => {
      const expectedIds = (company: string) =>
        sim.data.clients.filter((c) => c.companyId === companyOf(company)).map((c) => c.clientId).sort((a, b) => a - b);
      const idsOf = (body: { data?: { commvaultClients: { edges: Array<{ node: { clientId: number } }> } } | null }) =>
        body.data!.commvaultClients.edges.map((e) => e.node.clientId).sort((a, b) => a - b);

      const acme1 = await gw.query(CLIENTS, undefined, { apiKey: 'key-acme' });
      sim.reset();
      const globex = await gw.query(CLIENTS, undefined, { apiKey: 'key-globex' });
      // Same document, same path upstream: still a fresh upstream call under globex's own session.
      expect(sim.calls('GET /Client')).toBe(1);
      expect(sim.calls('POST /Login')).toBe(1);
      const acme2 = await gw.query(CLIENTS, undefined, { apiKey: 'key-acme' });

      expect(idsOf(acme1.body as never)).toEqual(expectedIds('Acme'));
      expect(idsOf(globex.body as never)).toEqual(expectedIds('Globex'));
      expect(idsOf(acme2.body as never)).toEqual(expectedIds('Acme'));

      const all = await gw.query(CLIENTS, undefined, { apiKey: 'key-ops' });
      expect((all.body.data as { commvaultClients: { totalCount: number } }).commvaultClients.totalCount).toBe(sim.data.clients.length);
    });

    it('a caller whose own credential the upstream refuses is never served what another session cached', async () => {
      const shared = await startTestGateway({
        upstreams: [commvaultUpstream('cv-main', sim.url)],
        callers: [
          { id: 'ok', apiKey: 'key-ok', role: 'frontend', credentials: { 'cv-main': { username: 'admin', password: 'admin' } } },
          { id: 'stale', apiKey: 'key-stale', role: 'frontend', credentials: { 'cv-main': { username: 'admin', password: 'rotated-away' } } },
        ],
      });
      try {
        const ok = await shared.query(CLIENTS, undefined, { apiKey: 'key-ok' });
        expect(ok.body.errors).toBeUndefined();
        const stale = await shared.query(CLIENTS, undefined, { apiKey: 'key-stale' });
        // The list fans out over upstreams: the refused one contributes nothing and an error, never data
        // (and, being the only one asked, leaves the count unknown rather than 0).
        expect(stale.body.data?.commvaultClients).toEqual({ totalCount: null, edges: [] });
        expect((stale.body.errors ?? []).map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
      } finally {
        await shared.close();
      }
    });

    it('see only their own company’s jobs, also when the other caller’s page is cached', async () => {
      await gw.query(JOBS, undefined, { apiKey: 'key-globex' });
      const res = await gw.query<{ jobs: { totalCount: number; edges: Array<{ node: { jobId: number } }> } }>(JOBS, undefined, { apiKey: 'key-acme' });
      const acmeJobs = new Set(sim.data.jobs.filter((j) => j.companyId === companyOf('Acme')).map((j) => j.jobId));
      expect(res.body.data!.jobs.totalCount).toBe(acmeJobs.size);
      expect(res.body.data!.jobs.edges.length).toBe(200);
      for (const e of res.body.data!.jobs.edges) expect(acmeJobs.has(e.node.jobId)).toBe(true);
    });
  });

  it('logs out of every upstream session when the gateway stops', async () => {
    const before = sim.liveTokens();
    const gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)] });
    await gw.query('{ jobs(first: 1) { totalCount } }');
    expect(sim.liveTokens()).toBe(before + 1);
    await gw.close();
    expect(sim.liveTokens()).toBe(before);
  });
});
