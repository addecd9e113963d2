import 'reflect-metadata';
import { createRequire } from 'node:module';
import * as graphqlEsm from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import type { GatewayConfig } from '../../src/config/schema.js';
import { createGatewayContext, type GatewayContext, type Principal } from '../../src/context.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import type { UpstreamPipeline } from '../../src/datasources/pipeline/types.js';
import { SourceRegistry } from '../../src/datasources/registry.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS, UPSTREAM_PRODUCTS } from '../../src/products.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { freePort } from '../helpers/free-port.js';

type Sim = Awaited<ReturnType<typeof startCommvaultSimulator>>;
type SimJob = Sim['data']['jobs'][number];

const MB = 1024 * 1024;
const CV = 'cv-sim';
const logger = pino({ level: 'silent' });

/** A gateway without HTTP: the real pipeline and registry, documents executed with graphql-js. */
interface Graph {
  config: GatewayConfig;
  run<T = any>(document: string, variables?: Record<string, unknown>): Promise<{ result: ExecutionResult<T>; ctx: GatewayContext }>;
  close(): Promise<void>;
}

let schema: GraphQLSchema;
let sim: Sim;
/**
 * The graphql-js copy the schema was built with. vitest's alias gives this file the ESM build while
 * type-graphql (loaded by Node, outside vite) may get the CJS one; execute must use the schema's own.
 */
let graphql: typeof graphqlEsm;

async function startGraph(upstreams: Array<Record<string, unknown>>): Promise<Graph> {
  const config = parseConfig({ upstreams, logLevel: 'silent' }, {});
  const pipeline: UpstreamPipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger });
  const registry = new SourceRegistry({ config, pipeline, logger, products: UPSTREAM_PRODUCTS });
  const principal: Principal = { id: 'test', role: 'analyst', upstreamIds: config.upstreams.map((u) => u.id), credentials: {} };
  return {
    config,
    async run(document, variables) {
      const ctx = createGatewayContext({ principal, registry, config });
      const result = (await graphql.execute({ schema, document: graphql.parse(document), variableValues: variables, contextValue: ctx })) as ExecutionResult<any>;
      return { result, ctx };
    },
    async close() {
      await registry.close();
      await pipeline.close();
    },
  };
}

