/*
 * The alert rules end to end, in-process: a demo CommServe and a demo console (their own simulators), one
 * gateway collecting into a PostgreSQL database of its own, and a webhook receiver. The test changes the
 * estate through the simulators' `POST /__sim/state` (a pool filling and freed, a MediaAgent and an
 * appliance going offline and back), and reads what the collections made of it through the graph's
 * `alerts`. Expectations come from the simulators' data, never from the gateway's answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupDrSimulator } from '../../simulators/backupdr/index.js';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import { DEMO_UPSTREAMS } from '../../src/products.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';
import { createTestDatabase, providePostgres } from '../helpers/postgres.js';
import { unprotectedApplications, unprotectedClients } from '../helpers/unprotected-expected.js';
import { webhookReceiver } from './webhook-receiver.js';

const postgres = await providePostgres();
const SECRET = 'alert-lifecycle-secret';
const HOUR = 3_600_000;
const CV = 'cv-demo';
const BDR = 'bdr-demo';
/** Short intervals for the areas under test; the others run once, at start. */
const INTERVALS = { capacity: 1_000, ddb: 600_000, infrastructure: 1_000, jobs: 2_000, protection: 600_000, events: 600_000, healthReport: 600_000, retention: 600_000 };

interface AlertRow {
  id: string;
  rule: string;
  severity: string;
  state: string;
  objectId: string | null;
  message: string;
  raisedAt: string;
  resolvedAt: string | null;
}

interface AlertPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: AlertRow }>;
}

