import { describe, expect, it } from 'vitest';
import { JobStatus, Severity } from '../../src/datasources/domain.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { isGatewayError } from '../../src/errors/gateway-error.js';
import { alertsFirst, ascendingNullsLast } from '../../src/monitoring/alerts.js';
import { summariseJobs } from '../../src/monitoring/job-summary.js';
import type { MonitoredJob } from '../../src/monitoring/jobs.js';
import { isCaptureJob } from '../../src/datasources/backupdr/backup-history.js';
import { backupFacts, byWorkloadName, findUnprotected, ProtectionGap } from '../../src/monitoring/protection.js';
import { protectionCutoff, protectionWindowCutoff, protectionWindowDays, summaryWindow } from '../../src/monitoring/window.js';

const HOUR = 3_600_000;
const NOW = new Date('2026-03-01T12:00:00Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

interface TestJob extends MonitoredJob {
  clientId: number;
}
const job = (status: JobStatus, hoursAgo: number | null, extra: Partial<TestJob> = {}): TestJob => ({
  status,
  jobType: 'Backup',
  startedAt: hoursAgo === null ? null : ago(hoursAgo),
  sizeBytes: 100,
  clientId: 1,
  ...extra,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isGatewayError(e) ? e.code : 'not a GatewayError';
  }
  return undefined;
}

describe('summary window', () => {
  it('defaults to the 24 hours before until, and until to now', () => {
    expect(summaryWindow(undefined, undefined, NOW)).toEqual({ since: ago(24), until: NOW });
    expect(summaryWindow(null, ago(10), NOW)).toEqual({ since: ago(34), until: ago(10) });
    expect(summaryWindow(ago(5), null, NOW)).toEqual({ since: ago(5), until: NOW });
  });

  it('accepts exactly 31 days and rejects longer, empty and inverted windows with BAD_USER_INPUT', () => {
    expect(summaryWindow(ago(31 * 24), NOW, NOW).since).toEqual(ago(31 * 24));
    expect(codeOf(() => summaryWindow(ago(31 * 24 + 1), NOW, NOW))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => summaryWindow(NOW, NOW, NOW))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(() => summaryWindow(NOW, ago(1), NOW))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('protection days: 1..365 whole days, else BAD_USER_INPUT', () => {
    expect(protectionCutoff(7, NOW)).toEqual(ago(7 * 24));
    expect(protectionCutoff(1, NOW)).toEqual(ago(24));
    expect(protectionCutoff(365, NOW)).toEqual(ago(365 * 24));
    for (const days of [0, -1, 366, 1.5]) expect(codeOf(() => protectionCutoff(days, NOW))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('protection hours: 1..8760 whole hours instead of days; the cost estimate counts them as days', () => {
    expect(protectionWindowCutoff({ days: 7, hours: 48 }, NOW)).toEqual(ago(48));
    expect(protectionWindowCutoff({ days: 7, hours: null }, NOW)).toEqual(ago(7 * 24));
    expect(protectionWindowCutoff({ days: 7, hours: 8760 }, NOW)).toEqual(ago(8760));
    for (const hours of [0, -1, 8761, 1.5]) expect(codeOf(() => protectionWindowCutoff({ days: 7, hours }, NOW))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(protectionWindowDays({ days: 7, hours: 36 })).toBe(1.5);
    expect(protectionWindowDays({ days: 7 })).toBe(7);
  });
});

describe('job status summary', () => {
  const window = { since: ago(24), until: NOW };

  it('counts jobs started in [since, until) by status, with zero statuses present in enum order', () => {
    const s = summariseJobs(
      [
        job(JobStatus.COMPLETED, 1),
        job(JobStatus.COMPLETED, 2),
        job(JobStatus.COMPLETED_WITH_ERRORS, 3),
        job(JobStatus.FAILED, 4),
        job(JobStatus.KILLED, 5),
        job(JobStatus.RUNNING, 0.5),
        job(JobStatus.OTHER, 6),
        job(JobStatus.COMPLETED, 24), // exactly at since: in
        job(JobStatus.FAILED, 25), // before the window
        job(JobStatus.FAILED, 0), // at until: out
        job(JobStatus.FAILED, null), // never started: out
      ],
      window,
    );
    expect(s).toMatchObject({ since: window.since, until: window.until, total: 8, activeCount: 1, successCount: 4, failedCount: 2 });
    // Success rate over jobs with an outcome: 4 / (4 + 2); running and OTHER are not counted either way.
    expect(s.successPercent).toBeCloseTo((4 / 6) * 100, 10);
    expect(s.byStatus.map((b) => b.status)).toEqual(Object.values(JobStatus));
    expect(Object.fromEntries(s.byStatus.map((b) => [b.status, b.count]))).toMatchObject({
      COMPLETED: 3,
      COMPLETED_WITH_ERRORS: 1,
      FAILED: 1,
      KILLED: 1,
      RUNNING: 1,
      OTHER: 1,
      PENDING: 0,
    });
  });

  it('protected bytes: successful backups only (not restores, not failures)', () => {
    const s = summariseJobs(
      [
        job(JobStatus.COMPLETED, 1, { sizeBytes: 1000 }),
        job(JobStatus.COMPLETED_WITH_ERRORS, 1, { sizeBytes: 200 }),
        job(JobStatus.COMPLETED, 1, { sizeBytes: null }),
        job(JobStatus.FAILED, 1, { sizeBytes: 50 }),
        job(JobStatus.COMPLETED, 1, { sizeBytes: 7, jobType: 'Restore' }),
        job(JobStatus.COMPLETED, 1, { sizeBytes: 9, jobType: 'backup' }),
      ],
      window,
    );
    expect(s.protectedBytes).toBe(1209);
  });

  it('groups by job type case-insensitively, most jobs first, with per-type counts', () => {
    const s = summariseJobs(
      [
        job(JobStatus.COMPLETED, 1, { jobType: 'Restore' }),
        job(JobStatus.COMPLETED, 1),
        job(JobStatus.FAILED, 1, { jobType: 'backup' }),
        job(JobStatus.RUNNING, 1),
        job(JobStatus.COMPLETED, 1, { jobType: null }),
      ],
      window,
    );
    expect(s.byType.map((t) => [t.jobType, t.total, t.successCount, t.failedCount, t.activeCount, t.successPercent])).toEqual([
      ['Backup', 3, 1, 1, 1, 50],
      [null, 1, 1, 0, 0, 100],
      ['Restore', 1, 1, 0, 0, 100],
    ]);
  });

  it('an empty window has zero counts and no success rate', () => {
    const s = summariseJobs([], window);
    expect(s).toMatchObject({ total: 0, successCount: 0, failedCount: 0, successPercent: null, protectedBytes: 0, byType: [] });
    expect(s.byStatus.every((b) => b.count === 0)).toBe(true);
  });
});

describe('unprotected workloads', () => {
  const cutoff = ago(7 * 24);
  const workloads = [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 5 }];
  const find = (jobs: TestJob[]) =>
    findUnprotected(workloads, (w) => w.id, jobs, (j) => j.clientId, cutoff).map((f) => [f.workload.id, f.gap, f.failedBackupCount]);

  it('a workload is protected by a COMPLETED or COMPLETED_WITH_ERRORS backup started in the window', () => {
    expect(
      find([
        job(JobStatus.COMPLETED, 10, { clientId: 1 }),
        job(JobStatus.COMPLETED_WITH_ERRORS, 10, { clientId: 2 }),
        job(JobStatus.FAILED, 20, { clientId: 2 }),
        job(JobStatus.FAILED, 10, { clientId: 3 }),
        job(JobStatus.KILLED, 30, { clientId: 3 }),
        job(JobStatus.COMPLETED, 8 * 24, { clientId: 3 }), // before the window
        job(JobStatus.RUNNING, 1, { clientId: 4 }),
        job(JobStatus.COMPLETED, 1, { clientId: 5, jobType: 'Restore' }), // a restore protects nothing
      ]),
    ).toEqual([
      [3, ProtectionGap.BACKUPS_FAILING, 2],
      [4, ProtectionGap.NO_BACKUPS, 0],
      [5, ProtectionGap.NO_BACKUPS, 0],
    ]);
  });

  it('counts a backup by its start: one started just before the cutoff does not protect', () => {
    const justBefore = job(JobStatus.COMPLETED, 7 * 24 + 0.01, { clientId: 1 });
    const atCutoff = job(JobStatus.COMPLETED, 7 * 24, { clientId: 2 });
    expect(find([justBefore, atCutoff]).map(([id]) => id)).toEqual([1, 3, 4, 5]);
  });

  it('backup facts: newest success start, newest backup job and its status, whatever the input order', () => {
    const history = [
      job(JobStatus.FAILED, 2),
      job(JobStatus.COMPLETED, 200),
      job(JobStatus.COMPLETED_WITH_ERRORS, 100),
      job(JobStatus.RUNNING, 1),
      job(JobStatus.COMPLETED, 0.5, { jobType: 'Restore' }),
    ];
    const facts = backupFacts(history);
    expect(facts.lastSuccessfulBackupAt).toEqual(ago(100));
    expect(facts.lastJobStatus).toBe(JobStatus.RUNNING);
    expect(facts.lastJob).toBe(history[3]);
    expect(backupFacts([])).toEqual({ lastSuccessfulBackupAt: null, lastJob: null, lastJobStatus: null });
  });

  it('console applications: string ids, and only capture jobs (snapshot, dedup, DirectOnVault) are backups', () => {
    const apps = [{ id: '4101' }, { id: '4102' }, { id: '4103' }, { id: '4104' }];
    const jobs = [
      { ...job(JobStatus.COMPLETED, 10, { jobType: 'snapshot' }), appId: '4101' },
      { ...job(JobStatus.COMPLETED, 10, { jobType: 'DirectOnVault' }), appId: '4102' },
      // A fresh OnVault copy of an old snapshot, and a log backup: neither protects.
      { ...job(JobStatus.COMPLETED, 10, { jobType: 'OnVault' }), appId: '4103' },
      { ...job(JobStatus.COMPLETED, 5, { jobType: 'log' }), appId: '4103' },
      { ...job(JobStatus.FAILED, 20, { jobType: 'Snapshot' }), appId: '4104' },
      { ...job(JobStatus.KILLED, 30, { jobType: 'dedup' }), appId: '4104' },
      { ...job(JobStatus.FAILED, 40, { jobType: 'StreamSnap' }), appId: '4104' },
    ];
    const found = findUnprotected(apps, (a) => a.id, jobs, (j) => j.appId, cutoff, isCaptureJob);
    expect(found.map((f) => [f.workload.id, f.gap, f.failedBackupCount])).toEqual([
      ['4103', ProtectionGap.NO_BACKUPS, 0],
      ['4104', ProtectionGap.BACKUPS_FAILING, 2],
    ]);
    const facts = backupFacts(jobs.filter((j) => j.appId === '4103'), isCaptureJob);
    expect(facts).toEqual({ lastSuccessfulBackupAt: null, lastJob: null, lastJobStatus: null });
  });

  it('orders workloads by name whatever the case, as a person reads a list', () => {
    const names = ['beta', 'Alpha', 'alpha-2', 'Gamma', 'delta'].map((name) => ({ name }));
    expect([...names].sort(byWorkloadName).map((w) => w.name)).toEqual(['Alpha', 'alpha-2', 'beta', 'delta', 'Gamma']);
  });
});

describe('alerts', () => {
  it('keeps WARNING and CRITICAL, CRITICAL first, then the tie-break; OK and unknown are not alerts', () => {
    const items = [
      { n: 'ok', s: Severity.OK, free: 50 },
      { n: 'warn-15', s: Severity.WARNING, free: 15 },
      { n: 'crit-8', s: Severity.CRITICAL, free: 8 },
      { n: 'unknown', s: null, free: null },
      { n: 'warn-12', s: Severity.WARNING, free: 12 },
      { n: 'crit-2', s: Severity.CRITICAL, free: 2 },
    ];
    expect(alertsFirst(items, (i) => i.s, (a, b) => ascendingNullsLast(a.free, b.free)).map((i) => i.n)).toEqual([
      'crit-2',
      'crit-8',
      'warn-12',
      'warn-15',
    ]);
  });

  it('ascendingNullsLast puts unknown values last', () => {
    expect([3, null, 1].sort(ascendingNullsLast)).toEqual([1, 3, null]);
  });
});
