import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';

/**
 * `protectionSummary` over real HTTP against a CommServe and a console simulator. Every expectation is
 * computed here from the simulators' seeded data by the rule docs/schema.md states: per workload, the
 * start of its newest successful backup since the window's start — none: unprotected; before `staleSince`:
 * stale; else protected. The cutoffs are the ones the answer reports, checked against the clock.
 */
const CV_SUCCESS = new Set(['Completed', 'Completed w/ one or more errors', 'Completed w/ one or more warnings']);
const CAPTURE_CLASSES = new Set(['snapshot', 'dedup', 'DirectOnVault']);
const DAY_MS = 86_400_000;
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });

let cv: CommvaultSimulator;
let bdr: BackupDrSimulator;
let gw: TestGateway;

beforeAll(async () => {
  // The clock stands still, so no seeded job ends while the test compares.
  const frozenAt = Date.now();
  [cv, bdr] = await Promise.all([startCommvaultSimulator({ now: () => frozenAt }), startBackupDrSimulator({ now: () => frozenAt })]);
  gw = await startTestGateway({ upstreams: [commvaultUpstream('cv', cv.url), { id: 'bdr', kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' }] });
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await Promise.all([cv?.close(), bdr?.close()]);
});

interface Expected {
  id: string;
  /** Newest successful backup start since the cutoff, ms; null when none. */
  last: number | null;
}

/** Commvault: clients with an agent, by name then id; their newest successful backup started since the cutoff. */
function commvaultWorkloads(cutoffMs: number): Expected[] {
  const withAgent = new Set(cv.data.agents.map((a) => a.clientId));
  return cv.data.clients
    .filter((c) => withAgent.has(c.clientId))
    .map((c) => ({ c, name: c.clientName }))
    .sort((a, b) => byName(a, b) || a.c.clientId - b.c.clientId)
    .map(({ c }) => {
      const starts = cv.data.jobs.filter((j) => j.clientId === c.clientId && j.jobType === 'Backup' && CV_SUCCESS.has(j.status) && j.startTime * 1000 >= cutoffMs).map((j) => j.startTime * 1000);
      return { id: toGlobalId('CommvaultClient', 'cv', c.clientId), last: starts.length > 0 ? Math.max(...starts) : null };
    });
}

/** The console: managed applications, by name then id; their newest succeeded capture started since the cutoff. */
function consoleWorkloads(cutoffMs: number): Expected[] {
  return bdr.data.applications
    .filter((a) => a.managed)
    .sort((a, b) => byName(a, b) || Number(a.id) - Number(b.id))
    .map((a) => {
      const starts = bdr.data.jobs
        .filter((j) => j.appId === a.id && CAPTURE_CLASSES.has(j.jobclass) && j.status === 'succeeded' && j.startdate !== null && j.startdate / 1000 >= cutoffMs)
        .map((j) => Math.floor(j.startdate! / 1000));
      return { id: toGlobalId('BackupDrApplication', 'bdr', a.id), last: starts.length > 0 ? Math.max(...starts) : null };
    });
}

const SUMMARY = /* GraphQL */ `
  query Summary($upstream: ID, $days: Int, $stale: Int) {
    protectionSummary(upstream: $upstream, days: $days, staleAfterDays: $stale) {
      days staleAfterDays since staleSince totalCount protectedCount staleCount unprotectedCount protectedPercent
      protected { workload { id } lastSuccessfulBackupAt }
      stale { workload { id } lastSuccessfulBackupAt }
      unprotected { workload { id } gap }
    }
  }
`;

describe('protectionSummary', () => {
  it('splits every workload of both products into protected, stale and unprotected by its newest successful backup', async () => {
    const before = Date.now();
    const res = await gw.query<any>(SUMMARY, { days: 7, stale: 1 });
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data.protectionSummary;
    const since = Date.parse(s.since);
    const staleSince = Date.parse(s.staleSince);
    expect(since).toBeGreaterThanOrEqual(before - 7 * DAY_MS);
    expect(since).toBeLessThanOrEqual(Date.now() - 7 * DAY_MS);
    expect(staleSince - since).toBe(6 * DAY_MS);

    const all = [...commvaultWorkloads(since), ...consoleWorkloads(since)];
    const row = (w: Expected) => ({ workload: { id: w.id }, lastSuccessfulBackupAt: new Date(w.last!).toISOString() });
    const fresh = all.filter((w) => w.last !== null && w.last >= staleSince);
    const stale = all.filter((w) => w.last !== null && w.last < staleSince);
    const unprotected = all.filter((w) => w.last === null);
    expect(s.protected).toEqual(fresh.map(row));
    expect(s.stale).toEqual(stale.map(row));
    expect(s.unprotected.map((u: any) => u.workload.id)).toEqual(unprotected.map((w) => w.id));
    expect(s).toMatchObject({
      days: 7, staleAfterDays: 1, totalCount: all.length, protectedCount: fresh.length, staleCount: stale.length, unprotectedCount: unprotected.length,
      protectedPercent: Math.round(((fresh.length + stale.length) / all.length) * 10_000) / 100,
    });
    // The seed has all three kinds in both products.
    for (const prefix of ['Q29tbXZhdWx0Q2xpZW50', 'QmFja3VwRHJBcHBsaWNhdGlvbj']) {
      for (const list of [fresh, stale, unprotected]) expect(list.some((w) => w.id.startsWith(prefix))).toBe(true);
    }
    // Cold: a week of the console's capture jobs and the CommServe's job pages, on a shared machine.
  }, 120_000);

  it('its unprotected list is unprotectedWorkloads\' for the same days, and an upstream narrows it', async () => {
    const [summary, list] = await Promise.all([
      gw.query<any>(SUMMARY, { upstream: 'cv', days: 7, stale: 2 }),
      gw.query<any>('{ unprotectedWorkloads(upstream: "cv", days: 7) { workload { id } gap } }'),
    ]);
    expect(summary.body.errors).toBeUndefined();
    expect(summary.body.data.protectionSummary.unprotected).toEqual(list.body.data.unprotectedWorkloads);
    const ids = [...summary.body.data.protectionSummary.protected, ...summary.body.data.protectionSummary.stale].map((p: any) => p.workload.id);
    expect(ids.every((id: string) => id.startsWith('Q29tbXZhdWx0Q2xpZW50'))).toBe(true);
  });

  it('refuses staleAfterDays not below days with BAD_USER_INPUT, before any upstream call', async () => {
    const calls = cv.stats().total + bdr.stats().total;
    const res = await gw.query<any>(SUMMARY, { days: 3, stale: 3 });
    expect(res.body.errors?.map((e: any) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(cv.stats().total + bdr.stats().total).toBe(calls);
  });
});
