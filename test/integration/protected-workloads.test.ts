import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackupDrSimulator } from '../../simulators/backupdr/index.js';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import { DEMO_UPSTREAMS } from '../../src/products.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { DEMO_ESTATE } from '../helpers/demo-estate.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

/*
 * ProtectedWorkload and `unprotectedWorkloads` on the demo estate: the five demo upstreams' own simulators
 * (their seeds, base paths and Cloud tenant budget, from each product's demo.ts), behind one gateway.
 * Every expectation is computed here from the simulators' seeded data by the rules docs/schema.md states
 * ("Protected workloads"), and every call count from the simulators' request logs.
 */

type CvJob = CommvaultSimulator['data']['jobs'][number];
type BdrJob = BackupDrSimulator['data']['jobs'][number];
type Estate = Array<{ id: string; kind: 'commvault'; sim: CommvaultSimulator } | { id: string; kind: 'backupdr'; sim: BackupDrSimulator }>;

const DAY_S = 86_400;
/** docs/schema.md: a Commvault backup succeeded when Completed (with or without errors or warnings); it failed when Failed or Killed. */
const CV_SUCCESS = new Set(['Completed', 'Completed w/ one or more errors', 'Completed w/ one or more warnings']);
const CV_FAILURE = new Set(['Failed', 'Killed']);
/** docs/schema.md: a console application's backups are its capture jobs; copies, mounts, expirations and log jobs are not. */
const CAPTURE_CLASSES = new Set(['snapshot', 'dedup', 'DirectOnVault']);
const BDR_FAILURE = new Set(['failed', 'canceled']);
/** Pages the gateway reads console lists in, and the most ids one console id union carries. */
const CONSOLE_PAGE = 1000;
const IDS_PER_UNION = 200;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

let estate: Estate;
let frozenAt: number;
const gateways: TestGateway[] = [];

/** A gateway over the five demo upstreams with an empty cache, so each test counts cold calls. */
async function gateway(): Promise<TestGateway> {
  const gw = await startTestGateway({
    upstreams: DEMO_UPSTREAMS.map((d) => d.upstreamInput(estate.find((u) => u.id === d.id)!.sim.port)),
  });
  gateways.push(gw);
  for (const u of estate) u.sim.reset();
  return gw;
}

beforeAll(async () => {
  expect(DEMO_UPSTREAMS.map((d) => d.id)).toEqual(DEMO_ESTATE.map((u) => u.id));
  // The clock stands still, so no seeded running job ends while the test compares the gateway with the seed.
  frozenAt = Date.now();
  const options = { port: 0, latencyMs: 0, now: () => frozenAt };
  estate = await Promise.all(
    DEMO_ESTATE.map(async (u) => {
      const sim = await DEMO_UPSTREAMS.find((d) => d.id === u.id)!.start(options);
      return u.kind === 'BACKUPDR' ? { id: u.id, kind: 'backupdr' as const, sim: sim as BackupDrSimulator } : { id: u.id, kind: 'commvault' as const, sim: sim as CommvaultSimulator };
    }),
  );
}, 60_000);

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

afterAll(async () => {
  await Promise.all((estate ?? []).map((u) => u.sim.close()));
});

interface Expected {
  __typename: string;
  id: string;
  name: string;
  hostName: string | null;
  upstream: string;
  gap: 'BACKUPS_FAILING' | 'NO_BACKUPS';
  failedBackupCount: number;
}

/** Commvault: clients with an agent and no successful backup job started since the cutoff, by name then id. */
function unprotectedClients(id: string, sim: CommvaultSimulator, cutoffS: number): Expected[] {
  const withAgent = new Set(sim.data.agents.map((a) => a.clientId));
  const backups = sim.data.jobs.filter((j) => j.jobType === 'Backup' && j.startTime >= cutoffS);
  return sim.data.clients
    .filter((c) => withAgent.has(c.clientId) && !backups.some((j) => j.clientId === c.clientId && CV_SUCCESS.has(j.status)))
    .map((c) => ({ c, name: c.clientName }))
    .sort((a, b) => byName(a, b) || a.c.clientId - b.c.clientId)
    .map(({ c }) => {
      const failed = backups.filter((j) => j.clientId === c.clientId && CV_FAILURE.has(j.status)).length;
      return {
        __typename: 'CommvaultClient',
        id: toGlobalId('CommvaultClient', id, c.clientId),
        name: c.clientName,
        hostName: c.hostName,
        upstream: id,
        gap: failed > 0 ? 'BACKUPS_FAILING' : 'NO_BACKUPS',
        failedBackupCount: failed,
      };
    });
}

/** A console: applications an SLA manages with no successful capture job started since the cutoff, by name then id. */
function unprotectedApplications(id: string, sim: BackupDrSimulator, cutoffUs: number): Expected[] {
  const hosts = new Map(sim.data.hosts.map((h) => [h.id, h.hostname]));
  const captures = sim.data.jobs.filter((j) => CAPTURE_CLASSES.has(j.jobclass) && j.startdate !== null && j.startdate >= cutoffUs);
  return sim.data.applications
    .filter((a) => a.managed && !captures.some((j) => j.appId === a.id && j.status === 'succeeded'))
    .sort((a, b) => byName(a, b) || Number(a.id) - Number(b.id))
    .map((a) => {
      const failed = captures.filter((j) => j.appId === a.id && BDR_FAILURE.has(j.status)).length;
      return {
        __typename: 'BackupDrApplication',
        id: toGlobalId('BackupDrApplication', id, a.id),
        name: a.name,
        hostName: hosts.get(a.hostId) ?? null,
        upstream: id,
        gap: failed > 0 ? 'BACKUPS_FAILING' : 'NO_BACKUPS',
        failedBackupCount: failed,
      };
    });
}

