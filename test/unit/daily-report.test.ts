import { describe, expect, it } from 'vitest';
import { composeDailyReport, type ReportJob } from '../../src/collectors/notifications/daily-report.js';

const NOW = Date.parse('2026-12-06T07:00:00Z');
const H = 3600_000;

function job(upstreamId: string, jobId: string, status: string, hoursAgo: number, workload: string | null = null): ReportJob {
  const startedAt = NOW - hoursAgo * H;
  return { upstreamId, jobId, status, workloadId: workload && `W:${workload}`, workloadName: workload, startedAt, endedAt: startedAt + H / 2 };
}

const jobs: ReportJob[] = [
  job('cv-a', '1', 'COMPLETED', 1, 'db1'),
  job('cv-a', '2', 'COMPLETED', 3, 'db2'),
  job('cv-a', '3', 'FAILED', 5, 'fs1'),
  job('cv-a', '4', 'COMPLETED_WITH_ERRORS', 6, 'fs2'),
  job('cv-a', '5', 'KILLED', 20, 'vm1'),
  job('cv-a', '6', 'RUNNING', 0.5, 'vm2'),
  // Outside the window: started 25 h ago, and one that starts exactly at now (the window is [now − 24 h, now)).
  job('cv-a', '7', 'FAILED', 25, 'old'),
  job('cv-a', '8', 'FAILED', 0, 'future'),
  job('bdr-b', 'x1', 'COMPLETED', 2, 'app1'),
  job('bdr-b', 'x2', 'FAILED', 4, 'app2'),
  job('bdr-b', 'x3', 'OTHER', 23.9, 'app3'),
  // Never started: placed in time by its end.
  { upstreamId: 'bdr-b', jobId: 'x4', status: 'FAILED', workloadId: null, workloadName: null, startedAt: null, endedAt: NOW - 2 * H },
];

describe('composeDailyReport', () => {
  const report = composeDailyReport(
    {
      jobs,
      workloads: [
        { upstreamId: 'cv-a', workloadId: 'W:db1', name: 'db1' },
        { upstreamId: 'cv-a', workloadId: 'W:old', name: 'old' },
        { upstreamId: 'bdr-b', workloadId: 'W:app9', name: 'app9' },
        { upstreamId: 'bdr-b', workloadId: 'W:app2', name: 'app2' },
      ],
      upstreamIds: ['cv-a', 'bdr-b', 'cv-silent'],
    },
    NOW,
  );

  it("counts the last 24 h's jobs per upstream and in all: succeeded, failed (FAILED or KILLED), partial, running", () => {
    const inWindow = jobs.filter((j) => {
      const t = j.startedAt ?? j.endedAt ?? NaN;
      return t >= NOW - 24 * H && t < NOW;
    });
    const count = (up: string | null, statuses: string[]) => inWindow.filter((j) => (up === null || j.upstreamId === up) && statuses.includes(j.status)).length;
    const expected = (up: string | null) => ({
      total: inWindow.filter((j) => up === null || j.upstreamId === up).length,
      succeeded: count(up, ['COMPLETED']),
      partial: count(up, ['COMPLETED_WITH_ERRORS']),
      failed: count(up, ['FAILED', 'KILLED']),
      active: count(up, ['RUNNING', 'PENDING', 'WAITING', 'SUSPENDED']),
      other: count(up, ['OTHER']),
    });
    expect(report.summary.totals).toEqual(expected(null));
    expect(report.summary.totals).toEqual({ total: 10, succeeded: 3, partial: 1, failed: 4, active: 1, other: 1 });
    expect(report.summary.byUpstream).toEqual([
      { upstreamId: 'bdr-b', ...expected('bdr-b') },
      { upstreamId: 'cv-a', ...expected('cv-a') },
      { upstreamId: 'cv-silent', total: 0, succeeded: 0, partial: 0, failed: 0, active: 0, other: 0 },
    ]);
  });

  it('lists failures newest first, then partial successes, then workloads without any backup job in the window', () => {
    expect(report.summary.issues.map((i) => [i.type, i.severity, i.upstreamId, i.jobId ?? i.workloadName])).toEqual([
      ['JOB_FAILED', 'CRITICAL', 'bdr-b', 'x4'],
      ['JOB_FAILED', 'CRITICAL', 'bdr-b', 'x2'],
      ['JOB_FAILED', 'CRITICAL', 'cv-a', '3'],
      ['JOB_FAILED', 'CRITICAL', 'cv-a', '5'],
      ['PARTIAL_SUCCESS', 'WARNING', 'cv-a', '4'],
      // app2 had a (failed) backup job, so it is a failure, not a missing backup; 'old' only outside the window.
      ['NO_BACKUP', 'WARNING', 'bdr-b', 'app9'],
      ['NO_BACKUP', 'WARNING', 'cv-a', 'old'],
    ]);
    expect(report.summary.issues[3]?.message).toBe('Backup was killed for vm1');
  });

  it('is dated by the day it is due in its time zone, and says its window', () => {
    expect(report.day).toBe('2026-12-06');
    expect(report.summary.since).toBe('2026-12-05T07:00:00.000Z');
    expect(report.summary.until).toBe('2026-12-06T07:00:00.000Z');
    expect(composeDailyReport({ jobs: [], timeZone: 'America/New_York' }, NOW).day).toBe('2026-12-06');
    expect(composeDailyReport({ jobs: [], timeZone: 'America/New_York' }, Date.parse('2026-12-06T03:00:00Z')).day).toBe('2026-12-05');
  });

  it('renders the same figures as text and as escaped HTML', () => {
    expect(report.text).toContain('All upstreams: 10 jobs: 3 succeeded, 4 failed, 1 partial, 1 running or queued, 1 other');
    expect(report.text).toContain('[CRITICAL] cv-a job 3: Backup failed for fs1');
    const hostile = composeDailyReport({ jobs: [job('cv-a', '9', 'FAILED', 1, '<script>x</script>')] }, NOW);
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.html).toContain('&#60;script&#62;');
  });

  it('says so when there is nothing to report', () => {
    const empty = composeDailyReport({ jobs: [] }, NOW);
    expect(empty.summary.totals.total).toBe(0);
    expect(empty.summary.issues).toEqual([]);
    expect(empty.text).toContain('No issues.');
  });
});
