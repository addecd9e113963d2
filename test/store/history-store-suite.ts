import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryStore, JobOutcomeRecord, RetentionPolicy, StorageTargetSample } from '../../src/store/history-store.js';
import type { TestStoreDatabase, TestStoreDatabases } from '../helpers/history-store-factory.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midnight UTC, 10 January 2026: every known time below is an offset from it. */
const T0 = Date.UTC(2026, 0, 10);

function sample(at: number, freeBytes: number, extra: Partial<StorageTargetSample> = {}): StorageTargetSample {
  return { upstreamId: 'cv1', targetId: 'pool-a', at, resolution: 'raw', totalBytes: 1000, freeBytes, demo: false, ...extra };
}

function job(jobId: string, status: string, startedAt: number | null, extra: Partial<JobOutcomeRecord> = {}): JobOutcomeRecord {
  return {
    upstreamId: 'cv1',
    jobId,
    status,
    jobType: 'BACKUP',
    workloadId: 'w1',
    workloadName: 'fs1',
    startedAt,
    endedAt: startedAt === null ? null : startedAt + 60_000,
    bytes: 100,
    durationSeconds: 60,
    demo: false,
    ...extra,
  };
}

const KEEP_ALL: RetentionPolicy = {
  rawMs: 1000 * DAY,
  dailyMs: 1000 * DAY,
  jobsMs: 1000 * DAY,
  eventsMs: 1000 * DAY,
  healthReportsMs: 1000 * DAY,
  resolvedAlertsMs: 1000 * DAY,
  deliveriesMs: 1000 * DAY,
};

/**
 * The one behaviour suite every HistoryStore implementation passes (the embedded store and PostgreSQL
 * run it alike). Each test gets a fresh, empty database from `databases`.
 */
