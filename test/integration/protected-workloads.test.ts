import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackupDrSimulator } from '../../simulators/backupdr/index.js';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import { DEMO_UPSTREAMS } from '../../src/products.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { DEMO_ESTATE } from '../helpers/demo-estate.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { CAPTURE_CLASSES, CV_SUCCESS, unprotectedApplications, unprotectedClients, type Expected } from '../helpers/unprotected-expected.js';

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
/** Pages the gateway reads console lists in, and the most ids one console id union carries. */
const CONSOLE_PAGE = 1000;
const IDS_PER_UNION = 200;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

let estate: Estate;
let frozenAt: number;
const gateways: TestGateway[] = [];

/** A gateway over the five demo upstreams with an empty cache, so each test counts cold calls. */
async function gateway(): Promise<TestGateway> {
  const gw = await startTestGateway({
    upstreams: DEMO_UPSTREAMS.map((d) => {
      const sim = estate.find((u) => u.id === d.id)!.sim;
      const input = d.upstreamInput(sim.port);
      // A console whose token the gateway mints learns its local token service here, as in demo mode.
      (sim as { configure?: (upstream: never) => void }).configure?.(input as never);
      return input;
    }),
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

  it('a window in hours (what the alert rule asks): the workloads with no successful backup in the last 48 h; hours under 1 are BAD_USER_INPUT', async () => {
    const gw = await gateway();
    const nowMs = Date.now();
    const res = await gw.query<{ unprotectedWorkloads: Row[] }>(
      `query { unprotectedWorkloads(hours: 48) { gap failedBackupCount workload { __typename id name hostName upstream { id } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const cutoffMs = nowMs - 48 * 3_600_000;
    const expected = estate.flatMap((u) => (u.kind === 'commvault' ? unprotectedClients(u.id, u.sim, cutoffMs / 1000) : unprotectedApplications(u.id, u.sim, cutoffMs * 1000)));
    expect(flat(res.body.data!.unprotectedWorkloads)).toEqual(expected);
    // Fewer days, fewer successes: at least the 7-day list.
    const week = estate.flatMap((u) => (u.kind === 'commvault' ? unprotectedClients(u.id, u.sim, (nowMs - 7 * DAY_S * 1000) / 1000) : unprotectedApplications(u.id, u.sim, (nowMs - 7 * DAY_S * 1000) * 1000)));
    expect(expected.length).toBeGreaterThan(week.length);
    // (Past 8760 the cost estimate of a year's job pages refuses it first.)
    for (const hours of [0, -5]) {
      const bad = await gw.query(`query($h: Int) { unprotectedWorkloads(hours: $h) { gap } }`, { h: hours });
      expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
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
    // Past 10 pages the walk asks the HEAD count once (to refuse a window over 50 pages at once), then reads on.
    const fromUs = Math.floor((nowMs - 30 * DAY_S * 1000) / 60_000) * 60_000 * 1000;
    const finished = console2.data.jobs.filter((j) => CAPTURE_CLASSES.has(j.jobclass) && j.startdate !== null && j.startdate >= fromUs && j.status !== 'running' && j.status !== 'queued').length;
    expect(Math.floor(finished / CONSOLE_PAGE) + 1).toBeGreaterThan(10);
    expect(console2.stats().byRoute).toMatchObject({ 'HEAD /jobhistory': 1, 'GET /jobhistory': Math.floor(finished / CONSOLE_PAGE) + 1 });
  });

  it('keeps the other upstreams\' workloads when a console fails, and reports that console at the field\'s path', async () => {
    const gw = await gateway();
    const failing = consoles()[0]!;
    // Every console answer becomes its relayed-appliance error (HTTP 200 with err_code 10023).
    failing.sim.setFaults({ errList: { count: 1000 } });
    const nowMs = Date.now();
    const res = await gw.query<{ unprotectedWorkloads: Row[] }>(UNPROTECTED);
    failing.sim.reset();
    const expected = estate
      .filter((u) => u.id !== failing.id)
      .flatMap((u) =>
        u.kind === 'commvault' ? unprotectedClients(u.id, u.sim, (nowMs - 7 * DAY_S * 1000) / 1000) : unprotectedApplications(u.id, u.sim, (nowMs - 7 * DAY_S * 1000) * 1000),
      );
    expect(flat(res.body.data!.unprotectedWorkloads)).toEqual(expected);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]).toMatchObject({ path: ['unprotectedWorkloads'], extensions: { code: 'UPSTREAM_ERROR', upstream: { instance: failing.id } } });
  });

  it('stays within its stated calls: per CommServe the servers, the clients and the window\'s job pages; per console its managed applications and the window\'s capture jobs, 1000 a page', async () => {
    const gw = await gateway();
    const nowMs = Date.now();
    const res = await gw.query<{ unprotectedWorkloads: Row[] }>(UNPROTECTED);
    expect(res.body.errors).toBeUndefined();
    const cutoffMs = nowMs - 7 * DAY_S * 1000;
    const cold = estate.map((u) => u.sim.stats().total);
    const coldRoutes = new Map(estate.map((u) => [u.id, { ...u.sim.stats().byRoute }]));
    // Asked again at once, every list is answered from the cache: the window is sent by the minute (a
    // repeat that starts in the next minute asks that minute's window once more).
    const again = await gw.query<{ unprotectedWorkloads: Row[] }>(UNPROTECTED);
    expect(again.body.errors).toBeUndefined();
    if (Math.floor(Date.now() / 60_000) === Math.floor(nowMs / 60_000)) expect(estate.map((u) => u.sim.stats().total)).toEqual(cold);
    else for (const [i, u] of estate.entries()) expect(u.sim.stats().total).toBeLessThanOrEqual(2 * cold[i]!);
    for (const u of estate) {
      const routes = coldRoutes.get(u.id)!;
      if (u.kind === 'commvault') {
        // `GET /Job` pages of the 7-day window: every job the lookup can return (finished after the cutoff less its slack, or active).
        const lookupS = cutoffMs / 1000 - 600;
        const visible = u.sim.data.jobs.filter((j: CvJob) => j.jobType === 'Backup' && (j.endTime === 0 || j.endTime >= lookupS)).length;
        expect(routes['GET /Job'], u.id).toBeLessThanOrEqual(Math.max(1, Math.ceil(visible / 1000)));
        expect(routes, u.id).toEqual({ 'POST /Login': 1, 'GET /V4/Servers': 1, 'GET /Client': 1, 'GET /Job': routes['GET /Job'] });
      } else {
        const managed = u.sim.data.applications.filter((a) => a.managed).length;
        // The window as sent: from the cutoff's whole minute.
        const fromUs = Math.floor(cutoffMs / 60_000) * 60_000 * 1000;
        const finishedCaptures = u.sim.data.jobs.filter(
          (j: BdrJob) => CAPTURE_CLASSES.has(j.jobclass) && j.startdate !== null && j.startdate >= fromUs && j.status !== 'running' && j.status !== 'queued',
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

/** A console's capture jobs of some applications, as `/jobstatus` sorts them newest start first: undated first, then by start, then id, descending. */
function capturesNewestFirst(sim: BackupDrSimulator, appIds: ReadonlySet<string>): BdrJob[] {
  return sim.data.jobs
    .filter((j) => CAPTURE_CLASSES.has(j.jobclass) && appIds.has(j.appId))
    .sort((a, b) => (a.startdate === null ? (b.startdate === null ? 0 : -1) : b.startdate === null ? 1 : b.startdate - a.startdate) || Number(b.id) - Number(a.id));
}

/**
 * The `/jobstatus` calls docs/schema.md states for the backup facts of these applications: per 200, an id
 * union of 1000 jobs; if full, a second one over those without a success on it; if full again, one each.
 */
function captureFactCalls(sim: BackupDrSimulator, appIds: readonly string[]): number {
  let calls = 0;
  for (let i = 0; i < appIds.length; i += IDS_PER_UNION) {
    let open = appIds.slice(i, i + IDS_PER_UNION);
    for (let round = 0; round < 2 && open.length > 0; round++) {
      calls += 1;
      const jobs = capturesNewestFirst(sim, new Set(open));
      if (jobs.length < CONSOLE_PAGE) open = [];
      const page = jobs.slice(0, CONSOLE_PAGE);
      open = open.filter((id) => !page.some((j) => j.appId === id && j.status === 'succeeded'));
    }
    calls += open.length;
  }
  return calls;
}

/** An application's newest successful capture and newest capture job, from the seed. */
function factsOf(upstream: string, sim: BackupDrSimulator, appId: string) {
  const jobs = capturesNewestFirst(sim, new Set([appId]));
  const dated = jobs.filter((j) => j.startdate !== null);
  const success = dated.find((j) => j.status === 'succeeded');
  const last = dated[0] ?? jobs[0];
  const STATUS = { succeeded: 'COMPLETED', failed: 'FAILED', canceled: 'KILLED', running: 'RUNNING', queued: 'WAITING' } as const;
  return {
    lastSuccessfulBackupAt: iso(success ? (success.startdate as number) / 1000 : null),
    lastJobStatus: last ? STATUS[last.status] : null,
    lastJobId: last ? toGlobalId('BackupDrJob', upstream, last.id) : null,
  };
}

const consoles = () => estate.filter((u): u is Extract<Estate[number], { kind: 'backupdr' }> => u.kind === 'backupdr');

describe('console applications as ProtectedWorkload', () => {
  it('unprotected applications show their last successful capture and last capture job, from one or two id unions per console', async () => {
    const gw = await gateway();
    const res = await gw.query<{ unprotectedWorkloads: Array<{ lastSuccessfulBackupAt: string | null; lastJobStatus: string | null; lastJob: { id: string } | null; workload: { id: string; upstream: { id: string }; lastSuccessfulBackupAt: string | null } & { consoleId?: string } }> }>(
      `{ unprotectedWorkloads { lastSuccessfulBackupAt lastJobStatus lastJob { id } workload { id upstream { id } lastSuccessfulBackupAt ... on BackupDrApplication { consoleId } } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    for (const u of consoles()) {
      const rows = res.body.data!.unprotectedWorkloads.filter((w) => w.workload.upstream.id === u.id);
      expect(rows.length).toBeGreaterThan(0);
      for (const w of rows) {
        const facts = factsOf(u.id, u.sim, w.workload.consoleId!);
        expect({ id: w.workload.id, last: w.lastSuccessfulBackupAt, status: w.lastJobStatus, job: w.lastJob?.id ?? null }).toEqual({
          id: w.workload.id,
          last: facts.lastSuccessfulBackupAt,
          status: facts.lastJobStatus,
          job: facts.lastJobId,
        });
        // The workload's own field reads the same facts.
        expect(w.workload.lastSuccessfulBackupAt).toEqual(w.lastSuccessfulBackupAt);
      }
      expect(rows.some((w) => w.lastSuccessfulBackupAt !== null)).toBe(true);
      // The list's two lists, then the history: one loader for the three fields and workload.lastSuccessfulBackupAt.
      expect(u.sim.calls('GET /jobstatus'), u.id).toBe(captureFactCalls(u.sim, rows.map((w) => w.workload.consoleId!)));
    }
  });

  it('lastSuccessfulBackupAt and hostName of a page of 100 applications, managed or not, from one or two id unions', async () => {
    const u = consoles()[0]!;
    const gw = await gateway();
    const res = await gw.query<{ backupDr: { applications: { edges: Array<{ node: { consoleId: string; hostName: string | null; lastSuccessfulBackupAt: string | null } }> } } }>(
      `query($u: ID!) { backupDr(upstream: $u) { applications(first: 100) { edges { node { consoleId hostName lastSuccessfulBackupAt } } } } }`,
      { u: u.id },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.backupDr.applications.edges.map((e) => e.node);
    expect(nodes).toHaveLength(100);
    const hosts = new Map(u.sim.data.hosts.map((h) => [h.id, h.hostname]));
    const expected = [...u.sim.data.applications]
      .sort((a, b) => Number(a.id) - Number(b.id))
      .slice(0, 100)
      .map((a) => ({ consoleId: a.id, hostName: hosts.get(a.hostId) ?? null, lastSuccessfulBackupAt: factsOf(u.id, u.sim, a.id).lastSuccessfulBackupAt }));
    expect(nodes).toEqual(expected);
    // The page mixes applications backed up daily with ones never backed up.
    expect(nodes.some((n) => n.lastSuccessfulBackupAt === null)).toBe(true);
    expect(nodes.some((n) => n.lastSuccessfulBackupAt !== null)).toBe(true);
    const unions = captureFactCalls(u.sim, expected.map((n) => n.consoleId));
    expect(unions).toBeLessThanOrEqual(2);
    expect(u.sim.stats().byRoute).toEqual({ 'POST /session': 1, 'GET /application': 1, 'OPTIONS /jobstatus': 1, 'GET /jobstatus': unions });
  });
});

describe('Commvault subclients as ProtectedWorkload', () => {
  it('each subclient\'s lastSuccessfulBackupAt is its own newest successful backup and hostName its client\'s, from the clients\' POST /Jobs walk', async () => {
    const u = estate.find((e) => e.id === 'cv-demo') as Extract<Estate[number], { kind: 'commvault' }>;
    const clients = u.sim.data.clients.filter((c) => u.sim.data.subclients.some((s) => s.clientId === c.clientId)).slice(0, 10);
    const gw = await gateway();
    const res = await gw.query<{ [alias: string]: { subclients: Array<{ subclientId: number; hostName: string | null; lastSuccessfulBackupAt: string | null }> } }>(
      `{ ${clients.map((c, i) => `c${i}: commvaultClient(upstream: "cv-demo", clientId: ${c.clientId}) { subclients { subclientId hostName lastSuccessfulBackupAt } }`).join(' ')} }`,
    );
    expect(res.body.errors).toBeUndefined();
    const got = clients.flatMap((_, i) => res.body.data![`c${i}`]!.subclients);
    const expected = clients.flatMap((c) =>
      u.sim.data.subclients
        .filter((s) => s.clientId === c.clientId)
        .map((s) => {
          const newest = u.sim.data.jobs
            .filter((j) => j.subclientId === s.subclientId && j.jobType === 'Backup' && CV_SUCCESS.has(j.status))
            .reduce<number | null>((best, j) => (best === null || j.startTime > best ? j.startTime : best), null);
          return { subclientId: s.subclientId, hostName: c.hostName, lastSuccessfulBackupAt: iso(newest === null ? null : newest * 1000) };
        }),
    );
    expect([...got].sort((a, b) => a.subclientId - b.subclientId)).toEqual(expected.sort((a, b) => a.subclientId - b.subclientId));
    expect(got.some((s) => s.lastSuccessfulBackupAt !== null)).toBe(true);
    // One client list (names, host names), one subclient list per client, and the walk: no GET /Job per subclient.
    expect(u.sim.calls('GET /Job')).toBe(0);
    expect(u.sim.calls('GET /Client')).toBe(1);
    expect(u.sim.calls('POST /Jobs')).toBeGreaterThan(0);
    expect(u.sim.calls('POST /Jobs')).toBeLessThanOrEqual(Math.ceil(u.sim.data.jobs.filter((j) => clients.some((c) => c.clientId === j.clientId) && j.jobType === 'Backup').length / 1000));
  });
});
