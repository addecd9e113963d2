import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator, type Job } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * The capacity and job summary reports over the simulator's seeded jobs (real HTTP). Expectations are
 * worked out from the seed (`sim.data.jobs`, plans, policies), never from the gateway's answers.
 */
const CV = 'cv-reports';
const DAY_S = 86_400;
const byName = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base' });
const successful = (j: Job): boolean => j.status.startsWith('Completed');

describe('Commvault reports against the simulator', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;
  // A week that ended a day before the seed's "now": its jobs have finished.
  let since: number;
  let until: number;
  let window: string;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)] });
    until = sim.data.generatedAt - DAY_S;
    since = until - 7 * DAY_S;
    window = `since: "${new Date(since * 1000).toISOString()}", until: "${new Date(until * 1000).toISOString()}"`;
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });

  const inWindow = (j: Job): boolean => j.startTime >= since && j.startTime < until;

  /** The seed's capacity per client, computed here the way docs/upstreams/commvault-arrays-replication.md defines it. */
  function expectedCapacities() {
    const rows = new Map<number, { app: number; media: number; count: number; plans: Set<number>; newest: Map<number, { full?: Job; any: Job }> }>();
    for (const j of sim.data.jobs.filter((j) => j.jobType === 'Backup' && successful(j) && inWindow(j))) {
      const row = rows.get(j.clientId) ?? { app: 0, media: 0, count: 0, plans: new Set<number>(), newest: new Map() };
      rows.set(j.clientId, row);
      row.app += j.sizeOfApplication;
      row.media += j.sizeOfMediaOnDisk;
      row.count++;
      row.plans.add(j.planId);
      const isFull = j.backupLevel === 'Full' || j.backupLevel === 'Synthetic Full';
      const seen = row.newest.get(j.subclientId) ?? { any: j };
      if (j.startTime > seen.any.startTime || (j.startTime === seen.any.startTime && j.jobId > seen.any.jobId)) seen.any = j;
      if (isFull && (!seen.full || j.startTime > seen.full.startTime || (j.startTime === seen.full.startTime && j.jobId > seen.full.jobId))) seen.full = j;
      row.newest.set(j.subclientId, seen);
    }
    return [...rows].map(([clientId, r]) => {
      const pools = new Set<number>();
      for (const planId of r.plans) {
        const plan = sim.data.plans.find((p) => p.planId === planId)!;
        const policy = sim.data.storagePolicies.find((p) => p.storagePolicyId === plan.storagePolicyId)!;
        pools.add(policy.copies.find((c) => c.copyPrecedence === 1)!.storagePoolId);
      }
      return {
        clientId,
        name: sim.data.clients.find((c) => c.clientId === clientId)!.clientName,
        protectedBytes: [...r.newest.values()].reduce((sum, n) => sum + (n.full ?? n.any).sizeOfApplication, 0),
        applicationBytes: r.app,
        mediaBytes: r.media,
        successfulBackupCount: r.count,
        storagePoolIds: [...pools].sort((a, b) => a - b),
      };
    });
  }

  it('gives every client with a successful backup in the window its seeded capacity and pools, paged by name', async () => {
    const expected = expectedCapacities().sort((a, b) => byName(a.name, b.name) || a.clientId - b.clientId);
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.some((e) => e.storagePoolIds.length > 0)).toBe(true);
    const seen: any[] = [];
    let after: string | null = null;
    do {
      const res: any = await gw.query<any>(
        `query($after: String) { commvaultCapacityReport(${window}, first: 40, after: $after) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { clientId name protectedBytes applicationBytes mediaBytes dedupeRatio successfulBackupCount storagePools { storagePoolId } } } } }`,
        { after },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.commvaultCapacityReport.totalCount).toBe(expected.length);
      seen.push(...res.body.data.commvaultCapacityReport.edges.map((e: any) => e.node));
      after = res.body.data.commvaultCapacityReport.pageInfo.hasNextPage ? res.body.data.commvaultCapacityReport.pageInfo.endCursor : null;
    } while (after);
    expect(seen.map(({ dedupeRatio, storagePools, ...rest }) => ({ ...rest, storagePoolIds: storagePools.map((p: any) => p.storagePoolId) }))).toEqual(expected);
    for (const row of seen) expect(row.dedupeRatio).toBe(row.mediaBytes > 0 ? row.applicationBytes / row.mediaBytes : null);
  });

  it('gives the seeded job counts, data protected and written and average durations for the window', async () => {
    const res = await gw.query<any>(`{ commvaultJobSummaryReport(${window}) {
      upstream { id } total successCount failedCount backupCount dataProtectedBytes dataWrittenBytes averageDurationSeconds averageBackupDurationSeconds
    } }`);
    expect(res.body.errors).toBeUndefined();
    const jobs = sim.data.jobs.filter(inWindow);
    const backups = jobs.filter((j) => j.jobType === 'Backup');
    const good = backups.filter(successful);
    const mean = (list: Job[]) => {
      const done = list.filter((j) => j.endTime > 0);
      return done.reduce((sum, j) => sum + (j.endTime - j.startTime), 0) / done.length;
    };
    const [report] = res.body.data.commvaultJobSummaryReport;
    expect(report).toEqual({
      upstream: { id: CV },
      total: jobs.length,
      successCount: jobs.filter(successful).length,
      failedCount: jobs.filter((j) => j.status === 'Failed' || j.status === 'Killed').length,
      backupCount: backups.length,
      dataProtectedBytes: good.reduce((sum, j) => sum + j.sizeOfApplication, 0),
      dataWrittenBytes: good.reduce((sum, j) => sum + j.sizeOfMediaOnDisk, 0),
      averageDurationSeconds: expect.closeTo(mean(jobs), 6),
      averageBackupDurationSeconds: expect.closeTo(mean(backups), 6),
    });
    expect(report.failedCount).toBeGreaterThan(0);
  });

  it('costs the window\'s job pages, plan destinations and lists cold, and 0 calls warm', async () => {
    const doc = `{ commvaultCapacityReport(${window}, first: 20) { totalCount edges { node { clientId name protectedBytes dedupeRatio client { hostName } storagePools { name } } } }
      commvaultJobSummaryReport(${window}) { total dataProtectedBytes averageDurationSeconds } }`;
    sim.reset();
    const gw2 = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)] });
    try {
      const cold = await gw2.query<any>(doc);
      expect(cold.body.errors).toBeUndefined();
      const clientIds = new Set(cold.body.data.commvaultCapacityReport.edges.map((e: any) => e.node.clientId));
      const plansOfPage = new Set(sim.data.jobs.filter((j) => clientIds.has(j.clientId) && j.jobType === 'Backup' && successful(j) && inWindow(j)).map((j) => j.planId));
      const { 'GET /Job': jobPages, ...rest } = sim.stats().byRoute;
      expect(rest).toEqual({
        'POST /Login': 1,
        // One per plan the page's clients backed up under.
        'GET /V4/ServerPlan/{id}/BackupDestinations': plansOfPage.size,
        'GET /StoragePool': 1,
        'GET /Client': 1,
      });
      // The window's pages of 1000 (the capacity report's finished backups, and every job for the summary):
      // the CommServe lists every job since \`since\` (its lookup reaches back from now).
      const pagesSinceStart = Math.ceil(sim.data.jobs.filter((j) => j.startTime >= since).length / 1000);
      expect(jobPages).toBeGreaterThanOrEqual(2);
      expect(jobPages).toBeLessThanOrEqual(2 * pagesSinceStart);
      sim.reset();
      const warm = await gw2.query(doc);
      expect(warm.body).toEqual(cold.body);
      expect(sim.stats().total).toBe(0);
    } finally {
      await gw2.close();
    }
  });
});