const ALERTS = /* GraphQL */ `
  query Alerts($upstream: [ID!], $after: String) {
    alerts(filter: { upstream: $upstream }, first: 500, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id rule severity state objectId message raisedAt resolvedAt } }
    }
  }
`;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function setState(sim: { origin: string }, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await fetch(`${sim.origin}/__sim/state`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe.skipIf(!postgres.available)('alerts the collections raise, and resolve when the condition clears', () => {
  let cv: CommvaultSimulator;
  let bdr: BackupDrSimulator;
  let gw: TestGateway;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  const closers: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    const demo = (id: string) => DEMO_UPSTREAMS.find((d) => d.id === id)!;
    cv = (await demo(CV).start({ port: 0, latencyMs: 0 })) as CommvaultSimulator;
    closers.push(() => cv.close());
    bdr = (await demo(BDR).start({ port: 0, latencyMs: 0 })) as BackupDrSimulator;
    closers.push(() => bdr.close());
    const db = await createTestDatabase();
    closers.push(db.drop);
    hook = await webhookReceiver(SECRET);
    closers.push(hook.close);
    const upstreams = [
      [CV, cv],
      [BDR, bdr],
    ].map(([id, sim]) => {
      const input = demo(id as string).upstreamInput((sim as { port: number }).port);
      (sim as { configure?: (upstream: never) => void }).configure?.(input as never);
      return input;
    });
    gw = await startTestGateway({
      upstreams,
      store: { url: db.url },
      // Every collection reads the upstream, not an answer cached before the state changed.
      cache: { ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0 } },
      collectors: { tickMs: 200, intervalsMs: INTERVALS },
      alerts: { rules: { ddb: { enabled: false }, forecast: { enabled: false } } },
      notifications: { webhooks: [{ name: 'test', url: hook.url, secret: SECRET, events: ['RAISED', 'RESOLVED'] }] },
    });
    closers.push(() => gw.close());
  }, 60_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  async function alerts(upstream: string): Promise<AlertRow[]> {
    const rows: AlertRow[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse<{ alerts: AlertPage }> = await gw.query<{ alerts: AlertPage }>(ALERTS, { upstream: [upstream], after });
      expect(res.body.errors).toBeUndefined();
      const page: AlertPage = res.body.data!.alerts;
      rows.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return rows;
      after = page.pageInfo.endCursor;
    }
  }

  const ofObject = async (upstream: string, rule: string, objectId: string) => (await alerts(upstream)).filter((a) => a.rule === rule && a.objectId === objectId);
  /**
   * The deliveries of one alert's event. A delivery whose answer was late (a loaded machine) is sent again
   * with the same delivery id, which a receiver drops: the notification is each distinct id.
   */
  const hooksOf = (alertId: string, event: string) => [...new Set(hook.hooks.filter((h) => h.alertId === alertId && h.event === event).map((h) => h.deliveryId))];

  /**
   * Raises the condition through `raise`, waits for its alert, clears it through `clear`, waits for the
   * next collection to resolve it; then checks it was one alert, told once when raised and once when resolved.
   */
  async function raiseAndClear(upstream: string, rule: string, objectId: string, raise: () => Promise<unknown>, clear: () => Promise<unknown>): Promise<AlertRow> {
    expect(await ofObject(upstream, rule, objectId)).toEqual([]);
    const before = Date.now();
    await raise();
    const open = await until(`${rule} raised on ${objectId}`, async () => (await ofObject(upstream, rule, objectId)).find((a) => a.state === 'OPEN'));
    expect(Date.parse(open.raisedAt)).toBeGreaterThanOrEqual(before - INTERVALS.capacity);
    await until('the raise told', async () => (hooksOf(open.id, 'RAISED').length > 0 ? true : undefined));
    // Held over more collections: still one alert.
    await new Promise((r) => setTimeout(r, 3 * INTERVALS.infrastructure));
    expect((await ofObject(upstream, rule, objectId)).map((a) => [a.id, a.state])).toEqual([[open.id, 'OPEN']]);

    await clear();
    const resolved = await until(`${rule} on ${objectId} resolved`, async () => (await ofObject(upstream, rule, objectId)).find((a) => a.id === open.id && a.state === 'RESOLVED'));
    expect(resolved.resolvedAt).not.toBeNull();
    expect(Date.parse(resolved.resolvedAt!)).toBeGreaterThanOrEqual(Date.parse(open.raisedAt));
    expect(Date.parse(resolved.resolvedAt!)).toBeLessThanOrEqual(Date.now());
    await until('the resolution told', async () => (hooksOf(open.id, 'RESOLVED').length > 0 ? true : undefined));
    // More collections with the condition clear: nothing raised again, nothing told again.
    await new Promise((r) => setTimeout(r, 3 * INTERVALS.infrastructure));
    expect((await ofObject(upstream, rule, objectId)).map((a) => a.id)).toEqual([open.id]);
    expect(hooksOf(open.id, 'RAISED')).toHaveLength(1);
    expect(hooksOf(open.id, 'RESOLVED')).toHaveLength(1);
    expect(hook.hooks.filter((h) => h.alertId === open.id).every((h) => h.signatureValid)).toBe(true);
    return resolved;
  }

  it('unprotected workloads: the protection collection alerts exactly the workloads without a successful backup in 48 h', { timeout: 120_000 }, async () => {
    for (const upstream of [CV, BDR]) {
      const open = await until(`${upstream}'s unprotected workloads alerted`, async () => {
        const rows = (await alerts(upstream)).filter((a) => a.rule === 'WORKLOAD_UNPROTECTED' && a.state === 'OPEN');
        return rows.length > 0 ? rows : undefined;
      });
      // The window ends at the collection (the alerts' time), not now: the simulators' clock has moved on since.
      const cutoff = Math.min(...open.map((a) => Date.parse(a.raisedAt))) - 48 * HOUR;
      const expected = (upstream === CV ? unprotectedClients(CV, cv, cutoff / 1000) : unprotectedApplications(BDR, bdr, cutoff * 1000)).map((w) => w.id).sort();
      expect(expected.length, upstream).toBeGreaterThan(0);
      expect(open.map((a) => a.objectId).sort(), upstream).toEqual(expected);
    }
  });

  it('the simulators\' state control refuses an unknown id or a bad figure with 400, and then changes nothing', async () => {
    const pool = cv.data.storagePools[0]!;
    const freeMB = pool.freeMB;
    const post = (sim: { origin: string }, body: unknown) => fetch(`${sim.origin}/__sim/state`, { method: 'POST', body: JSON.stringify(body) });
    for (const body of [
      { storagePools: [{ id: pool.storagePoolId, freePercent: 5 }, { id: 999_999, freePercent: 5 }] },
      { storagePools: [{ id: pool.storagePoolId, freePercent: 101 }] },
      { mediaAgents: [{ id: cv.data.mediaAgents[0]!.mediaAgentId, online: 'no' }] },
      { storagePools: 'all' },
    ]) {
      const res = await post(cv, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(pool.freeMB).toBe(freeMB);
    expect((await post(bdr, { appliances: [{ id: 'nope', online: true }] })).status).toBe(400);
    expect((await post(bdr, [])).status).toBe(400);
  });

  it('a storage pool under 10 % free raises one CRITICAL alert; freed, the next collection resolves it', { timeout: 120_000 }, async () => {
    // A pool with plenty free, so no alert is open on it before the test fills it.
    const pool = cv.data.storagePools.find((p) => p.capacityMB > 0 && p.freeMB / p.capacityMB > 0.4)!;
    const id = toGlobalId('CommvaultStoragePool', CV, pool.storagePoolId);
    const freeMB = pool.freeMB;
    await until('the first capacity collection', async () => ((await alerts(CV)).some((a) => a.rule === 'CAPACITY_FREE') ? true : undefined));
    const alert = await raiseAndClear(
      CV,
      'CAPACITY_FREE',
      id,
      () => setState(cv, { storagePools: [{ id: pool.storagePoolId, freePercent: 5 }] }),
      () => setState(cv, { storagePools: [{ id: pool.storagePoolId, freePercent: (freeMB / pool.capacityMB) * 100 }] }),
    );
    expect(alert).toMatchObject({ severity: 'CRITICAL', message: expect.stringContaining(pool.storagePoolName) });
  });

  it('a MediaAgent offline raises NODE_OFFLINE; back online, the next collection resolves it', { timeout: 120_000 }, async () => {
    const agent = cv.data.mediaAgents.find((m) => m.online && !m.maintenanceMode)!;
    const id = toGlobalId('CommvaultMediaAgent', CV, agent.mediaAgentId);
    const alert = await raiseAndClear(
      CV,
      'NODE_OFFLINE',
      id,
      () => setState(cv, { mediaAgents: [{ id: agent.mediaAgentId, online: false }] }),
      () => setState(cv, { mediaAgents: [{ id: agent.mediaAgentId, online: true }] }),
    );
    expect(alert).toMatchObject({ severity: 'CRITICAL', message: `MediaAgent ${agent.mediaAgentName} is offline` });
  });

  it('console appliances: the seeded stale one is alerted at once and resolves when it syncs; another goes offline and back', { timeout: 120_000 }, async () => {
    const stale = bdr.data.clusters.find((c) => c.stale)!;
    const staleId = toGlobalId('BackupDrAppliance', BDR, stale.id);
    const open = await until('the stale appliance alerted', async () => (await ofObject(BDR, 'NODE_OFFLINE', staleId)).find((a) => a.state === 'OPEN'));
    expect(open).toMatchObject({ severity: 'CRITICAL', message: `appliance ${stale.name} is offline` });
    await setState(bdr, { appliances: [{ id: stale.id, online: true }] });
    await until('the stale appliance resolved', async () => (await ofObject(BDR, 'NODE_OFFLINE', staleId)).find((a) => a.id === open.id && a.resolvedAt !== null));

    const other = bdr.data.clusters.find((c) => !c.stale && c.id !== stale.id)!;
    await raiseAndClear(
      BDR,
      'NODE_OFFLINE',
      toGlobalId('BackupDrAppliance', BDR, other.id),
      () => setState(bdr, { appliances: [{ id: other.id, online: false }] }),
      () => setState(bdr, { appliances: [{ id: other.id, online: true }] }),
    );
  });

  it('failed jobs: one alert per client with failed or killed jobs in the last 24 h, not one per job, each told once', { timeout: 120_000 }, async () => {
    const now = Date.now();
    // A job's workload is its subclient's client (the job summary's `subclient.clientName`).
    const clientName = new Map(cv.data.clients.map((c) => [c.clientId, c.clientName]));
    const subclientClient = new Map(cv.data.subclients.map((sc) => [sc.subclientId, sc.clientId]));
    const clientOf = (j: { subclientId: number }) => clientName.get(subclientClient.get(j.subclientId)!)!;
    // What the jobs collection reads (jobs started in the last 24 h) and the rule keeps (failed, ended in the window).
    const failed = cv.data.jobs.filter((j) => (j.status === 'Failed' || j.status === 'Killed') && j.startTime * 1000 >= now - 24 * HOUR);
    const expected = [...new Set(failed.map(clientOf))].sort();
    expect(failed.length).toBeGreaterThan(expected.length);
    const open = await until('the failed-jobs alerts', async () => {
      const rows = (await alerts(CV)).filter((a) => a.rule === 'JOB_FAILED' && a.state === 'OPEN');
      return rows.length >= expected.length ? rows : undefined;
    });
    expect(open.map((a) => a.objectId).sort()).toEqual(expected);
    const busiest = expected.map((name) => [name, failed.filter((j) => clientOf(j) === name).length] as const).sort((a, b) => b[1] - a[1])[0]!;
    if (busiest[1] > 1) expect(open.find((a) => a.objectId === busiest[0])!.message).toMatch(new RegExp(`^${busiest[1]} jobs of .* failed or were killed in the last 24 h`));
    await until('each told once', async () => (open.every((a) => hooksOf(a.id, 'RAISED').length === 1) ? true : undefined));
    expect(new Set(hook.hooks.filter((h) => h.event === 'RAISED' && open.some((a) => a.id === h.alertId)).map((h) => h.deliveryId)).size).toBe(open.length);
  });


});