const simUpstream = (id = CV) => ({ id, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' });

/** The order the gateway promises: newest start first (job ids follow start time in the seed). */
const newestFirst = (jobs: readonly SimJob[]) => [...jobs].sort((a, b) => b.startTime - a.startTime || b.jobId - a.jobId);

function codes(result: ExecutionResult): Array<string | undefined> {
  return (result.errors ?? []).map((e) => (e.originalError as { code?: string } | undefined)?.code ?? (e.extensions?.code as string | undefined));
}

const PAGE_100 = /* GraphQL */ `
  query Page($first: Int) {
    jobs(first: $first) {
      totalCount
      edges { node { ... on CommvaultJob { jobId client { name hostName } subclient { name } plan { name } storagePolicy { name } } } }
    }
  }
`;

const JOB_IDS = /* GraphQL */ `
  query Jobs($first: Int, $after: String, $filter: JobFilter) {
    jobs(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id status startedAt ... on CommvaultJob { jobId } } }
    }
  }
`;

beforeAll(async () => {
  schema = await buildGatewaySchema(PRODUCTS);
  graphql = schema instanceof graphqlEsm.GraphQLSchema ? graphqlEsm : (createRequire(import.meta.url)('graphql') as typeof graphqlEsm);
  sim = await startCommvaultSimulator({ port: 0 });
});

afterAll(async () => {
  await sim?.close();
});

describe('the dashboard page of 100 jobs', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph([simUpstream()]);
  });
  afterAll(() => graph.close());

  it('costs at most 6 upstream calls, and none when repeated within the TTL', async () => {
    sim.reset();
    const { result } = await graph.run(PAGE_100, { first: 100 });
    expect(result.errors).toBeUndefined();
    expect(result.data.jobs.edges).toHaveLength(100);
    expect(sim.stats().total).toBeLessThanOrEqual(6);
    // Subclient, plan and storage policy names come from the job summaries themselves.
    expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /Job': 1, 'GET /Client': 1 });

    sim.reset();
    const again = await graph.run(PAGE_100, { first: 100 });
    expect(again.result.errors).toBeUndefined();
    expect(sim.stats().total).toBe(0);
  });

  it('asks for the client list beside the job list (sent just after it, not after its answer) when the page selects clients', async () => {
    const fresh = await startGraph([simUpstream('cv-fresh')]);
    try {
      await fresh.run('{ upstreams { id } }'); // nothing cached yet, no login either
      sim.reset();
      sim.setFaults({ latencyMs: 300 });
      let done = false;
      const running = fresh.run(PAGE_100, { first: 100 }).finally(() => (done = true));
      // Wait for GET /Job to arrive (after the login), then look again well inside its 300 ms.
      while (!sim.stats().byRoute['GET /Job']) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 60));
      expect(done).toBe(false);
      expect(sim.stats().byRoute['GET /Client']).toBe(1);
      const { result } = await running;
      expect(result.errors).toBeUndefined();
      expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /Job': 1, 'GET /Client': 1 });
      // The page's own list first: its decoding and mapping is the larger share of the page's work.
      expect(sim.received().map((r) => r.route)).toEqual(['POST /Login', 'GET /Job', 'GET /Client']);
    } finally {
      sim.setFaults({ latencyMs: 0 });
      await fresh.close();
    }
  });

  it('does not ask for the client list when the page does not select clients, or @include leaves them out', async () => {
    const fresh = await startGraph([simUpstream('cv-fresh2')]);
    try {
      sim.reset();
      const { result } = await fresh.run('query { jobs(first: 100) { edges { node { id ... on CommvaultJob { subclient { name } } } } } }');
      expect(result.errors).toBeUndefined();
      expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /Job': 1 });
      // Nor when the query selects them under a directive that leaves them out.
      sim.reset();
      const skipped = await fresh.run(
        'query ($withClient: Boolean!) { jobs(first: 99) { edges { node { id ... on CommvaultJob { client @include(if: $withClient) { name } } } } } }',
        { withClient: false },
      );
      expect(skipped.result.errors).toBeUndefined();
      expect(skipped.result.data?.jobs.edges[0].node).not.toHaveProperty('client');
      expect(sim.stats().byRoute).toEqual({ 'GET /Job': 1 });
    } finally {
      await fresh.close();
    }
  });

  it('shows what the CommServe holds: the newest jobs with their client, subclient, plan and storage policy', async () => {
    const { result } = await graph.run(PAGE_100, { first: 100 });
    const { data } = sim;
    const clients = new Map(data.clients.map((c) => [c.clientId, c]));
    const subclients = new Map(data.subclients.map((s) => [s.subclientId, s]));
    const plans = new Map(data.plans.map((p) => [p.planId, p]));
    const policies = new Map(data.storagePolicies.map((p) => [p.storagePolicyId, p]));
    const expected = newestFirst(data.jobs).slice(0, 100).map((j) => ({
      jobId: j.jobId,
      client: { name: clients.get(j.clientId)?.clientName, hostName: clients.get(j.clientId)?.hostName },
      subclient: { name: subclients.get(j.subclientId)?.subclientName },
      plan: plans.has(j.planId) ? { name: plans.get(j.planId)?.planName } : null,
      storagePolicy: policies.has(j.storagePolicyId) ? { name: policies.get(j.storagePolicyId)?.storagePolicyName } : null,
    }));
    expect(JSON.parse(JSON.stringify(result.data.jobs.edges.map((e: any) => e.node)))).toEqual(expected);
    expect(result.data.jobs.totalCount).toBe(data.jobs.length);
  });
});

