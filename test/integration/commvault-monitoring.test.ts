import 'reflect-metadata';
import { createRequire } from 'node:module';
import * as graphqlEsm from 'graphql';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGatewayContext, type GatewayContext, type Principal } from '../../src/context.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import { SourceRegistry } from '../../src/datasources/registry.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { EstateHealthDocument } from '../../src/generated/operations/graphql.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { PRODUCTS, UPSTREAM_PRODUCTS } from '../../src/products.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { freePort } from '../helpers/free-port.js';

type Sim = Awaited<ReturnType<typeof startCommvaultSimulator>>;
type SimJob = Sim['data']['jobs'][number];

const MB = 1024 * 1024;
const DAY_S = 86_400;
const CV = 'cv-sim';
const WINDOW_PAGE = 1000;
const logger = pino({ level: 'silent' });

/** A gateway without HTTP, as in commvault-graph.test.ts: the real pipeline and registry, documents run with graphql-js. */
interface Graph {
  run<T = any>(document: string, variables?: Record<string, unknown>): Promise<{ result: ExecutionResult<T>; ctx: GatewayContext }>;
  close(): Promise<void>;
}

let schema: GraphQLSchema;
let sim: Sim;
let graphql: typeof graphqlEsm;
const open: Graph[] = [];

/** A fresh gateway (empty cache, no session): every test measures cold upstream calls. */
async function startGraph(upstreams: Array<Record<string, unknown>> = [simUpstream()]): Promise<Graph> {
  const config = parseConfig({ upstreams, logLevel: 'silent' }, {});
  const pipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger });
  const registry = new SourceRegistry({ config, pipeline, logger, products: UPSTREAM_PRODUCTS });
  const principal: Principal = { id: 'test', role: 'analyst', upstreamIds: config.upstreams.map((u) => u.id), credentials: {} };
  const graph: Graph = {
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
  open.push(graph);
  return graph;
}

