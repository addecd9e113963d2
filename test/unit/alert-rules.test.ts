import { describe, expect, it } from 'vitest';
import { RuleId, fingerprintOf, type Condition } from '../../src/collectors/alerts/condition.js';
import type { AlertRulesConfig } from '../../src/collectors/alerts/rule-config.js';
import { evaluateRules, NO_WORKLOAD } from '../../src/collectors/alerts/rules.js';
import { ddbStoreState } from '../../src/collectors/alerts/snapshot-facts.js';
import type { UpstreamSnapshot } from '../../src/collectors/alerts/snapshot.js';
import { parseConfig } from '../../src/config/load.js';
import { JobStatus, Severity } from '../../src/datasources/domain.js';
import type { CapacityForecast } from '../../src/monitoring/forecast.js';
import { ProtectionGap } from '../../src/monitoring/protection.js';
import { DEFAULT_THRESHOLDS } from '../../src/monitoring/thresholds.js';

const HOUR = 3_600_000;
const AT = Date.UTC(2026, 11, 1, 12);
const UPSTREAMS = [{ id: 'cv', kind: 'commvault', url: 'http://127.0.0.1:8401/webconsole/api', username: 'admin', password: 'pw' }];
const config = (alerts: unknown = {}, more: object = {}) => parseConfig({ upstreams: UPSTREAMS, alerts, ...more }, {});
const RULES: AlertRulesConfig = config().alerts.rules;

function evaluate(u: Omit<UpstreamSnapshot, 'upstreamId'>, rules: AlertRulesConfig = RULES) {
  return evaluateRules({ at: AT, upstreams: [{ upstreamId: 'cv', ...u }] }, rules, DEFAULT_THRESHOLDS);
}

/** The conditions as (rule, object, severity) triples. */
const found = (u: Omit<UpstreamSnapshot, 'upstreamId'>, rules?: AlertRulesConfig) =>
  evaluate(u, rules).conditions.map((c) => [c.ruleId, c.objectId, c.severity]);

const target = (targetId: string, freeBytes: number | null, totalBytes: number | null = 100) => ({ targetId, name: targetId, totalBytes, freeBytes });
const fullIn = (daysUntilFull: number): CapacityForecast => ({
  kind: 'FULL_IN', daysUntilFull, fullAt: AT + daysUntilFull * 24 * HOUR, slopeBytesPerDay: 5e9, rSquared: 0.98, samples: 30, capacityBytes: 1e12,
});
const job = (jobId: string, status: JobStatus, endedHoursAgo: number | null) => ({
  jobId, label: jobId, status, jobType: 'Backup', workloadName: 'client-1', startedAt: AT - 30 * HOUR, endedAt: endedHoursAgo === null ? null : AT - endedHoursAgo * HOUR,
});