describe('job filters and paging', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph([simUpstream()]);
  });
  afterAll(() => graph.close());

  /** Walks every page of a filter; returns the job ids in order and the totalCount of each page. */
  async function walk(filter: Record<string, unknown>, first: number): Promise<{ ids: number[]; totals: number[] }> {
    const ids: number[] = [];
    const totals: number[] = [];
    let after: string | undefined;
    for (let page = 0; page < 200; page++) {
      const { result } = await graph.run(JOB_IDS, { first, after, filter });
      expect(result.errors).toBeUndefined();
      const jobs = result.data.jobs;
      totals.push(jobs.totalCount);
      ids.push(...jobs.edges.map((e: any) => e.node.jobId));
      if (!jobs.pageInfo.hasNextPage) break;
      after = jobs.pageInfo.endCursor;
    }
    return { ids, totals };
  }

  it('status: exactly the seeded failed jobs, with the right totalCount', async () => {
    const expected = newestFirst(sim.data.jobs.filter((j) => j.status === 'Failed')).map((j) => j.jobId);
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totals } = await walk({ status: ['FAILED'] }, 500);
    expect(ids).toEqual(expected);
    expect(new Set(totals)).toEqual(new Set([expected.length]));
  });

  it('status: errors and warnings both count as COMPLETED_WITH_ERRORS', async () => {
    const expected = sim.data.jobs.filter((j) => j.status.startsWith('Completed w/')).map((j) => j.jobId);
    const { ids } = await walk({ status: ['COMPLETED_WITH_ERRORS'] }, 500);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it('category ACTIVE: the running, waiting, pending and suspended jobs', async () => {
    const active = ['Running', 'Waiting', 'Pending', 'Suspended'];
    const expected = sim.data.jobs.filter((j) => active.includes(j.status)).map((j) => j.jobId);
    const { ids, totals } = await walk({ category: 'ACTIVE' }, 500);
    expect(ids.sort()).toEqual(expected.sort());
    expect(totals[0]).toBe(expected.length);
  });

  it('jobType: exactly the seeded restores', async () => {
    const expected = newestFirst(sim.data.jobs.filter((j) => j.jobType === 'Restore')).map((j) => j.jobId);
    const { ids, totals } = await walk({ jobType: ['Restore'] }, 500);
    expect(ids).toEqual(expected);
    expect(totals[0]).toBe(expected.length);
  });

  it('client: exactly that client\'s jobs, in one upstream call per page', async () => {
    const clientId = busiestClient();
    const expected = newestFirst(sim.data.jobs.filter((j) => j.clientId === clientId)).map((j) => j.jobId);
    sim.reset();
    const { ids, totals } = await walk({ client: toGlobalId('CommvaultClient', CV, clientId) }, 500);
    expect(ids).toEqual(expected);
    expect(totals[0]).toBe(expected.length);
    expect(sim.calls('GET /Job')).toBe(Math.ceil(expected.length / 500));
  });

  it('time window: exactly the jobs started in [startedAfter, startedBefore)', async () => {
    const to = sim.data.generatedAt - 86_400;
    const from = to - 86_400;
    const expected = newestFirst(sim.data.jobs.filter((j) => j.startTime >= from && j.startTime < to)).map((j) => j.jobId);
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totals } = await walk(
      { startedAfter: new Date(from * 1000).toISOString(), startedBefore: new Date(to * 1000).toISOString() },
      500,
    );
    expect(ids).toEqual(expected);
    expect(totals[0]).toBe(expected.length);
  });

  it('combined: failed backups of one client in a window', async () => {
    const to = sim.data.generatedAt;
    const from = to - 20 * 86_400;
    const clientId = busiestClient();
    const expected = newestFirst(
      sim.data.jobs.filter((j) => j.clientId === clientId && j.jobType === 'Backup' && j.startTime >= from && ['Completed', 'Failed'].includes(j.status)),
    ).map((j) => j.jobId);
    const { ids } = await walk(
      {
        client: toGlobalId('CommvaultClient', CV, clientId),
        jobType: ['Backup'],
        status: ['COMPLETED', 'FAILED'],
        startedAfter: new Date(from * 1000).toISOString(),
      },
      500,
    );
    expect(ids).toEqual(expected);
  });

  it('paging with after walks without gaps or repeats', async () => {
    const clientId = busiestClient();
    const expected = newestFirst(sim.data.jobs.filter((j) => j.clientId === clientId)).map((j) => j.jobId);
    const { ids } = await walk({ client: toGlobalId('CommvaultClient', CV, clientId) }, 7);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
  });

  it('paging a gateway-filtered list walks without gaps or repeats', async () => {
    const expected = newestFirst(sim.data.jobs.filter((j) => j.status === 'Failed')).map((j) => j.jobId);
    const { ids } = await walk({ status: ['FAILED'] }, 13);
    expect(ids).toEqual(expected);
  });

  it.each([
    ['first: -1', { first: -1 }],
    ['first: 100000', { first: 100000 }],
    ['first: 0', { first: 0 }],
    ['a malformed cursor', { first: 5, after: 'not-a-cursor' }],
    ['an unknown upstream', { first: 5, filter: { upstream: ['no-such-upstream'] } }],
    ['a malformed client id', { first: 5, filter: { client: '!!' } }],
    ['a job id as client', { first: 5, filter: { client: toGlobalId('CommvaultJob', CV, 1) } }],
  ])('rejects %s with BAD_USER_INPUT', async (_name, variables) => {
    const { result } = await graph.run(JOB_IDS, variables);
    expect(codes(result)).toEqual([ErrorCode.BAD_USER_INPUT]);
  });

  it('rejects a cursor of another query with BAD_USER_INPUT', async () => {
    const first = await graph.run(JOB_IDS, { first: 2 });
    const { result } = await graph.run(JOB_IDS, { first: 2, after: first.result.data.jobs.pageInfo.endCursor, filter: { status: ['FAILED'] } });
    expect(codes(result)).toEqual([ErrorCode.BAD_USER_INPUT]);
  });

  function busiestClient(): number {
    const counts = new Map<number, number>();
    for (const j of sim.data.jobs) counts.set(j.clientId, (counts.get(j.clientId) ?? 0) + 1);
    // Not the CommServe (admin jobs) but a client with a realistic history.
    return [...counts].filter(([id]) => id !== sim.data.commServ.clientId).sort((a, b) => b[1] - a[1])[0][0];
  }
});