const simUpstream = (id = CV) => ({ id, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' });

function codes(result: ExecutionResult): Array<string | undefined> {
  return (result.errors ?? []).map((e) => (e.originalError as { code?: string } | undefined)?.code ?? (e.extensions?.code as string | undefined));
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

/** The simulator's status strings → the graph's JobStatus. */
function statusOf(s: SimJob['status']): string {
  if (s.startsWith('Completed w/')) return 'COMPLETED_WITH_ERRORS';
  return s.toUpperCase();
}
const SUCCESS = new Set(['COMPLETED', 'COMPLETED_WITH_ERRORS']);
const FAILURE = new Set(['FAILED', 'KILLED']);
const ACTIVE = new Set(['RUNNING', 'PENDING', 'WAITING', 'SUSPENDED']);
const ALL_STATUSES = ['RUNNING', 'PENDING', 'WAITING', 'SUSPENDED', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'KILLED', 'OTHER'];

/** What jobStatusSummary must say about these jobs: counted from the seed, not from the gateway. */
function expectedCounts(jobs: readonly SimJob[]) {
  const statuses = jobs.map((j) => statusOf(j.status));
  const success = statuses.filter((s) => SUCCESS.has(s)).length;
  const failed = statuses.filter((s) => FAILURE.has(s)).length;
  return {
    total: jobs.length,
    activeCount: statuses.filter((s) => ACTIVE.has(s)).length,
    successCount: success,
    failedCount: failed,
    successPercent: success + failed === 0 ? null : (success / (success + failed)) * 100,
    byStatus: ALL_STATUSES.map((status) => ({ status, count: statuses.filter((s) => s === status).length })),
  };
}

/** GET /Job pages a window walk needs at most: every job the lookup can return (finished after `sinceS` minus slack, or active). */
function windowPages(sinceS: number, filter: (j: SimJob) => boolean = () => true): number {
  const lookupStart = sinceS - 600;
  const visible = sim.data.jobs.filter((j) => filter(j) && (j.endTime === 0 || j.endTime >= lookupStart));
  return Math.max(1, Math.ceil(visible.length / WINDOW_PAGE));
}

beforeAll(async () => {
  schema = await buildGatewaySchema(PRODUCTS);
  graphql = schema instanceof graphqlEsm.GraphQLSchema ? graphqlEsm : (createRequire(import.meta.url)('graphql') as typeof graphqlEsm);
  sim = await startCommvaultSimulator({ port: 0 });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((g) => g.close()));
});

afterAll(async () => {
  await sim?.close();
});

describe('V4 storage details on storage pools', () => {
  const DETAILS = /* GraphQL */ `
    {
      commvaultStoragePools {
        storagePoolId
        medium
        sizeOnDiskBytes
        dedupeSavingsPercent
        backupLocations { id name status }
        associatedPlans { planId name rpoMinutes }
      }
    }
  `;

  it('shows size on disk, dedupe savings, backup locations and plans from the seeded pools', async () => {
    const graph = await startGraph();
    const { result } = await graph.run(DETAILS);
    expect(result.errors).toBeUndefined();
    const { data } = sim;
    const expected = data.storagePools.map((p) => {
      const library = data.libraries.find((l) => l.libraryId === p.libraryId);
      // Disk details list the plans whose policy writes to the pool; cloud details carry no plan list.
      const plans =
        p.kind === 'disk'
          ? data.plans.filter((plan) =>
              data.storagePolicies.find((sp) => sp.storagePolicyId === plan.storagePolicyId)?.copies.some((c) => c.storagePoolId === p.storagePoolId),
            )
          : [];
      return {
        storagePoolId: p.storagePoolId,
        medium: p.kind === 'cloud' ? 'CLOUD' : 'DISK',
        sizeOnDiskBytes: p.sizeOnDiskMB * MB,
        // Cloud details send the percentage as a string with two decimals.
        dedupeSavingsPercent: p.kind === 'cloud' ? Number(p.dedupeSavingsPercent.toFixed(2)) : p.dedupeSavingsPercent,
        backupLocations: (library?.mountPaths ?? []).map((m) => ({ id: m.mountPathId, name: m.mountPathName, status: m.online ? 'Ready' : 'Offline' })),
        associatedPlans: plans.map((plan) => ({ planId: plan.planId, name: plan.planName, rpoMinutes: plan.rpoInMinutes })),
      };
    });
    const got = [...result.data.commvaultStoragePools].sort((a: any, b: any) => a.storagePoolId - b.storagePoolId);
    expect(plain(got)).toEqual(expected.sort((a, b) => a.storagePoolId - b.storagePoolId));
    expect(expected.some((p) => p.associatedPlans.length > 0)).toBe(true);
  });

  it('costs one V4 detail call per pool and one plan list, and the plain storagePools query none of them', async () => {
    const pools = sim.data.storagePools;
    const disk = pools.filter((p) => p.kind === 'disk').length;
    const cloud = pools.filter((p) => p.kind === 'cloud').length;

    sim.reset();
    const plainGraph = await startGraph();
    const simple = await plainGraph.run(`{ storagePools { name capacityBytes freeBytes severity } }`);
    expect(simple.result.errors).toBeUndefined();
    expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /StoragePool': 1 });

    sim.reset();
    const graph = await startGraph();
    const { result } = await graph.run(DETAILS);
    expect(result.errors).toBeUndefined();
    // 1 login + 1 pool list + (disk + cloud) details + 1 plan list: 3 + pools (8 with the seed's 4 disk and 1 cloud pools).
    expect(sim.stats().byRoute).toEqual({
      'POST /Login': 1,
      'GET /StoragePool': 1,
      'GET /V4/Storage/Disk/{id}': disk,
      ...(cloud > 0 ? { 'GET /V4/Storage/Cloud/{id}': cloud } : {}),
      'GET /V2/Plan': 1,
    });
  });
});

describe('jobStatusSummary', () => {
  const SUMMARY = /* GraphQL */ `
    query Summary($upstream: ID, $since: DateTime, $until: DateTime) {
      jobStatusSummary(upstream: $upstream, since: $since, until: $until) {
        since until total activeCount successCount failedCount successPercent protectedBytes
        byStatus { status count }
        byType { jobType total activeCount successCount failedCount successPercent byStatus { status count } }
        upstreams { id kind }
      }
    }
  `;

  it('counts the seeded jobs started in [since, until) by status and type, with protected bytes', async () => {
    const untilS = sim.data.generatedAt - DAY_S;
    const sinceS = untilS - 2 * DAY_S;
    const inWindow = sim.data.jobs.filter((j) => j.startTime >= sinceS && j.startTime < untilS);
    expect(inWindow.length).toBeGreaterThan(100);

    sim.reset();
    const graph = await startGraph();
    const { result } = await graph.run(SUMMARY, { upstream: CV, since: iso(sinceS), until: iso(untilS) });
    expect(result.errors).toBeUndefined();
    const summary = result.data.jobStatusSummary;

    const types = [...new Set(inWindow.map((j) => j.jobType))];
    const byType = types
      .map((jobType) => ({ jobType, ...expectedCounts(inWindow.filter((j) => j.jobType === jobType)) }))
      .sort((a, b) => b.total - a.total || a.jobType.localeCompare(b.jobType));
    const protectedBytes = inWindow
      .filter((j) => j.jobType === 'Backup' && SUCCESS.has(statusOf(j.status)))
      .reduce((sum, j) => sum + j.sizeOfApplication, 0);
    const { successPercent, ...counts } = expectedCounts(inWindow);
    expect(plain(summary)).toMatchObject({
      since: iso(sinceS),
      until: iso(untilS),
      ...counts,
      protectedBytes,
      upstreams: [{ id: CV, kind: 'COMMVAULT' }],
    });
    expect(summary.successPercent).toBeCloseTo(successPercent as number, 9);
    expect(summary.failedCount).toBeGreaterThan(0);
    expect(plain(summary.byType).map((t: any) => ({ ...t, successPercent: t.successPercent === null ? null : Math.round(t.successPercent * 1e6) }))).toEqual(
      byType.map((t) => ({ ...t, successPercent: t.successPercent === null ? null : Math.round(t.successPercent * 1e6) })),
    );

    // Upstream calls: 1 login + the window walk's GET /Job pages (1000 jobs each) and nothing else.
    expect(sim.calls('GET /Job')).toBeLessThanOrEqual(windowPages(sinceS));
    expect(Object.keys(sim.stats().byRoute).sort()).toEqual(['GET /Job', 'POST /Login']);
  });

  it('drills down: failedCount equals the jobs list with status [FAILED, KILLED] over the same window', async () => {
    const untilS = sim.data.generatedAt - 3 * DAY_S;
    const sinceS = untilS - 5 * DAY_S;
    const graph = await startGraph();
    const { result } = await graph.run(SUMMARY, { since: iso(sinceS), until: iso(untilS) });
    const list = await graph.run(`query($f: JobFilter) { jobs(first: 1, filter: $f) { totalCount } }`, {
      f: { status: ['FAILED', 'KILLED'], startedAfter: iso(sinceS), startedBefore: iso(untilS) },
    });
    expect(result.errors).toBeUndefined();
    expect(list.result.errors).toBeUndefined();
    expect(result.data.jobStatusSummary.failedCount).toBe(list.result.data.jobs.totalCount);
  });

  it('defaults to the last 24 hours: 2 upstream calls cold, none when repeated at once', async () => {
    const graph = await startGraph();
    sim.reset();
    const { result } = await graph.run(SUMMARY);
    expect(result.errors).toBeUndefined();
    const summary = result.data.jobStatusSummary;
    const sinceMs = Date.parse(summary.since);
    const untilMs = Date.parse(summary.until);
    expect(untilMs - sinceMs).toBe(DAY_S * 1000);
    expect(Math.abs(untilMs - Date.now())).toBeLessThan(60_000);
    const expected = sim.data.jobs.filter((j) => j.startTime * 1000 >= sinceMs && j.startTime * 1000 < untilMs);
    expect(summary.total).toBe(expected.length);
    expect(summary.activeCount).toBe(expected.filter((j) => ACTIVE.has(statusOf(j.status))).length);
    // A day of the seed (~420 jobs) fits one page: login + one GET /Job.
    expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /Job': 1 });

    // The lookup is rounded to whole minutes, so a repeat asks the same URL and the cache answers.
    sim.reset();
    const again = await graph.run(SUMMARY);
    expect(again.result.errors).toBeUndefined();
    expect(sim.stats().total).toBe(0);
  });

  it.each([
    ['since after until', { since: iso(2_000_000_000), until: iso(1_900_000_000) }],
    ['since equal to until', { since: iso(1_900_000_000), until: iso(1_900_000_000) }],
    ['a window over 31 days', { since: iso(1_900_000_000 - 32 * DAY_S), until: iso(1_900_000_000) }],
    ['an unknown upstream', { upstream: 'no-such-upstream' }],
  ])('rejects %s with BAD_USER_INPUT before calling any upstream', async (_name, variables) => {
    const graph = await startGraph();
    sim.reset();
    const { result } = await graph.run(SUMMARY, variables);
    expect(codes(result)).toEqual([ErrorCode.BAD_USER_INPUT]);
    expect(sim.stats().total).toBe(0);
  });

  it('keeps the healthy upstream\'s counts and reports the failed one with the field\'s path', async () => {
    const deadPort = await freePort();
    const graph = await startGraph([
      simUpstream(),
      { id: 'cv-down', kind: 'commvault', url: `http://127.0.0.1:${deadPort}/webconsole/api`, username: 'admin', password: 'admin', retry: { maxAttempts: 1 } },
    ]);
    const untilS = sim.data.generatedAt - DAY_S;
    const sinceS = untilS - DAY_S;
    const { result, ctx } = await graph.run(SUMMARY, { since: iso(sinceS), until: iso(untilS) });
    expect(result.errors).toBeUndefined();
    expect(result.data.jobStatusSummary.total).toBe(sim.data.jobs.filter((j) => j.startTime >= sinceS && j.startTime < untilS).length);
    expect(result.data.jobStatusSummary.upstreams).toEqual([{ id: CV, kind: 'COMMVAULT' }]);
    expect(ctx.partialErrors).toHaveLength(1);
    expect(ctx.partialErrors[0].path).toEqual(['jobStatusSummary']);
    expect(ctx.partialErrors[0].error.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(ctx.partialErrors[0].error.upstream?.instance).toBe('cv-down');
  });
});

describe('unprotectedWorkloads', () => {
  const UNPROTECTED = /* GraphQL */ `
    query Unprotected($days: Int) {
      unprotectedWorkloads(days: $days) {
        gap
        failedBackupCount
        workload { id name upstream { id } ... on CommvaultClient { clientId } }
      }
    }
  `;
  const WITH_HISTORY = /* GraphQL */ `
    {
      unprotectedWorkloads {
        lastSuccessfulBackupAt
        lastJobStatus
        lastJob { id status startedAt ... on CommvaultJob { jobId } }
        workload { ... on CommvaultClient { clientId } lastSuccessfulBackupAt }
      }
    }
  `;

  /** A client's backups in the seed, newest start first. */
  const backupsOf = (clientId: number) =>
    sim.data.jobs.filter((j) => j.clientId === clientId && j.jobType === 'Backup').sort((a, b) => b.startTime - a.startTime || b.jobId - a.jobId);

  it('is exactly the seeded unprotected clients (7 days), each with why and how many backups failed', async () => {
    const graph = await startGraph();
    sim.reset();
    const cutoffS = Date.now() / 1000 - 7 * DAY_S;
    const { result } = await graph.run(UNPROTECTED);
    expect(result.errors).toBeUndefined();
    const got = result.data.unprotectedWorkloads;
    expect(got.map((w: any) => w.workload.clientId).sort((a: number, b: number) => a - b)).toEqual(sim.data.unprotectedClientIds);
    expect(sim.data.unprotectedClientIds.length).toBeGreaterThanOrEqual(10);

    for (const w of got) {
      const client = sim.data.clients.find((c) => c.clientId === w.workload.clientId)!;
      const failed = backupsOf(client.clientId).filter((j) => j.startTime >= cutoffS && FAILURE.has(statusOf(j.status))).length;
      expect(w).toEqual({
        gap: failed > 0 ? 'BACKUPS_FAILING' : 'NO_BACKUPS',
        failedBackupCount: failed,
        workload: { id: toGlobalId('CommvaultClient', CV, client.clientId), name: client.clientName, upstream: { id: CV }, clientId: client.clientId },
      });
    }
    // The seed has both kinds: clients whose backups fail, and clients that stopped backing up.
    expect(new Set(got.map((w: any) => w.gap))).toEqual(new Set(['BACKUPS_FAILING', 'NO_BACKUPS']));
    // Ordered by name.
    const names = got.map((w: any) => w.workload.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

    // 1 login + 1 server list + the 7-day backup window's GET /Job pages + 1 client list (names, host names).
    const pages = windowPages(cutoffS, (j) => j.jobType === 'Backup');
    expect(sim.calls('GET /Job')).toBeLessThanOrEqual(pages);
    expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /V4/Servers': 1, 'GET /Client': 1, 'GET /Job': sim.calls('GET /Job') });
    expect(sim.stats().total).toBeLessThanOrEqual(3 + pages);
  });

  it('a 30-day window finds only the clients that never succeeded in 30 days (a subset)', async () => {
    const graph = await startGraph();
    const { result } = await graph.run(UNPROTECTED, { days: 30 });
    expect(result.errors).toBeUndefined();
    const cutoffS = Date.now() / 1000 - 30 * DAY_S;
    // A VM's client has no agent of its own (its hypervisor's VM group backs it up): not a client workload.
    const vmClientIds = new Set(sim.data.virtualMachines.map((v) => v.clientId));
    const expected = sim.data.clients
      .filter((c) => !vmClientIds.has(c.clientId) && !backupsOf(c.clientId).some((j) => j.startTime >= cutoffS && SUCCESS.has(statusOf(j.status))))
      .map((c) => c.clientId)
      .sort((a, b) => a - b);
    const got = result.data.unprotectedWorkloads.map((w: any) => w.workload.clientId).sort((a: number, b: number) => a - b);
    expect(got).toEqual(expected);
    for (const id of got) expect(sim.data.unprotectedClientIds).toContain(id);
  });

  it('shows the last successful backup and the last backup job from each client\'s history: one GET /Job per workload', async () => {
    const graph = await startGraph();
    sim.reset();
    const { result } = await graph.run(WITH_HISTORY);
    expect(result.errors).toBeUndefined();
    const got = result.data.unprotectedWorkloads;
    expect(got).toHaveLength(sim.data.unprotectedClientIds.length);
    for (const w of got) {
      const backups = backupsOf(w.workload.clientId);
      const lastSuccess = backups.find((j) => SUCCESS.has(statusOf(j.status)));
      const last = backups[0];
      expect(w.lastSuccessfulBackupAt).toEqual(lastSuccess ? new Date(lastSuccess.startTime * 1000).toISOString() : null);
      expect(w.workload.lastSuccessfulBackupAt).toEqual(w.lastSuccessfulBackupAt);
      expect(w.lastJobStatus).toBe(last ? statusOf(last.status) : null);
      expect(w.lastJob?.jobId ?? null).toBe(last?.jobId ?? null);
      // Unprotected: the last success, if any, started before the 7-day window.
      if (w.lastSuccessfulBackupAt) expect(Date.parse(w.lastSuccessfulBackupAt)).toBeLessThan(Date.now() - 7 * DAY_S * 1000);
    }
    expect(got.some((w: any) => w.lastSuccessfulBackupAt !== null)).toBe(true);
    // The window walk's pages + one history page per unprotected client, shared by the three history
    // fields and by workload.lastSuccessfulBackupAt (one loader).
    const pages = windowPages(Date.now() / 1000 - 7 * DAY_S, (j) => j.jobType === 'Backup');
    expect(sim.calls('GET /Job')).toBeLessThanOrEqual(pages + sim.data.unprotectedClientIds.length);
    expect(sim.calls('GET /Job')).toBeGreaterThanOrEqual(1 + sim.data.unprotectedClientIds.length);
  });

  it('CommvaultClient.lastSuccessfulBackupAt of a protected client is its newest successful backup', async () => {
    const clientId = sim.data.clients.find((c) => !c.isInfrastructure && !sim.data.unprotectedClientIds.includes(c.clientId))!.clientId;
    const graph = await startGraph();
    const { result } = await graph.run(`query($id: Int!) { commvaultClient(upstream: "${CV}", clientId: $id) { lastSuccessfulBackupAt } }`, { id: clientId });
    expect(result.errors).toBeUndefined();
    const newest = backupsOf(clientId).find((j) => SUCCESS.has(statusOf(j.status)))!;
    expect(result.data.commvaultClient.lastSuccessfulBackupAt).toEqual(new Date(newest.startTime * 1000).toISOString());
    expect(newest.startTime).toBeGreaterThanOrEqual(sim.data.generatedAt - 7 * DAY_S);
  });

  it.each([0, 366, -1])('rejects days: %d with BAD_USER_INPUT', async (days) => {
    const graph = await startGraph();
    const { result } = await graph.run(UNPROTECTED, { days });
    expect(codes(result)).toEqual([ErrorCode.BAD_USER_INPUT]);
  });
});

describe('capacity and DDB alerts', () => {
  it('capacityAlerts: the WARNING and CRITICAL pools, CRITICAL first then least free, in 2 upstream calls', async () => {
    const graph = await startGraph();
    sim.reset();
    const { result } = await graph.run(`{ capacityAlerts { id name severity freePercent ... on CommvaultStoragePool { storagePoolId } } }`);
    expect(result.errors).toBeUndefined();
    const rank = { CRITICAL: 0, WARNING: 1 } as const;
    const expected = sim.data.storagePools
      .map((p) => {
        const free = (p.freeMB / p.capacityMB) * 100;
        return { storagePoolId: p.storagePoolId, free, severity: free < 10 ? 'CRITICAL' : free < 20 ? 'WARNING' : 'OK' };
      })
      .filter((p): p is typeof p & { severity: 'CRITICAL' | 'WARNING' } => p.severity !== 'OK')
      .sort((a, b) => rank[a.severity] - rank[b.severity] || a.free - b.free);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.data.capacityAlerts.map((t: any) => [t.storagePoolId, t.severity])).toEqual(expected.map((p) => [p.storagePoolId, p.severity]));
    expect(sim.stats().byRoute).toEqual({ 'POST /Login': 1, 'GET /StoragePool': 1 });
  });

  it('ddbAlerts: the WARNING and CRITICAL stores by Q&I time, CRITICAL first then slowest, one detail call per store', async () => {
    const graph = await startGraph();
    sim.reset();
    const { result } = await graph.run(`{ ddbAlerts { storeId severity avgQiMicros storagePolicyName partitions { subStoreId } } }`);
    expect(result.errors).toBeUndefined();
    const rank = { CRITICAL: 0, WARNING: 1 } as const;
    const expected = sim.data.ddbStores
      .map((d) => {
        const qi = Math.max(...d.partitions.map((p) => p.avgQITime));
        return { storeId: d.storeId, qi, severity: qi > 2000 ? 'CRITICAL' : qi > 1000 ? 'WARNING' : 'OK' };
      })
      .filter((d): d is typeof d & { severity: 'CRITICAL' | 'WARNING' } => d.severity !== 'OK')
      .sort((a, b) => rank[a.severity] - rank[b.severity] || b.qi - a.qi);
    expect(expected.length).toBeGreaterThan(0);
    expect(result.data.ddbAlerts.map((d: any) => [d.storeId, d.severity, d.avgQiMicros])).toEqual(expected.map((d) => [d.storeId, d.severity, d.qi]));
    for (const d of result.data.ddbAlerts) {
      expect(d.storagePolicyName).toBeTruthy();
      expect(d.partitions).toHaveLength(sim.data.ddbStores.find((s) => s.storeId === d.storeId)!.partitions.length);
    }
    // 1 login + 1 engine list + 1 DDBInformation per store (partitions come from the same answers).
    expect(sim.stats().total).toBe(2 + sim.data.ddbStores.length);
  });
});

describe('the EstateHealth operation', () => {
  it('runs every monitoring field in one request with a bounded number of upstream calls', async () => {
    const graph = await startGraph();
    sim.reset();
    const { result } = await graph.run(graphql.print(EstateHealthDocument), { upstream: CV });
    expect(result.errors).toBeUndefined();
    const data = result.data;
    expect(data.jobStatusSummary.total).toBeGreaterThan(0);
    expect(data.unprotectedWorkloads.map((w: any) => w.workload.clientId).sort((a: number, b: number) => a - b)).toEqual(sim.data.unprotectedClientIds);
    expect(data.capacityAlerts.length).toBeGreaterThan(0);
    expect(data.ddbAlerts.length).toBeGreaterThan(0);

    // Bound: 1 login; jobs: the 24 h window (1 page) + the 7-day backup window (its pages) + 1 history
    // page per unprotected client; 1 V4 server list; 1 client list; 1 pool list; 1 DDB engine list + 1
    // DDBInformation per store.
    const nowS = Date.now() / 1000;
    const jobCalls = windowPages(nowS - DAY_S) + windowPages(nowS - 7 * DAY_S, (j) => j.jobType === 'Backup') + sim.data.unprotectedClientIds.length;
    const bound = 1 + jobCalls + 1 + 1 + 1 + 1 + sim.data.ddbStores.length;
    expect(sim.calls('GET /Job')).toBeLessThanOrEqual(jobCalls);
    expect(sim.stats().total).toBeLessThanOrEqual(bound);
  });
});