describe('alert rules', () => {
  it('defaults: every rule on, failed jobs over 24 h, unprotected after 48 h, forecast within 30 / 7 days', () => {
    expect(RULES).toEqual({
      capacity: { enabled: true },
      ddb: { enabled: true },
      infrastructure: { enabled: true, severity: 'CRITICAL' },
      failedJobs: { enabled: true, windowHours: 24, severity: 'WARNING' },
      unprotected: { enabled: true, hours: 48, severity: 'WARNING' },
      forecast: { enabled: true, warningDays: 30, criticalDays: 7 },
    });
    expect(() => config({ rules: { forecast: { warningDays: 5, criticalDays: 10 } } })).toThrow(/criticalDays must not exceed warningDays/);
    expect(() => config({ rules: { failedJobs: { severity: 'OK' } } })).toThrow(/alerts\.rules\.failedJobs\.severity/);
  });

  it('capacity: under 10 % free CRITICAL, under 20 % WARNING (monitoring.thresholds); unknown capacity raises nothing', () => {
    expect(found({ storageTargets: [target('a', 9), target('b', 15), target('c', 20), target('d', null), target('e', 5, null)] })).toEqual([
      [RuleId.CAPACITY_FREE, 'a', Severity.CRITICAL],
      [RuleId.CAPACITY_FREE, 'b', Severity.WARNING],
    ]);
    const stricter = config({}, { monitoring: { thresholds: { capacity: { warningFreePercent: 30, criticalFreePercent: 25 } } } });
    expect(evaluateRules({ at: AT, upstreams: [{ upstreamId: 'cv', storageTargets: [target('c', 20)] }] }, RULES, stricter.monitoring.thresholds).conditions[0]).toMatchObject({
      severity: Severity.CRITICAL,
      message: 'Storage target c has 20 % free (below 25 %)',
    });
  });

  it('DDB: Q&I over 1000 µs WARNING, over 2000 µs CRITICAL; an offline store CRITICAL on its own rule', () => {
    const stores = [
      { storeId: 'fast', name: 'fast', qiTimeMicros: 1000, online: true },
      { storeId: 'slow', name: 'slow', qiTimeMicros: 1500, online: true },
      { storeId: 'crawl', name: 'crawl', qiTimeMicros: 2500, online: null },
      { storeId: 'down', name: 'down', qiTimeMicros: null, online: false },
    ];
    expect(found({ ddbStores: stores })).toEqual([
      [RuleId.DDB_QI, 'slow', Severity.WARNING],
      [RuleId.DDB_QI, 'crawl', Severity.CRITICAL],
      [RuleId.DDB_OFFLINE, 'down', Severity.CRITICAL],
    ]);
  });

  it('infrastructure: an offline MediaAgent or appliance at the configured severity; unknown state raises nothing', () => {
    const nodes = [
      { nodeId: 'ma1', name: 'ma1', noun: 'MediaAgent', online: false },
      { nodeId: 'ma2', name: 'ma2', noun: 'MediaAgent', online: true },
      { nodeId: 'ma3', name: 'ma3', noun: 'MediaAgent', online: null },
    ];
    expect(found({ infrastructure: nodes })).toEqual([[RuleId.NODE_OFFLINE, 'ma1', Severity.CRITICAL]]);
    expect(evaluate({ infrastructure: nodes }).conditions[0]!.message).toBe('MediaAgent ma1 is offline');
    expect(found({ infrastructure: nodes }, config({ rules: { infrastructure: { severity: 'WARNING' } } }).alerts.rules)).toEqual([[RuleId.NODE_OFFLINE, 'ma1', Severity.WARNING]]);
  });

  it('failed jobs: one alert per workload with jobs failed or killed within the window (by end, else start), counting them', () => {
    const jobs = [
      job('failed-1h', JobStatus.FAILED, 1),
      job('killed-23h', JobStatus.KILLED, 23),
      job('failed-25h', JobStatus.FAILED, 25),
      job('done', JobStatus.COMPLETED, 1),
      job('partial', JobStatus.COMPLETED_WITH_ERRORS, 1),
      { ...job('no-end', JobStatus.FAILED, null), startedAt: AT - 2 * HOUR },
      { ...job('other-client', JobStatus.KILLED, 3), workloadName: 'client-2' },
      { ...job('nameless', JobStatus.FAILED, 4), workloadName: null },
    ];
    // client-1: failed-1h, killed-23h and no-end (failed-25h is out of the window); client-2: one; no workload: one.
    expect(found({ jobs })).toEqual([
      [RuleId.JOB_FAILED, 'client-1', Severity.WARNING],
      [RuleId.JOB_FAILED, 'client-2', Severity.WARNING],
      [RuleId.JOB_FAILED, NO_WORKLOAD, Severity.WARNING],
    ]);
    expect(evaluate({ jobs }).conditions.map((c) => c.message)).toEqual([
      '3 jobs of client-1 failed or were killed in the last 24 h; the newest: Backup job failed-1h failed',
      'Backup job other-client of client-2 was killed',
      'Backup job nameless failed',
    ]);
  });

  it('failed jobs: a pass seeing 500 failures of 5 clients raises 5 alerts, and a job read twice counts once', () => {
    const jobs = Array.from({ length: 500 }, (_, i) => ({ ...job(`j${i}`, JobStatus.FAILED, (i % 20) + 1), workloadName: `client-${i % 5}` }));
    const conditions = evaluate({ jobs: [...jobs, jobs[0]!] }).conditions;
    expect(conditions.map((c) => c.objectId)).toEqual(['client-0', 'client-1', 'client-2', 'client-3', 'client-4']);
    expect(conditions[0]!.message).toMatch(/^100 jobs of client-0 failed or were killed in the last 24 h; the newest: Backup job j\d+ failed$/);
    // The newest of client-0's: ended 1 h ago (i % 20 = 0, i % 5 = 0).
    expect(conditions[0]!.message).toContain('Backup job j0 failed');
  });

  it('unprotected workloads: each finding, saying whether backups failed or none ran', () => {
    const workloads = [
      { workloadId: 'w1', name: 'db01', gap: ProtectionGap.BACKUPS_FAILING, failedBackupCount: 3 },
      { workloadId: 'w2', name: 'fs02', gap: ProtectionGap.NO_BACKUPS, failedBackupCount: 0 },
    ];
    expect(evaluate({ unprotectedWorkloads: workloads }).conditions.map((c) => [c.objectId, c.severity, c.message])).toEqual([
      ['w1', Severity.WARNING, 'db01 has no successful backup in 48 h: 3 backups failed'],
      ['w2', Severity.WARNING, 'fs02 has no successful backup in 48 h: no backup ran'],
    ]);
  });

  it('forecast: full within 7 days CRITICAL, within 30 WARNING; later, not growing or too little history raises nothing', () => {
    const forecasts = [
      { targetId: 't5', name: 't5', forecast: fullIn(5) },
      { targetId: 't20', name: 't20', forecast: fullIn(20) },
      { targetId: 't60', name: 't60', forecast: fullIn(60) },
      { targetId: 'flat', name: 'flat', forecast: { kind: 'NOT_GROWING', slopeBytesPerDay: 0, rSquared: 1, samples: 30 } as const },
      { targetId: 'new', name: 'new', forecast: { kind: 'TOO_LITTLE_HISTORY', samples: 2 } as const },
    ];
    expect(found({ forecasts })).toEqual([
      [RuleId.CAPACITY_FORECAST, 't5', Severity.CRITICAL],
      [RuleId.CAPACITY_FORECAST, 't20', Severity.WARNING],
    ]);
    expect(evaluate({ forecasts }).conditions[0]!.message).toBe('Storage target t5 is forecast full in 5 days (2026-12-06), growing 5 GB a day (R² 0.98, 30 samples)');
  });

  it('fingerprints are rule + upstream + object: the same object under two rules or two upstreams is two alerts', () => {
    const snapshot = { storageTargets: [target('t', 5)], forecasts: [{ targetId: 't', name: 't', forecast: fullIn(1) }] };
    const conditions: readonly Condition[] = evaluateRules({ at: AT, upstreams: [{ upstreamId: 'cv', ...snapshot }, { upstreamId: 'cv2', ...snapshot }] }, RULES, DEFAULT_THRESHOLDS).conditions;
    expect(conditions.map((c) => c.fingerprint)).toEqual([
      fingerprintOf(RuleId.CAPACITY_FREE, 'cv', 't'),
      fingerprintOf(RuleId.CAPACITY_FORECAST, 'cv', 't'),
      fingerprintOf(RuleId.CAPACITY_FREE, 'cv2', 't'),
      fingerprintOf(RuleId.CAPACITY_FORECAST, 'cv2', 't'),
    ]);
    expect(new Set(conditions.map((c) => c.fingerprint)).size).toBe(4);
    expect(conditions[0]).toMatchObject({ upstreamId: 'cv', objectId: 't' });
  });

  it('judges a rule only on upstreams whose area was read; a disabled rule is judged to hold nowhere', () => {
    const judged = (u: Omit<UpstreamSnapshot, 'upstreamId'>, rules?: AlertRulesConfig) => evaluate(u, rules).judged.map((j) => j.ruleId);
    expect(judged({ storageTargets: [] })).toEqual([RuleId.CAPACITY_FREE]);
    expect(judged({ ddbStores: [], jobs: [] })).toEqual([RuleId.DDB_QI, RuleId.DDB_OFFLINE, RuleId.JOB_FAILED]);
    const off = config({ rules: { capacity: { enabled: false } } }).alerts.rules;
    expect(found({ storageTargets: [target('a', 1)] }, off)).toEqual([]);
    expect(judged({}, off)).toEqual([RuleId.CAPACITY_FREE]);
  });
});

describe('snapshot entries from the monitoring facts', () => {
  const partition = (online: boolean | null, avgQiMicros: number | null) => ({ online, avgQiMicros, freeBytes: null });

  it('a DDB store: its slowest Q&I of store and partitions; offline when any partition is, online only when all are known online', () => {
    expect(ddbStoreState('s', { name: 'dd1', avgQiMicros: 900, partitions: [partition(true, 1200), partition(true, 800)] })).toEqual({ storeId: 's', name: 'dd1', qiTimeMicros: 1200, online: true });
    expect(ddbStoreState('s', { name: 'dd1', avgQiMicros: null, partitions: [partition(true, null), partition(false, null)] })).toMatchObject({ qiTimeMicros: null, online: false });
    expect(ddbStoreState('s', { name: 'dd1', avgQiMicros: 2100, partitions: [partition(true, 10), partition(null, 10)] })).toMatchObject({ qiTimeMicros: 2100, online: null });
    expect(ddbStoreState('s', { name: 'dd1', avgQiMicros: null, partitions: null })).toMatchObject({ qiTimeMicros: null, online: null });
  });
});