export function describeHistoryStore(name: string, databases: TestStoreDatabases, options: { skip?: boolean } = {}): void {
  describe.skipIf(options.skip)(`history store: ${name}`, () => {
    let db: TestStoreDatabase | undefined;
    afterEach(async () => {
      await db?.drop();
      db = undefined;
    });
    async function fresh(): Promise<HistoryStore> {
      db = await databases();
      return (await db.open()).store;
    }

    it('applies every migration on a new database and nothing on the second migrate()', async () => {
      db = await databases();
      const first = await db.open();
      expect(first.applied).toEqual(['001_history']);
      expect(await first.store.migrate()).toEqual([]);
      const second = await db.open();
      expect(second.applied).toEqual([]);
    });

    it('keeps one storage sample per (upstream, target, resolution, bucket), with the latest values', async () => {
      const store = await fresh();
      await store.upsertStorageSamples([sample(T0, 500)]);
      await store.upsertStorageSamples([sample(T0, 400, { totalBytes: 2000, demo: true })]);
      const rows = await store.storageHistory({ upstreamId: 'cv1', targetId: 'pool-a', since: T0, until: T0 + DAY });
      expect(rows).toEqual([sample(T0, 400, { totalBytes: 2000, demo: true })]);
    });

    it('answers storage history within [since, until) of one target, oldest first, daily and raw alike', async () => {
      const store = await fresh();
      await store.upsertStorageSamples([
        sample(T0 + 3 * HOUR, 300),
        sample(T0 + 1 * HOUR, 100),
        sample(T0 + 2 * HOUR, 200),
        sample(T0, 50, { resolution: 'daily' }),
        sample(T0 + 4 * HOUR, 400), // at `until`: outside
        sample(T0 + 2 * HOUR, 999, { targetId: 'pool-b' }),
        sample(T0 + 2 * HOUR, 999, { upstreamId: 'cv2' }),
      ]);
      const rows = await store.storageHistory({ upstreamId: 'cv1', targetId: 'pool-a', since: T0, until: T0 + 4 * HOUR });
      expect(rows.map((r) => [r.at - T0, r.resolution, r.freeBytes])).toEqual([
        [0, 'daily', 50],
        [1 * HOUR, 'raw', 100],
        [2 * HOUR, 'raw', 200],
        [3 * HOUR, 'raw', 300],
      ]);
      const later = await store.storageHistory({ upstreamId: 'cv1', targetId: 'pool-a', since: T0 + 2 * HOUR, until: T0 + 3 * HOUR });
      expect(later.map((r) => r.freeBytes)).toEqual([200]);
    });

    it('keeps one DDB sample per bucket with the latest values, null and boolean fields intact', async () => {
      const store = await fresh();
      const base = { upstreamId: 'cv1', storeId: 'ddb-1', resolution: 'raw' as const, demo: false };
      await store.upsertDdbSamples([{ ...base, at: T0, qiTimeMicros: 900, freeBytes: 10, online: true }]);
      await store.upsertDdbSamples([{ ...base, at: T0, qiTimeMicros: 2500.5, freeBytes: null, online: false }]);
      await store.upsertDdbSamples([{ ...base, at: T0 + HOUR, qiTimeMicros: null, freeBytes: 7, online: null }]);
      expect(await store.ddbHistory({ upstreamId: 'cv1', storeId: 'ddb-1', since: T0, until: T0 + DAY })).toEqual([
        { ...base, at: T0, qiTimeMicros: 2500.5, freeBytes: null, online: false },
        { ...base, at: T0 + HOUR, qiTimeMicros: null, freeBytes: 7, online: null },
      ]);
    });

    it('keeps one health report per hour bucket, the latest, with its checks as JSON', async () => {
      const store = await fresh();
      await store.upsertHealthReport({ at: T0, status: 'OK', checks: [], demo: false });
      await store.upsertHealthReport({ at: T0, status: 'WARNING', checks: [{ area: 'CAPACITY', status: 'WARNING' }], demo: false });
      await store.upsertHealthReport({ at: T0 + HOUR, status: 'CRITICAL', checks: { n: 1 }, demo: true });
      expect(await store.healthReports({ since: T0 })).toEqual([
        { at: T0, status: 'WARNING', checks: [{ area: 'CAPACITY', status: 'WARNING' }], demo: false },
        { at: T0 + HOUR, status: 'CRITICAL', checks: { n: 1 }, demo: true },
      ]);
      expect(await store.healthReports({ since: T0, until: T0 + HOUR })).toHaveLength(1);
    });

    it('keeps one job outcome per (upstream, job) with its latest status', async () => {
      const store = await fresh();
      await store.upsertJobOutcomes([job('j1', 'RUNNING', T0, { bytes: null, durationSeconds: null })]);
      await store.upsertJobOutcomes([job('j1', 'SUCCEEDED', T0)]);
      expect(await store.jobOutcomes({ since: T0, until: T0 + DAY })).toEqual([job('j1', 'SUCCEEDED', T0)]);
    });

    it('writes a batch larger than one statement in one go', async () => {
      const store = await fresh();
      const many = Array.from({ length: 1_234 }, (_, i) => job(`j${i}`, 'SUCCEEDED', T0 + i * 1000));
      await store.upsertJobOutcomes(many);
      await store.upsertJobOutcomes(many);
      expect(await store.jobOutcomes({ since: T0, until: T0 + DAY })).toHaveLength(1_234);
    });

    it('counts jobs per UTC day and upstream: statuses, bytes and average duration', async () => {
      const store = await fresh();
      await store.upsertJobOutcomes([
        job('a', 'SUCCEEDED', T0 + 1 * HOUR, { bytes: 100, durationSeconds: 60 }),
        job('b', 'SUCCEEDED', T0 + 2 * HOUR, { bytes: 300, durationSeconds: 120 }),
        job('c', 'FAILED', T0 + 23 * HOUR, { bytes: null, durationSeconds: null }),
        job('d', 'FAILED', T0 + DAY + 1, { bytes: 50, durationSeconds: 30 }),
        job('e', 'SUCCEEDED', null, { endedAt: T0 + DAY + 5 * HOUR, bytes: 10, durationSeconds: 10 }), // no start: its end counts
        job('f', 'SUCCEEDED', T0 + 3 * HOUR, { upstreamId: 'bdr1', bytes: 7, durationSeconds: 7 }),
        job('g', 'SUCCEEDED', T0 - 1, { bytes: 1 }), // the day before `since`
      ]);
      const days = await store.jobHistoryByDay({ since: T0, until: T0 + 2 * DAY });
      expect(days).toEqual([
        { day: '2026-01-10', upstreamId: 'bdr1', counts: { SUCCEEDED: 1 }, total: 1, bytes: 7, averageDurationSeconds: 7, jobsWithDuration: 1 },
        { day: '2026-01-10', upstreamId: 'cv1', counts: { SUCCEEDED: 2, FAILED: 1 }, total: 3, bytes: 400, averageDurationSeconds: 90, jobsWithDuration: 2 },
        { day: '2026-01-11', upstreamId: 'cv1', counts: { FAILED: 1, SUCCEEDED: 1 }, total: 2, bytes: 60, averageDurationSeconds: 20, jobsWithDuration: 2 },
      ]);
      const cvOnly = await store.jobHistoryByDay({ upstreamIds: ['bdr1'], since: T0, until: T0 + 2 * DAY });
      expect(cvOnly.map((d) => d.upstreamId)).toEqual(['bdr1']);
      expect(await store.jobHistoryByDay({ upstreamIds: [], since: T0, until: T0 + 2 * DAY })).toEqual([]);
      const failed = await store.jobOutcomes({ since: T0, until: T0 + 2 * DAY, statuses: ['FAILED'] });
      expect(failed.map((j) => j.jobId)).toEqual(['c', 'd']);
    });

    it('raises one alert per fingerprint until it resolves; touch, acknowledge and resolve update it', async () => {
      const store = await fresh();
      const raise = { ruleId: 'capacity', fingerprint: 'capacity|cv1|pool-a', severity: 'WARNING', upstreamId: 'cv1', objectId: 'pool-a', message: '15 % free', raisedAt: T0 };
      const first = await store.raiseAlert(raise);
      expect(first.created).toBe(true);
      expect(first.alert).toMatchObject({ ...raise, lastSeenAt: T0, resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, acknowledgeNote: null });

      const again = await store.raiseAlert({ ...raise, raisedAt: T0 + HOUR, message: 'other' });
      expect(again).toEqual({ alert: first.alert, created: false });

      await store.touchAlert(raise.fingerprint, T0 + 2 * HOUR);
      const acked = await store.acknowledgeAlert(first.alert.id, 'ops-anna', 'looking', T0 + 3 * HOUR);
      expect(acked).toMatchObject({ lastSeenAt: T0 + 2 * HOUR, acknowledgedAt: T0 + 3 * HOUR, acknowledgedBy: 'ops-anna', acknowledgeNote: 'looking' });
      expect((await store.openAlerts()).map((a) => a.id)).toEqual([first.alert.id]);

      const resolved = await store.resolveAlert(raise.fingerprint, T0 + 4 * HOUR);
      expect(resolved).toMatchObject({ id: first.alert.id, resolvedAt: T0 + 4 * HOUR });
      expect(await store.resolveAlert(raise.fingerprint, T0 + 5 * HOUR)).toBeUndefined();
      expect(await store.openAlerts()).toEqual([]);

      const next = await store.raiseAlert({ ...raise, raisedAt: T0 + 6 * HOUR });
      expect(next.created).toBe(true);
      expect(next.alert.id).not.toBe(first.alert.id);
      expect(await store.getAlert(first.alert.id)).toMatchObject({ resolvedAt: T0 + 4 * HOUR });
      expect(await store.acknowledgeAlert('no-such-alert', 'x', null, T0)).toBeUndefined();
    });

    it('lets exactly one of two stores raising the same alert at once create it', async () => {
      const a = await fresh();
      const b = (await db!.open()).store;
      const raise = { ruleId: 'ddb', fingerprint: 'ddb|cv1|d1', severity: 'CRITICAL', upstreamId: 'cv1', objectId: 'd1', message: 'slow', raisedAt: T0 };
      const results = await Promise.all([a.raiseAlert(raise), b.raiseAlert(raise), a.raiseAlert(raise), b.raiseAlert(raise)]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.alert.id)).size).toBe(1);
      expect(await a.openAlerts()).toHaveLength(1);
    });

    it('lists alerts newest first by state, severity, upstream and time, with the filter total', async () => {
      const store = await fresh();
      const mk = (n: number, severity: string, upstreamId: string) =>
        store.raiseAlert({ ruleId: 'r', fingerprint: `f${n}`, severity, upstreamId, objectId: null, message: `m${n}`, raisedAt: T0 + n * HOUR });
      const [a1, a2, a3, a4] = await Promise.all([mk(1, 'WARNING', 'cv1'), mk(2, 'CRITICAL', 'cv1'), mk(3, 'WARNING', 'bdr1'), mk(4, 'CRITICAL', 'bdr1')]);
      await store.acknowledgeAlert(a2!.alert.id, 'me', null, T0 + 5 * HOUR);
      await store.resolveAlert('f3', T0 + 6 * HOUR);

      const ids = async (filter: Parameters<HistoryStore['listAlerts']>[0], page = { offset: 0, limit: 10 }) => {
        const r = await store.listAlerts(filter, page);
        return { ids: r.rows.map((x) => x.message), total: r.total };
      };
      expect(await ids({})).toEqual({ ids: ['m4', 'm3', 'm2', 'm1'], total: 4 });
      expect(await ids({}, { offset: 1, limit: 2 })).toEqual({ ids: ['m3', 'm2'], total: 4 });
      expect(await ids({ state: ['OPEN'] })).toEqual({ ids: ['m4', 'm2', 'm1'], total: 3 });
      expect(await ids({ state: ['ACKNOWLEDGED'] })).toEqual({ ids: ['m2'], total: 1 });
      expect(await ids({ state: ['RESOLVED'] })).toEqual({ ids: ['m3'], total: 1 });
      expect(await ids({ state: ['ACKNOWLEDGED', 'RESOLVED'] })).toEqual({ ids: ['m3', 'm2'], total: 2 });
      expect(await ids({ severity: ['CRITICAL'], upstreamId: ['bdr1'] })).toEqual({ ids: ['m4'], total: 1 });
      expect(await ids({ since: T0 + 3 * HOUR })).toEqual({ ids: ['m4', 'm3'], total: 2 });
      expect(await ids({ state: [] })).toEqual({ ids: [], total: 0 });
      expect([a1, a3, a4].every((r) => r?.created)).toBe(true);
    });

    it('grants a delivery claim once, and to exactly one of two stores claiming at once', async () => {
      const a = await fresh();
      const b = (await db!.open()).store;
      const claim = { subjectId: 'alert-1', channel: 'webhook:ops', event: 'RAISED' as const, at: T0 };
      expect(await a.claimDelivery(claim)).toBe(true);
      expect(await a.claimDelivery(claim)).toBe(false);
      expect(await b.claimDelivery(claim)).toBe(false);

      const other = { ...claim, channel: 'email:ops' };
      const race = await Promise.all([a.claimDelivery(other), b.claimDelivery(other), a.claimDelivery(other), b.claimDelivery(other)]);
      expect(race.filter(Boolean)).toHaveLength(1);

      await a.recordDelivery({ ...claim, status: 'FAILED', attempts: 1, lastError: 'HTTP 500', at: T0 + 1000 });
      await a.recordDelivery({ ...claim, status: 'SENT', attempts: 2, lastError: null, at: T0 + 5000 });
      expect(await b.deliveries({ subjectId: 'alert-1', status: ['SENT'] })).toEqual([
        { subjectId: 'alert-1', channel: 'webhook:ops', event: 'RAISED', status: 'SENT', attempts: 2, lastError: null, createdAt: T0, updatedAt: T0 + 5000, sentAt: T0 + 5000 },
      ]);
      expect((await b.deliveries({ status: ['PENDING'] })).map((d) => d.channel)).toEqual(['email:ops']);
      expect(await b.deliveries({ subjectId: 'alert-1' })).toHaveLength(2);
    });

    it('keeps one daily report per day, the latest, and collector runs per holder', async () => {
      const store = await fresh();
      await store.saveDailyReport({ day: '2026-01-10', createdAt: T0, body: { failed: 1 } });
      await store.saveDailyReport({ day: '2026-01-10', createdAt: T0 + 1, body: { failed: 2 } });
      expect(await store.dailyReport('2026-01-10')).toEqual({ day: '2026-01-10', createdAt: T0 + 1, body: { failed: 2 } });
      expect(await store.dailyReport('2026-01-11')).toBeUndefined();

      const run = { collector: 'capacity', upstreamId: 'cv1', holder: 'replica-a', startedAt: T0, finishedAt: T0 + 10, ok: true, upstreamCalls: 3, error: null };
      await store.recordCollectorRun(run);
      await store.recordCollectorRun({ ...run, finishedAt: T0 + 20, ok: false, error: 'timeout' });
      await store.recordCollectorRun({ ...run, holder: 'replica-b' });
      await store.recordCollectorRun({ ...run, collector: 'jobs', startedAt: T0 + HOUR });
      expect(await store.collectorRuns({ since: T0, collector: 'capacity' })).toEqual([
        { ...run, finishedAt: T0 + 20, ok: false, error: 'timeout' },
        { ...run, holder: 'replica-b' },
      ]);
      expect(await store.collectorRuns({ since: T0 + 1 })).toHaveLength(1);
    });

    it('gives a lease to one of two stores until its holder releases it', async () => {
      const a = await fresh();
      const b = (await db!.open()).store;
      const held = await a.acquireLease('collectors', 'replica-a', 60_000);
      expect(held).toMatchObject({ name: 'collectors', holder: 'replica-a' });
      expect(await b.acquireLease('collectors', 'replica-b', 60_000)).toBeUndefined();
      expect(await held!.renew()).toBe(true);
      expect(await b.acquireLease('collectors', 'replica-b', 60_000)).toBeUndefined();
      // Another name is another lease.
      const other = await b.acquireLease('reports', 'replica-b', 60_000);
      expect(other).toBeDefined();

      await held!.release();
      expect(await held!.renew()).toBe(false);
      const taken = await b.acquireLease('collectors', 'replica-b', 60_000);
      expect(taken?.holder).toBe('replica-b');
      expect(await a.acquireLease('collectors', 'replica-a', 60_000)).toBeUndefined();
      await taken!.release();
      await other!.release();
    });

    it('rolls raw samples past rawMs into the last reading per UTC day, then deletes what each table keeps no longer', async () => {
      const store = await fresh();
      const now = T0 + 40 * DAY;
      const policy: RetentionPolicy = { ...KEEP_ALL, rawMs: 30 * DAY, dailyMs: 365 * DAY, jobsMs: 20 * DAY, eventsMs: 10 * DAY, healthReportsMs: 5 * DAY, resolvedAlertsMs: 3 * DAY, deliveriesMs: 2 * DAY };
      await store.upsertStorageSamples([
        // Day 0: three readings, the last at 20:00 → one daily row (free 300).
        sample(T0 + 1 * HOUR, 100),
        sample(T0 + 20 * HOUR, 300),
        sample(T0 + 8 * HOUR, 200),
        // Day 1: one reading → one daily row.
        sample(T0 + DAY + HOUR, 150),
        // Another target on day 0.
        sample(T0 + 5 * HOUR, 77, { targetId: 'pool-b' }),
        // Younger than 30 days: stays raw.
        sample(now - 29 * DAY, 900),
        // A daily row older than a year: deleted.
        sample(now - 400 * DAY, 1, { resolution: 'daily' }),
      ]);
      const ddb = { upstreamId: 'cv1', storeId: 'd1', resolution: 'raw' as const, freeBytes: 5, demo: false };
      await store.upsertDdbSamples([
        { ...ddb, at: T0 + HOUR, qiTimeMicros: 800, online: true },
        { ...ddb, at: T0 + 2 * HOUR, qiTimeMicros: 2100, online: false },
      ]);
      await store.upsertJobOutcomes([job('old', 'SUCCEEDED', now - 21 * DAY), job('new', 'SUCCEEDED', now - 19 * DAY)]);
      const ev = { upstreamId: 'cv1', severity: 'INFO', message: 'm', objectId: null, demo: false };
      await store.upsertEvents([{ ...ev, eventId: 'e-old', occurredAt: now - 11 * DAY }, { ...ev, eventId: 'e-new', occurredAt: now - 9 * DAY }]);
      await store.upsertEvents([{ ...ev, eventId: 'e-old', occurredAt: now - 11 * DAY, message: 'again' }]);
      await store.upsertHealthReport({ at: now - 6 * DAY, status: 'OK', checks: [], demo: false });
      await store.upsertHealthReport({ at: now - 4 * DAY, status: 'OK', checks: [], demo: false });
      const alert = (fp: string) => ({ ruleId: 'r', fingerprint: fp, severity: 'WARNING', upstreamId: 'cv1', objectId: null, message: fp, raisedAt: now - 100 * DAY });
      await store.raiseAlert(alert('resolved-long-ago'));
      await store.resolveAlert('resolved-long-ago', now - 4 * DAY);
      await store.raiseAlert(alert('resolved-lately'));
      await store.resolveAlert('resolved-lately', now - 2 * DAY);
      await store.raiseAlert(alert('still-open'));
      await store.claimDelivery({ subjectId: 's-old', channel: 'webhook:x', event: 'RAISED', at: now - 3 * DAY });
      await store.claimDelivery({ subjectId: 's-new', channel: 'webhook:x', event: 'RAISED', at: now - 1 * DAY });

      const counts = await store.applyRetention(now, policy);
      expect(counts).toMatchObject({
        storageDailyRolledUp: 3,
        storageRawDeleted: 5,
        storageDailyDeleted: 1,
        ddbDailyRolledUp: 1,
        ddbRawDeleted: 2,
        jobsDeleted: 1,
        eventsDeleted: 1, // e-old was upserted twice: one row
        healthReportsDeleted: 1,
        alertsDeleted: 1,
        deliveriesDeleted: 1,
      });
      const poolA = await store.storageHistory({ upstreamId: 'cv1', targetId: 'pool-a', since: 0, until: now });
      expect(poolA.map((r) => [r.at, r.resolution, r.freeBytes])).toEqual([
        [T0, 'daily', 300],
        [T0 + DAY, 'daily', 150],
        [now - 29 * DAY, 'raw', 900],
      ]);
      expect((await store.storageHistory({ upstreamId: 'cv1', targetId: 'pool-b', since: 0, until: now })).map((r) => [r.at, r.freeBytes])).toEqual([[T0, 77]]);
      expect(await store.ddbHistory({ upstreamId: 'cv1', storeId: 'd1', since: 0, until: now })).toEqual([
        { ...ddb, resolution: 'daily', at: T0, qiTimeMicros: 2100, online: false },
      ]);
      expect((await store.jobOutcomes({ since: 0, until: now })).map((j) => j.jobId)).toEqual(['new']);
      expect((await store.healthReports({ since: 0 })).map((r) => r.at)).toEqual([now - 4 * DAY]);
      expect((await store.listAlerts({}, { offset: 0, limit: 10 })).rows.map((a) => a.fingerprint).sort()).toEqual(['resolved-lately', 'still-open']);
      expect((await store.deliveries({})).map((d) => d.subjectId)).toEqual(['s-new']);

      // A second pass finds nothing more to do.
      const again = await store.applyRetention(now, policy);
      expect(Object.values(again).every((n) => n === 0)).toBe(true);
    });

    it('reads back what setMeta wrote, the latest value per key', async () => {
      const store = await fresh();
      expect(await store.getMeta('demo.seededAt')).toBeUndefined();
      await store.setMeta('demo.seededAt', '1');
      await store.setMeta('demo.seededAt', '2');
      expect(await store.getMeta('demo.seededAt')).toBe('2');
    });

    it('reports the bytes it occupies', async () => {
      const store = await fresh();
      expect(await store.sizeBytes()).toBeGreaterThan(0);
    });
  });
}