const UNPROTECTED = /* GraphQL */ `
  query Unprotected($days: Int) {
    unprotectedWorkloads(days: $days) {
      gap
      failedBackupCount
      workload { __typename id name hostName upstream { id } }
    }
  }
`;

interface Row {
  gap: string;
  failedBackupCount: number;
  workload: { __typename: string; id: string; name: string; hostName: string | null; upstream: { id: string } };
}
const flat = (rows: Row[]): Expected[] =>
  rows.map((r) => ({ ...r.workload, upstream: r.workload.upstream.id, gap: r.gap as Expected['gap'], failedBackupCount: r.failedBackupCount }));

describe('unprotectedWorkloads on the demo estate', () => {
  it('lists exactly the seeded workloads of both products with no successful backup in 7 days, by upstream then name', async () => {
    const gw = await gateway();
    const nowMs = Date.now();
    const res = await gw.query<{ unprotectedWorkloads: Row[] }>(UNPROTECTED);
    expect(res.body.errors).toBeUndefined();
    const expected = estate.flatMap((u) =>
      u.kind === 'commvault' ? unprotectedClients(u.id, u.sim, (nowMs - 7 * DAY_S * 1000) / 1000) : unprotectedApplications(u.id, u.sim, (nowMs - 7 * DAY_S * 1000) * 1000),
    );
    expect(flat(res.body.data!.unprotectedWorkloads)).toEqual(expected);
    // Every upstream has some, and the estate has both gaps.
    for (const u of estate) expect(expected.filter((w) => w.upstream === u.id).length, u.id).toBeGreaterThan(0);
    expect(new Set(expected.map((w) => w.gap))).toEqual(new Set(['BACKUPS_FAILING', 'NO_BACKUPS']));
  });

  it('a 30-day window on the consoles: only applications that never succeeded in 30 days', async () => {
    const gw = await gateway();
    const nowMs = Date.now();
    const res = await gw.query<{ unprotectedWorkloads: Row[] }>(
      `query($u: ID) { unprotectedWorkloads(upstream: $u, days: 30) { gap failedBackupCount workload { __typename id name hostName upstream { id } } } }`,
      { u: 'bdr-demo-2' },
    );
    expect(res.body.errors).toBeUndefined();
    const console2 = estate.find((u) => u.id === 'bdr-demo-2')!.sim as BackupDrSimulator;
    const expected = unprotectedApplications('bdr-demo-2', console2, (nowMs - 30 * DAY_S * 1000) * 1000);
    expect(flat(res.body.data!.unprotectedWorkloads)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('stays within its stated calls: per CommServe the servers, the clients and the window\'s job pages; per console its managed applications and the window\'s capture jobs, 1000 a page', async () => {
    const gw = await gateway();
    const nowMs = Date.now();
    const res = await gw.query<{ unprotectedWorkloads: Row[] }>(UNPROTECTED);
    expect(res.body.errors).toBeUndefined();
    const cutoffMs = nowMs - 7 * DAY_S * 1000;
    for (const u of estate) {
      const routes = u.sim.stats().byRoute;
      if (u.kind === 'commvault') {
        // `GET /Job` pages of the 7-day window: every job the lookup can return (finished after the cutoff less its slack, or active).
        const lookupS = cutoffMs / 1000 - 600;
        const visible = u.sim.data.jobs.filter((j: CvJob) => j.jobType === 'Backup' && (j.endTime === 0 || j.endTime >= lookupS)).length;
        expect(routes['GET /Job'], u.id).toBeLessThanOrEqual(Math.max(1, Math.ceil(visible / 1000)));
        expect(routes, u.id).toEqual({ 'POST /Login': 1, 'GET /V4/Servers': 1, 'GET /Client': 1, 'GET /Job': routes['GET /Job'] });
      } else {
        const managed = u.sim.data.applications.filter((a) => a.managed).length;
        const finishedCaptures = u.sim.data.jobs.filter(
          (j: BdrJob) => CAPTURE_CLASSES.has(j.jobclass) && j.startdate !== null && j.startdate >= cutoffMs * 1000 && j.status !== 'running' && j.status !== 'queued',
        ).length;
        // The login and the job list's OPTIONS (once an hour), then ⌊M/1000⌋ + 1 and ⌊J/1000⌋ + 1 pages.
        expect(routes, u.id).toEqual({
          'POST /session': 1,
          'OPTIONS /jobhistory': 1,
          'GET /application': Math.floor(managed / CONSOLE_PAGE) + 1,
          'GET /jobhistory': Math.floor(finishedCaptures / CONSOLE_PAGE) + 1,
        });
      }
    }
  });
});