describe('node(id)', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph([simUpstream()]);
  });
  afterAll(() => graph.close());

  const NODE = /* GraphQL */ `
    query Node($id: ID!) {
      node(id: $id) {
        id
        __typename
        ... on CommvaultJob { jobId status }
        ... on CommvaultClient { clientId name }
        ... on CommvaultStoragePool { storagePoolId name }
      }
    }
  `;

  it('round-trips a job and its client from the jobs page', async () => {
    const page = await graph.run(`{ jobs(first: 1) { edges { node { id ... on CommvaultJob { jobId client { id clientId } } } } } }`);
    const job = page.result.data.jobs.edges[0].node;
    const byJob = await graph.run(NODE, { id: job.id });
    expect(byJob.result.data.node).toMatchObject({ id: job.id, __typename: 'CommvaultJob', jobId: job.jobId });
    const byClient = await graph.run(NODE, { id: job.client.id });
    const client = sim.data.clients.find((c) => c.clientId === job.client.clientId);
    expect(byClient.result.data.node).toMatchObject({ __typename: 'CommvaultClient', clientId: client?.clientId, name: client?.clientName });
  });

  it('gives null for an object that does not exist or an upstream that is not yours', async () => {
    for (const id of [
      toGlobalId('CommvaultClient', CV, 987654321),
      toGlobalId('CommvaultClient', 'someone-elses', 1),
      toGlobalId('NoSuchType', CV, 1),
    ]) {
      const { result } = await graph.run(NODE, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data.node).toBeNull();
    }
  });

  it('rejects a malformed id with BAD_USER_INPUT', async () => {
    const { result } = await graph.run(NODE, { id: 'definitely not an id' });
    expect(codes(result)).toEqual([ErrorCode.BAD_USER_INPUT]);
  });
});

