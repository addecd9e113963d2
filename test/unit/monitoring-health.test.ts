import { describe, expect, it } from 'vitest';
import { JobStatus, Severity } from '../../src/datasources/domain.js';
import {
  capacityCheck,
  connectivityCheck,
  ddbCheck,
  failedJobsCheck,
  HealthArea,
  infrastructureCheck,
  overallStatus,
  type AreaRead,
} from '../../src/monitoring/health.js';
import { conditionsOf, windowConditions } from '../../src/monitoring/job-conditions.js';
import { failuresNewestFirst, summariseJobs } from '../../src/monitoring/job-summary.js';
import {
  capacitySeverity,
  DEFAULT_THRESHOLDS,
  ddbPartitionSeverity,
  ddbStoreSeverity,
  failedJobSeverity,
  qiSeverity,
  type MonitoringThresholds,
} from '../../src/monitoring/thresholds.js';

const T = DEFAULT_THRESHOLDS;
const GIB = 1024 ** 3;
const ok = <V>(value: V): AreaRead<V> => ({ ok: true, value });
const failed = { ok: false as const, code: 'UPSTREAM_UNAVAILABLE' };

describe('thresholds', () => {
  it('storage: below 10 % free CRITICAL, below 20 % WARNING, unknown null; configurable', () => {
    expect([9.99, 10, 19.99, 20, null].map((f) => capacitySeverity(f, T.capacity))).toEqual([Severity.CRITICAL, Severity.WARNING, Severity.WARNING, Severity.OK, null]);
    expect(capacitySeverity(25, { warningFreePercent: 30, criticalFreePercent: 5 })).toBe(Severity.WARNING);
  });

  it('DDB Q&I: above 1000 µs WARNING, above 2000 µs CRITICAL', () => {
    expect([1000, 1001, 2000, 2001, null].map((q) => qiSeverity(q, T.ddb))).toEqual([Severity.OK, Severity.WARNING, Severity.WARNING, Severity.CRITICAL, null]);
  });

  it('DDB partition: the worst of Q&I, free space and being offline; a store is its worst partition', () => {
    const fine = { online: true, avgQiMicros: 500, freeBytes: 100 * GIB };
    expect(ddbPartitionSeverity(fine, T.ddb)).toBe(Severity.OK);
    expect(ddbPartitionSeverity({ ...fine, online: false }, T.ddb)).toBe(Severity.CRITICAL);
    expect(ddbPartitionSeverity({ ...fine, freeBytes: 49 * GIB }, T.ddb)).toBe(Severity.WARNING);
    expect(ddbPartitionSeverity({ ...fine, freeBytes: 9 * GIB }, T.ddb)).toBe(Severity.CRITICAL);
    expect(ddbPartitionSeverity({ online: null, avgQiMicros: null, freeBytes: null }, T.ddb)).toBeNull();
    expect(ddbStoreSeverity([fine, { ...fine, avgQiMicros: 1500 }], T.ddb)).toBe(Severity.WARNING);
    expect(ddbStoreSeverity(null, T.ddb)).toBeNull();
  });

  it('failed jobs: any failed share above 0 % WARNING, above 10 % CRITICAL; nothing decided is OK', () => {
    expect(failedJobSeverity(0, 50, T.failedJobs)).toBe(Severity.OK);
    expect(failedJobSeverity(1, 99, T.failedJobs)).toBe(Severity.WARNING);
    expect(failedJobSeverity(10, 90, T.failedJobs)).toBe(Severity.WARNING);
    expect(failedJobSeverity(11, 89, T.failedJobs)).toBe(Severity.CRITICAL);
    expect(failedJobSeverity(0, 0, T.failedJobs)).toBe(Severity.OK);
  });
});

