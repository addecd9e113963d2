import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator } from '../../simulators/commvault/index.js';
import type { HistoryStore, JobOutcomeRecord, StorageTargetSample } from '../../src/store/history-store.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { wsClient } from '../helpers/ws-client.js';

/**
 * The graph's history fields over a store the test fills with known rows (docs/history.md "Reading the
 * history"): every expectation is computed here from those rows, never taken from the gateway.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TB = 1e12;
const KEYS = { analyst: 'h-analyst', admin: 'h-admin', cvOnly: 'h-cv-only' };
const CV = 'cv-h';
const BDR = 'bdr-h';

let sim: Awaited<ReturnType<typeof startCommvaultSimulator>>;
let bdr: Awaited<ReturnType<typeof startBackupDrSimulator>>;
let gw: TestGateway;
let store: HistoryStore;
let dir: string;
/** Global ids of the simulators' storage targets, as the graph names them. */
let cvPools: string[];
let bdrPools: string[];

const sample = (targetId: string, upstreamId: string, at: number, totalBytes: number | null, usedBytes: number | null): StorageTargetSample => ({
  upstreamId,
  targetId,
  at,
  resolution: 'raw',
  totalBytes,
  freeBytes: totalBytes === null || usedBytes === null ? null : totalBytes - usedBytes,
  demo: false,
});

const as = (apiKey: string) => ({ apiKey });

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0 });
  bdr = await startBackupDrSimulator({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'bg-history-graph-'));
  gw = await startTestGateway({
    callers: [
      { id: 'h-analyst', apiKey: KEYS.analyst, role: 'analyst' },
      { id: 'h-admin', apiKey: KEYS.admin, role: 'admin' },
      { id: 'h-cv-only', apiKey: KEYS.cvOnly, role: 'analyst', upstreams: [CV] },
    ],
    upstreams: [commvaultUpstream(CV, sim.url), { id: BDR, kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' }],
    store: { dir },
    // The test writes every row itself: no collector adds its own.
    collectors: { enabled: false },
  });
  store = gw.gateway.history!;
  const pools = await gw.query<{ storagePools: Array<{ id: string; upstream: { id: string } }> }>('{ storagePools { id upstream { id } } }', {}, as(KEYS.analyst));
  cvPools = pools.body.data!.storagePools.filter((p) => p.upstream.id === CV).map((p) => p.id);
  bdrPools = pools.body.data!.storagePools.filter((p) => p.upstream.id === BDR).map((p) => p.id);
  expect(cvPools.length).toBeGreaterThanOrEqual(3);
  expect(bdrPools.length).toBeGreaterThanOrEqual(1);
}, 60_000);