describe('inventory and storage', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph([simUpstream()]);
  });
  afterAll(() => graph.close());

  it('storagePools: capacity in bytes and severity from the seeded pools', async () => {
    const { result } = await graph.run(`{ storagePools { name capacityBytes freeBytes severity ... on CommvaultStoragePool { storagePoolId } } }`);
    expect(result.errors).toBeUndefined();
    const expected = sim.data.storagePools.map((p) => {
      const free = (p.freeMB / p.capacityMB) * 100;
      return {
        storagePoolId: p.storagePoolId,
        name: p.storagePoolName,
        capacityBytes: p.capacityMB * MB,
        freeBytes: p.freeMB * MB,
        severity: free < 10 ? 'CRITICAL' : free < 20 ? 'WARNING' : 'OK',
      };
    });
    const got = [...result.data.storagePools].sort((a: any, b: any) => a.storagePoolId - b.storagePoolId);
    expect(JSON.parse(JSON.stringify(got))).toEqual(expected.sort((a, b) => a.storagePoolId - b.storagePoolId));
  });

  it('commvaultClients: search and totalCount from the seeded clients', async () => {
    const needle = sim.data.clients[3].clientName.slice(0, 3).toLowerCase();
    const expected = sim.data.clients.filter((c) =>
      [c.clientName, c.displayName, c.hostName].some((v) => v.toLowerCase().includes(needle)),
    );
    const { result } = await graph.run(`query($s: String) { commvaultClients(first: 500, search: $s) { totalCount edges { node { clientId } } } }`, { s: needle });
    expect(result.errors).toBeUndefined();
    expect(result.data.commvaultClients.totalCount).toBe(expected.length);
    expect(result.data.commvaultClients.edges.map((e: any) => e.node.clientId).sort()).toEqual(expected.map((c) => c.clientId).sort());
  });

  it('commvaultMediaAgents: online filter from the seeded MediaAgents', async () => {
    const { result } = await graph.run(`{ commvaultMediaAgents(online: false) { mediaAgentId online } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.commvaultMediaAgents.map((m: any) => m.mediaAgentId).sort()).toEqual(
      sim.data.mediaAgents.filter((m) => !m.online).map((m) => m.mediaAgentId).sort(),
    );
  });

  it('DDB stores: Q&I severity from the slowest partition', async () => {
    const { result } = await graph.run(`{ commvaultDdbStores { storeId avgQiMicros severity } }`);
    expect(result.errors).toBeUndefined();
    const expected = sim.data.ddbStores.map((d) => {
      const qi = Math.max(...d.partitions.map((p) => p.avgQITime));
      return { storeId: d.storeId, avgQiMicros: qi, severity: qi > 2000 ? 'CRITICAL' : qi > 1000 ? 'WARNING' : 'OK' };
    });
    const got = [...result.data.commvaultDdbStores].sort((a: any, b: any) => a.storeId - b.storeId);
    expect(JSON.parse(JSON.stringify(got))).toEqual(expected.sort((a, b) => a.storeId - b.storeId));
  });
});

describe('partial data', () => {
  let graph: Graph;
  beforeAll(async () => {
    const deadPort = await freePort();
    graph = await startGraph([
      simUpstream(),
      { id: 'cv-down', kind: 'commvault', url: `http://127.0.0.1:${deadPort}/webconsole/api`, username: 'admin', password: 'admin', retry: { maxAttempts: 1 } },
    ]);
  });
  afterAll(() => graph.close());

  it('keeps the healthy upstream\'s jobs and reports the failed one with the field\'s path', async () => {
    const { result, ctx } = await graph.run(JOB_IDS, { first: 10 });
    expect(result.errors).toBeUndefined();
    expect(result.data.jobs.edges).toHaveLength(10);
    expect(result.data.jobs.totalCount).toBe(sim.data.jobs.length);
    expect(ctx.partialErrors).toHaveLength(1);
    expect(ctx.partialErrors[0].path).toEqual(['jobs']);
    expect(ctx.partialErrors[0].error.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(ctx.partialErrors[0].error.upstream?.instance).toBe('cv-down');
  });

  it('answers totalCount null, not 0, when every upstream asked failed', async () => {
    const { result, ctx } = await graph.run(JOB_IDS, { first: 10, filter: { upstream: ['cv-down'] } });
    expect(result.errors).toBeUndefined();
    expect(result.data.jobs.edges).toEqual([]);
    expect(result.data.jobs.totalCount).toBeNull();
    expect(ctx.partialErrors.map((p) => p.error.upstream?.instance)).toEqual(['cv-down']);
  });
});