describe('health checks', () => {
  it('CONNECTIVITY: OK when every read answered, WARNING when some failed, CRITICAL when all did', () => {
    expect(connectivityCheck([ok(1), ok(2)])).toMatchObject({ area: HealthArea.CONNECTIVITY, status: Severity.OK, figure: 0 });
    expect(connectivityCheck([ok(1), failed])).toMatchObject({ status: Severity.WARNING, figure: 1 });
    const down = connectivityCheck([failed, failed]);
    expect(down).toMatchObject({ status: Severity.CRITICAL, figure: 2 });
    expect(down.message).toContain('UPSTREAM_UNAVAILABLE');
  });

  it('an area that could not be read is WARNING without a figure: unknown is not OK', () => {
    for (const check of [infrastructureCheck(failed), capacityCheck(failed, T), failedJobsCheck(failed, T, 'day'), ddbCheck(failed, T)]) {
      expect(check).toMatchObject({ status: Severity.WARNING, figure: null });
    }
  });

  it('MEDIA_AGENTS: offline count; CRITICAL only when every one is offline, unknown not counted', () => {
    const noun = { one: 'MediaAgent', many: 'MediaAgents' };
    expect(infrastructureCheck(ok({ noun, nodes: [{ name: 'a', online: true }, { name: 'b', online: null }] }))).toMatchObject({ status: Severity.OK, figure: 0 });
    const one = infrastructureCheck(ok({ noun, nodes: [{ name: 'a', online: true }, { name: 'b', online: false }] }));
    expect(one).toMatchObject({ area: HealthArea.MEDIA_AGENTS, status: Severity.WARNING, figure: 1 });
    expect(one.message).toContain('b');
    expect(infrastructureCheck(ok({ noun, nodes: [{ name: 'a', online: false }] }))).toMatchObject({ status: Severity.CRITICAL, figure: 1 });
  });

  it('MEDIA_AGENTS: a MediaAgent in maintenance is WARNING and named, without counting as offline', () => {
    const noun = { one: 'MediaAgent', many: 'MediaAgents' };
    const check = infrastructureCheck(ok({ noun, nodes: [{ name: 'ma01', online: true, maintenance: false }, { name: 'ma03', online: true, maintenance: true }] }));
    expect(check).toMatchObject({ status: Severity.WARNING, figure: 0, message: 'all 2 MediaAgents online; 1 in maintenance: ma03' });
    const both = infrastructureCheck(ok({ noun, nodes: [{ name: 'ma03', online: true, maintenance: true }, { name: 'ma04', online: false, maintenance: false }] }));
    expect(both).toMatchObject({ status: Severity.WARNING, figure: 1, message: '1 of 2 MediaAgents offline: ma04; 1 in maintenance: ma03' });
    expect(infrastructureCheck(ok({ noun, nodes: [{ name: 'ma01', online: true, maintenance: null }] }))).toMatchObject({ status: Severity.OK });
  });

  it('CAPACITY: the least free share as figure, the worst target as status; targets without capacity do not count', () => {
    const check = capacityCheck(ok([{ name: 'a', freePercent: 50 }, { name: 'b', freePercent: 15 }, { name: 'c', freePercent: null }]), T);
    expect(check).toMatchObject({ area: HealthArea.CAPACITY, status: Severity.WARNING, figure: 15 });
    expect(check.message).toContain('b');
    expect(capacityCheck(ok([]), T)).toMatchObject({ status: Severity.OK, figure: null });
    expect(capacityCheck(ok([{ name: 'c', freePercent: null }]), T)).toMatchObject({ status: Severity.WARNING, figure: null });
    const strict: MonitoringThresholds = { ...T, capacity: { warningFreePercent: 60, criticalFreePercent: 55 } };
    expect(capacityCheck(ok([{ name: 'a', freePercent: 50 }]), strict)).toMatchObject({ status: Severity.CRITICAL });
  });

  it('FAILED_JOBS: the failed count as figure, status by the failed share of decided jobs', () => {
    const counts = (failedCount: number, successCount: number) => ({ total: 0, activeCount: 0, failedCount, successCount, successPercent: null, byStatus: [] });
    expect(failedJobsCheck(ok(counts(0, 10)), T, 'day')).toMatchObject({ area: HealthArea.FAILED_JOBS, status: Severity.OK, figure: 0 });
    expect(failedJobsCheck(ok(counts(2, 98)), T, 'day')).toMatchObject({ status: Severity.WARNING, figure: 2 });
    expect(failedJobsCheck(ok(counts(20, 80)), T, 'day')).toMatchObject({ status: Severity.CRITICAL, figure: 20 });
  });

  it('DDB: the slowest Q&I as figure, the worst store as status, stores needing attention named', () => {
    const part = (avgQiMicros: number, online = true) => ({ online, avgQiMicros, freeBytes: 100 * GIB });
    const check = ddbCheck(ok([{ name: 'fast', avgQiMicros: 400, partitions: [part(400)] }, { name: 'slow', avgQiMicros: 2600, partitions: [part(2600)] }]), T);
    expect(check).toMatchObject({ area: HealthArea.DDB, status: Severity.CRITICAL, figure: 2600 });
    expect(check.message).toContain('slow');
    expect(check.message).not.toContain('fast');
    expect(ddbCheck(ok([{ name: 'x', avgQiMicros: 100, partitions: [part(100, false)] }]), T)).toMatchObject({ status: Severity.CRITICAL, figure: 100 });
    expect(ddbCheck(ok([]), T)).toMatchObject({ status: Severity.OK, figure: null });
  });

  it('the report\'s status is its worst check, OK without checks', () => {
    const c = (status: Severity) => ({ area: HealthArea.CAPACITY, status, figure: null, message: '' });
    expect(overallStatus([c(Severity.OK), c(Severity.CRITICAL), c(Severity.WARNING)])).toBe(Severity.CRITICAL);
    expect(overallStatus([])).toBe(Severity.OK);
  });
});

describe('one definition of the summary\'s jobs', () => {
  it('a window\'s conditions are exactly those of the jobs filter {startedAfter: since, startedBefore: until}', () => {
    const window = { since: new Date('2026-03-01T00:00:00Z'), until: new Date('2026-03-02T00:00:00Z') };
    expect(windowConditions(window)).toEqual(conditionsOf({ startedAfter: window.since, startedBefore: window.until }));
    expect(conditionsOf({ status: [JobStatus.FAILED], jobType: ['Backup'] })).toMatchObject({ statuses: [JobStatus.FAILED], jobTypes: ['Backup'] });
  });

  it('failures are the jobs failedCount counts, newest start first', () => {
    const window = { since: new Date(1000), until: new Date(5000) };
    const job = (status: JobStatus, at: number) => ({ status, jobType: 'Backup', startedAt: new Date(at), sizeBytes: null });
    const jobs = [job(JobStatus.FAILED, 1000), job(JobStatus.KILLED, 3000), job(JobStatus.COMPLETED, 4000), job(JobStatus.FAILED, 5000), job(JobStatus.FAILED, 2000)];
    const failures = failuresNewestFirst(jobs, window);
    expect(failures.map((j) => j.startedAt.getTime())).toEqual([3000, 2000, 1000]);
    expect(failures.length).toBe(summariseJobs(jobs, window).failedCount);
  });
});