afterAll(async () => {
  await gw?.close();
  await sim?.close();
  await bdr?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('StorageTarget.history', () => {
  it('answers the stored readings of the window, oldest first, and the last reading of each hour or day', async () => {
    const target = cvPools[0]!;
    // Readings every 15 minutes over 3 UTC days ending at a day boundary; used grows 1 GB per reading.
    const start = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
    const rows = Array.from({ length: 3 * 96 }, (_, i) => sample(target, CV, start + i * 15 * MIN, 100 * TB, 10 * TB + i * 1e9));
    await store.upsertStorageSamples(rows);
    const query = `query($since: DateTime!, $until: DateTime, $step: HistoryStep!) {
      storagePools { id history(since: $since, until: $until, step: $step) { at capacityBytes freeBytes usedBytes demo } } }`;
    const read = async (since: number, until: number, step: string) => {
      const res = await gw.query<{ storagePools: Array<{ id: string; history: Array<{ at: string; usedBytes: number; capacityBytes: number; freeBytes: number; demo: boolean }> }> }>(
        query,
        { since: new Date(since).toISOString(), until: new Date(until).toISOString(), step },
        as(KEYS.analyst),
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.storagePools.find((p) => p.id === target)!.history;
    };

    // Second day, 06:00 to 12:00: 24 readings, [since, until).
    const since = start + DAY + 6 * HOUR;
    const raw = await read(since, since + 6 * HOUR, 'RAW');
    expect(raw).toHaveLength(24);
    expect(raw[0]).toEqual({ at: new Date(since).toISOString(), capacityBytes: 100 * TB, freeBytes: 90 * TB - 120e9, usedBytes: 10 * TB + 120e9, demo: false });
    expect(raw.at(-1)!.at).toBe(new Date(since + 6 * HOUR - 15 * MIN).toISOString());

    const hourly = await read(since, since + 6 * HOUR, 'HOUR');
    expect(hourly.map((h) => h.at)).toEqual(Array.from({ length: 6 }, (_, h) => new Date(since + h * HOUR + 45 * MIN).toISOString()));

    const daily = await read(start, start + 3 * DAY, 'DAY');
    expect(daily.map((d) => [d.at, d.usedBytes])).toEqual(
      [0, 1, 2].map((d) => [new Date(start + d * DAY + DAY - 15 * MIN).toISOString(), 10 * TB + (d * 96 + 95) * 1e9]),
    );
    // Another target has no rows: an empty list, not an error.
    const others = await gw.query<{ storagePools: Array<{ id: string; history: unknown[] }> }>(query, { since: new Date(start).toISOString(), step: 'RAW' }, as(KEYS.analyst));
    expect(others.body.data!.storagePools.find((p) => p.id === bdrPools[0])!.history).toEqual([]);
  });

  it('refuses a window that ends before it starts, or spans more than 400 days, as BAD_USER_INPUT', async () => {
    const q = `query($since: DateTime!, $until: DateTime) { storagePools { history(since: $since, until: $until) { at } } }`;
    const backwards = await gw.query(q, { since: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' }, as(KEYS.analyst));
    expect(backwards.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const tooLong = await gw.query(q, { since: '2025-01-01T00:00:00Z', until: '2026-12-01T00:00:00Z' }, as(KEYS.analyst));
    expect(tooLong.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.body.errors?.[0]?.message).toMatch(/400 days/);
  });
});

describe('CommvaultDdbStore.history', () => {
  it('answers the stored Q&I readings of the store', async () => {
    const ddb = await gw.query<{ commvaultDdbStores: Array<{ id: string }> }>('{ commvaultDdbStores { id } }', {}, as(KEYS.analyst));
    const storeId = ddb.body.data!.commvaultDdbStores[0]!.id;
    const t0 = Date.now() - 2 * HOUR;
    await store.upsertDdbSamples([
      { upstreamId: CV, storeId, at: t0, resolution: 'raw', qiTimeMicros: 800, freeBytes: 5e11, online: true, demo: false },
      { upstreamId: CV, storeId, at: t0 + HOUR, resolution: 'raw', qiTimeMicros: 2300, freeBytes: 4e11, online: false, demo: false },
    ]);
    const res = await gw.query<{ commvaultDdbStores: Array<{ id: string; history: unknown[] }> }>(
      `query($since: DateTime!) { commvaultDdbStores { id history(since: $since) { at avgQiMicros freeBytes online demo } } }`,
      { since: new Date(t0 - MIN).toISOString() },
      as(KEYS.analyst),
    );
    expect(res.body.data!.commvaultDdbStores.find((s) => s.id === storeId)!.history).toEqual([
      { at: new Date(t0).toISOString(), avgQiMicros: 800, freeBytes: 5e11, online: true, demo: false },
      { at: new Date(t0 + HOUR).toISOString(), avgQiMicros: 2300, freeBytes: 4e11, online: false, demo: false },
    ]);
  });
});

describe('jobHistory', () => {
  const job = (upstreamId: string, jobId: string, status: string, startedAt: number, bytes: number | null, durationSeconds: number | null): JobOutcomeRecord => ({
    upstreamId,
    jobId,
    status,
    jobType: 'BACKUP',
    workloadId: null,
    workloadName: null,
    startedAt,
    endedAt: startedAt + (durationSeconds ?? 0) * 1000,
    bytes,
    durationSeconds,
    demo: false,
  });
  // Days long past what an upstream keeps: 200 days ago.
  const day0 = Math.floor(Date.now() / DAY) * DAY - 200 * DAY;

  it('counts each day\'s outcomes per upstream and together, with bytes and the average duration of jobs that report one', async () => {
    await store.upsertJobOutcomes([
      job(CV, 'j1', 'COMPLETED', day0 + HOUR, 100, 60),
      job(CV, 'j2', 'COMPLETED', day0 + 2 * HOUR, 300, 120),
      job(CV, 'j3', 'FAILED', day0 + 3 * HOUR, null, null),
      job(BDR, 'b1', 'COMPLETED', day0 + 4 * HOUR, 1000, 600),
      job(CV, 'j4', 'KILLED', day0 + DAY + HOUR, 50, 30),
      job(CV, 'j5', 'COMPLETED', day0 - 1, 7, 7), // the day before the window
    ]);
    const q = `query($since: DateTime!, $until: DateTime, $upstream: [ID!]) { jobHistory(since: $since, until: $until, upstream: $upstream) {
      days { day total bytes averageDurationSeconds byStatus { status count } }
      upstreams { upstream { id } days { day total bytes averageDurationSeconds byStatus { status count } } } } }`;
    const dayName = (t: number) => new Date(t).toISOString().slice(0, 10);
    const res = await gw.query<{ jobHistory: any }>(q, { since: new Date(day0).toISOString(), until: new Date(day0 + 2 * DAY).toISOString() }, as(KEYS.analyst));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.jobHistory).toEqual({
      days: [
        {
          day: dayName(day0),
          total: 4,
          bytes: 1400,
          averageDurationSeconds: (60 + 120 + 600) / 3,
          byStatus: [
            { status: 'COMPLETED', count: 3 },
            { status: 'FAILED', count: 1 },
          ],
        },
        { day: dayName(day0 + DAY), total: 1, bytes: 50, averageDurationSeconds: 30, byStatus: [{ status: 'KILLED', count: 1 }] },
      ],
      upstreams: [
        {
          upstream: { id: CV },
          days: [
            { day: dayName(day0), total: 3, bytes: 400, averageDurationSeconds: 90, byStatus: [{ status: 'COMPLETED', count: 2 }, { status: 'FAILED', count: 1 }] },
            { day: dayName(day0 + DAY), total: 1, bytes: 50, averageDurationSeconds: 30, byStatus: [{ status: 'KILLED', count: 1 }] },
          ],
        },
        { upstream: { id: BDR }, days: [{ day: dayName(day0), total: 1, bytes: 1000, averageDurationSeconds: 600, byStatus: [{ status: 'COMPLETED', count: 1 }] }] },
      ],
    });
    // One upstream named; a caller sees only its own upstreams' days.
    const bdrOnly = await gw.query<{ jobHistory: any }>(q, { since: new Date(day0).toISOString(), until: new Date(day0 + 2 * DAY).toISOString(), upstream: [BDR] }, as(KEYS.analyst));
    expect(bdrOnly.body.data!.jobHistory.days.map((d: { total: number }) => d.total)).toEqual([1]);
    const cvCaller = await gw.query<{ jobHistory: any }>(q, { since: new Date(day0).toISOString(), until: new Date(day0 + 2 * DAY).toISOString() }, as(KEYS.cvOnly));
    expect(cvCaller.body.data!.jobHistory.days.map((d: { total: number }) => d.total)).toEqual([3, 1]);
    const foreign = await gw.query(q, { since: new Date(day0).toISOString(), upstream: [BDR] }, as(KEYS.cvOnly));
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('healthReports', () => {
  it('answers the stored reports of the window with the checks of the caller\'s upstreams, leaving out unreadable ones', async () => {
    const hour = Math.floor(Date.now() / HOUR) * HOUR - 5 * HOUR;
    await store.upsertHealthReport({
      at: hour,
      status: 'WARNING',
      checks: [
        { upstreamId: CV, area: 'CAPACITY', status: 'WARNING', figure: 14, message: '1 pool under 20 % free' },
        { upstreamId: BDR, area: 'FAILED_JOBS', status: 'OK', figure: 0, message: 'no failures' },
        { upstreamId: CV, area: 'NO_SUCH_AREA', status: 'OK', figure: 1, message: 'a newer writer\'s check' },
      ],
      demo: false,
    });
    await store.upsertHealthReport({ at: hour - 2 * HOUR, status: 'OK', checks: [], demo: true });
    const q = `query($since: DateTime!) { healthReports(since: $since) { at status demo checks { upstream { id } area status figure message } } }`;
    const all = await gw.query<{ healthReports: any[] }>(q, { since: new Date(hour - 3 * HOUR).toISOString() }, as(KEYS.analyst));
    expect(all.body.data!.healthReports).toEqual([
      { at: new Date(hour - 2 * HOUR).toISOString(), status: 'OK', demo: true, checks: [] },
      {
        at: new Date(hour).toISOString(),
        status: 'WARNING',
        demo: false,
        checks: [
          { upstream: { id: CV }, area: 'CAPACITY', status: 'WARNING', figure: 14, message: '1 pool under 20 % free' },
          { upstream: { id: BDR }, area: 'FAILED_JOBS', status: 'OK', figure: 0, message: 'no failures' },
        ],
      },
    ]);
    const cvOnly = await gw.query<{ healthReports: any[] }>(q, { since: new Date(hour - HOUR).toISOString() }, as(KEYS.cvOnly));
    expect(cvOnly.body.data!.healthReports[0].checks.map((c: { area: string }) => c.area)).toEqual(['CAPACITY']);
  });
});

describe('capacity forecast', () => {
  /** Ordinary least squares by the textbook closed-form sums (independent of the gateway's centred sums). */
  function expectedLine(points: Array<{ x: number; y: number }>) {
    const n = points.length;
    const sx = points.reduce((s, p) => s + p.x, 0);
    const sy = points.reduce((s, p) => s + p.y, 0);
    const sxx = points.reduce((s, p) => s + p.x * p.x, 0);
    const sxy = points.reduce((s, p) => s + p.x * p.y, 0);
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return { slope, intercept: (sy - slope * sx) / n };
  }
  const q = `query($id: ID!) { capacityForecast(storageTarget: $id) { storageTargetId kind daysUntilFull fullAt slopeBytesPerDay rSquared samples capacityBytes } }`;

  it('equals the least-squares line computed here from a known noisy series, on both fields', async () => {
    const target = cvPools[1]!;
    const now = Date.now();
    // One reading per 6 hours over 20 days: 40 TB used growing 0.5 TB/day, a deterministic ±0.2 TB wobble, 100 TB capacity.
    const points = Array.from({ length: 80 }, (_, i) => {
      const at = now - 20 * DAY + i * 6 * HOUR;
      return { at, used: 40 * TB + 0.5 * TB * (i / 4) + 0.2 * TB * Math.sin(i * 1.7) };
    });
    await store.upsertStorageSamples(points.map((p) => sample(target, CV, p.at, 100 * TB, p.used)));
    const res = await gw.query<{ capacityForecast: any }>(q, { id: target }, as(KEYS.analyst));
    expect(res.body.errors).toBeUndefined();
    const f = res.body.data!.capacityForecast;
    // x in days after the forecast's own time: recover that time from fullAt − daysUntilFull, then compute here.
    const forecastNow = Date.parse(f.fullAt) - f.daysUntilFull * DAY;
    expect(Math.abs(forecastNow - now)).toBeLessThan(60_000);
    const line = expectedLine(points.map((p) => ({ x: (p.at - forecastNow) / DAY, y: p.used })));
    expect(f.kind).toBe('FULL_IN');
    expect(f.samples).toBe(80);
    expect(f.capacityBytes).toBe(100 * TB);
    expect(f.slopeBytesPerDay).toBeCloseTo(line.slope, -3); // bytes: within 1 kB/day of 0.5 TB/day
    expect(f.daysUntilFull).toBeCloseTo((100 * TB - line.intercept) / line.slope, 3);
    expect(f.rSquared).toBeGreaterThan(0.9);
    expect(f.rSquared).toBeLessThan(1);

    const onTarget = await gw.query<{ storagePools: Array<{ id: string; estimatedRunoutDays: number | null; forecast: { kind: string; daysUntilFull: number } }> }>(
      '{ storagePools { id estimatedRunoutDays forecast { kind daysUntilFull } } }',
      {},
      as(KEYS.analyst),
    );
    const pool = onTarget.body.data!.storagePools.find((p) => p.id === target)!;
    expect(pool.forecast.kind).toBe('FULL_IN');
    expect(pool.forecast.daysUntilFull).toBeCloseTo(f.daysUntilFull, 1);
  });

  it('answers TOO_LITTLE_HISTORY with 4 readings and NOT_GROWING on a flat series', async () => {
    const now = Date.now();
    const few = cvPools[2]!;
    await store.upsertStorageSamples([0, 1, 2, 3].map((d) => sample(few, CV, now - (d + 1) * DAY, 100 * TB, 50 * TB + d * TB)));
    const tooLittle = await gw.query<{ capacityForecast: any }>(q, { id: few }, as(KEYS.analyst));
    expect(tooLittle.body.data!.capacityForecast).toEqual({
      storageTargetId: few,
      kind: 'TOO_LITTLE_HISTORY',
      daysUntilFull: null,
      fullAt: null,
      slopeBytesPerDay: null,
      rSquared: null,
      samples: 4,
      capacityBytes: null,
    });

    const flat = bdrPools[0]!;
    await store.upsertStorageSamples(Array.from({ length: 10 }, (_, d) => sample(flat, BDR, now - (d + 1) * DAY, 10 * TB, 3 * TB)));
    const notGrowing = await gw.query<{ capacityForecast: any }>(q, { id: flat }, as(KEYS.analyst));
    expect(notGrowing.body.data!.capacityForecast).toMatchObject({ kind: 'NOT_GROWING', slopeBytesPerDay: 0, rSquared: 1, samples: 10, daysUntilFull: null });
  });

  it('refuses an id that is not a storage target, is malformed, or names an upstream the caller cannot see', async () => {
    const ddb = await gw.query<{ commvaultDdbStores: Array<{ id: string }> }>('{ commvaultDdbStores { id } }', {}, as(KEYS.analyst));
    for (const [id, key] of [
      [ddb.body.data!.commvaultDdbStores[0]!.id, KEYS.analyst],
      ['not-an-id!', KEYS.analyst],
      [bdrPools[0]!, KEYS.cvOnly],
    ] as const) {
      const res = await gw.query(q, { id }, as(key));
      expect(res.body.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
  });
});

describe('alerts and acknowledgeAlert', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const t0 = Date.now() - 10 * HOUR;
    const raise = async (key: string, upstreamId: string, severity: string, at: number) =>
      (ids[key] = (await store.raiseAlert({ ruleId: 'CAPACITY_FREE', fingerprint: `CAPACITY_FREE:${upstreamId}:${key}`, severity, upstreamId, objectId: null, message: `alert ${key}`, raisedAt: at })).alert.id);
    await raise('a', CV, 'WARNING', t0);
    await raise('b', CV, 'CRITICAL', t0 + HOUR);
    await raise('c', BDR, 'CRITICAL', t0 + 2 * HOUR);
    await raise('d', CV, 'WARNING', t0 + 3 * HOUR);
    await raise('e', BDR, 'WARNING', t0 + 4 * HOUR);
    await store.resolveAlert(`CAPACITY_FREE:${CV}:a`, t0 + 5 * HOUR);
  });
  const list = `query($filter: AlertFilter, $first: Int, $after: String) { alerts(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id state severity message upstream { id } acknowledgedBy acknowledgeNote acknowledgedAt } } } }`;
  type Page = { alerts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: any }> } };

  it('pages the newest raised first with a totalCount, and filters by state, severity and upstream', async () => {
    const first = await gw.query<Page>(list, { first: 2 }, as(KEYS.analyst));
    expect(first.body.data!.alerts.totalCount).toBe(5);
    expect(first.body.data!.alerts.edges.map((e) => e.node.message)).toEqual(['alert e', 'alert d']);
    expect(first.body.data!.alerts.pageInfo.hasNextPage).toBe(true);
    const second = await gw.query<Page>(list, { first: 2, after: first.body.data!.alerts.pageInfo.endCursor }, as(KEYS.analyst));
    expect(second.body.data!.alerts.edges.map((e) => e.node.message)).toEqual(['alert c', 'alert b']);
    const third = await gw.query<Page>(list, { first: 2, after: second.body.data!.alerts.pageInfo.endCursor }, as(KEYS.analyst));
    expect(third.body.data!.alerts.edges.map((e) => [e.node.message, e.node.state])).toEqual([['alert a', 'RESOLVED']]);
    expect(third.body.data!.alerts.pageInfo.hasNextPage).toBe(false);

    const criticalOpen = await gw.query<Page>(list, { filter: { state: ['OPEN'], severity: ['CRITICAL'] } }, as(KEYS.analyst));
    expect(criticalOpen.body.data!.alerts.edges.map((e) => e.node.message)).toEqual(['alert c', 'alert b']);
    const cvOpen = await gw.query<Page>(list, { filter: { state: ['OPEN'], upstream: [CV] } }, as(KEYS.analyst));
    expect(cvOpen.body.data!.alerts.totalCount).toBe(2);
    // A caller sees only its upstreams' alerts.
    const cvCaller = await gw.query<Page>(list, {}, as(KEYS.cvOnly));
    expect(cvCaller.body.data!.alerts.edges.map((e) => e.node.message)).toEqual(['alert d', 'alert b', 'alert a']);
    // A cursor of another filter is refused.
    const mixed = await gw.query<Page>(list, { filter: { upstream: [CV] }, after: first.body.data!.alerts.pageInfo.endCursor }, as(KEYS.analyst));
    expect(mixed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('acknowledging records the caller, the note and the time; repeating it is safe; the state filter sees it', async () => {
    const ack = `mutation($id: ID!, $note: String) { acknowledgeAlert(id: $id, note: $note) { id state acknowledgedBy acknowledgeNote acknowledgedAt } }`;
    const before = Date.now();
    const res = await gw.query<{ acknowledgeAlert: any }>(ack, { id: ids.b, note: 'replacing disks' }, as(KEYS.admin));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.acknowledgeAlert).toMatchObject({ id: ids.b, state: 'ACKNOWLEDGED', acknowledgedBy: 'h-admin', acknowledgeNote: 'replacing disks' });
    expect(Date.parse(res.body.data!.acknowledgeAlert.acknowledgedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect((await store.getAlert(ids.b!))?.acknowledgedBy).toBe('h-admin');
    const again = await gw.query<{ acknowledgeAlert: any }>(ack, { id: ids.b, note: 'replacing disks' }, as(KEYS.admin));
    expect(again.body.data!.acknowledgeAlert).toMatchObject({ state: 'ACKNOWLEDGED', acknowledgedBy: 'h-admin' });
    const acked = await gw.query<Page>(list, { filter: { state: ['ACKNOWLEDGED'] } }, as(KEYS.analyst));
    expect(acked.body.data!.alerts.edges.map((e) => e.node.id)).toEqual([ids.b]);

    // An analyst may not run mutations; a malformed id and an unknown one are told apart.
    expect((await gw.query(ack, { id: ids.d }, as(KEYS.analyst))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gw.query(ack, { id: 'nope' }, as(KEYS.admin))).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gw.query(ack, { id: '00000000-0000-4000-8000-000000000000' }, as(KEYS.admin))).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gw.query(ack, { id: ids.d, note: 'x'.repeat(1001) }, as(KEYS.admin))).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('alertRaised', () => {
  it('pushes a published alert to subscribers that may see its upstream, and not to others', async () => {
    const { publishAlertRaised } = await import('../../src/subscriptions/alert-bus.js');
    const all = wsClient(gw.url, KEYS.analyst);
    const cvOnly = wsClient(gw.url, KEYS.cvOnly);
    try {
      await Promise.all([all.connected, cvOnly.connected]);
      const sub = 'subscription { alertRaised { id rule severity state message upstream { id } } }';
      const seen = all.subscribe(sub);
      const notSeen = cvOnly.subscribe(sub);
      const raised = await store.raiseAlert({ ruleId: 'NODE_OFFLINE', fingerprint: `NODE_OFFLINE:${BDR}:x`, severity: 'CRITICAL', upstreamId: BDR, objectId: null, message: 'appliance offline', raisedAt: Date.now() });
      // The subscribe reaches the server after `connected`; publish until the subscriber has it.
      const deadline = Date.now() + 10_000;
      while (seen.results.length === 0 && Date.now() < deadline) {
        publishAlertRaised(raised.alert);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen.results[0]?.data?.alertRaised).toEqual({ id: raised.alert.id, rule: 'NODE_OFFLINE', severity: 'CRITICAL', state: 'OPEN', message: 'appliance offline', upstream: { id: BDR } });
      expect(notSeen.results).toEqual([]);
      seen.stop();
      notSeen.stop();
    } finally {
      await all.dispose();
      await cvOnly.dispose();
    }
  });
});

describe('without a store', () => {
  it('answers the history fields NOT_SUPPORTED, and Upstream.historySource null', async () => {
    const off = await startTestGateway({ upstreams: [commvaultUpstream(CV, sim.url)], store: { enabled: false } });
    try {
      const res = await off.query('{ alerts { totalCount } }');
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_SUPPORTED');
      const up = await off.query<{ upstreams: Array<{ historySource: string | null }> }>('{ upstreams { historySource } }');
      expect(up.body.data!.upstreams).toEqual([{ historySource: null }]);
    } finally {
      await off.close();
    }
  });
});
