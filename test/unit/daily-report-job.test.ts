import { describe, expect, it } from 'vitest';
import { runDailyReport } from '../../src/collectors/notifications/daily-report-job.js';
import type { DailyReport } from '../../src/collectors/notifications/daily-report.js';
import type { JobOutcomeRecord } from '../../src/store/history-store.js';

const DUE = Date.parse('2026-12-06T07:00:00Z');
const H = 3600_000;

function outcome(jobId: string, status: string, jobType: string | null, workloadId: string): JobOutcomeRecord {
  return { upstreamId: 'cv-a', jobId, status, jobType, workloadId, workloadName: workloadId, startedAt: DUE - 2 * H, endedAt: DUE - H, bytes: null, durationSeconds: null, demo: false };
}

describe('runDailyReport', () => {
  it("reads the stored outcomes of the 24 h before the due time, keeps the backups, and hands the report to the notifier", async () => {
    const asked: unknown[] = [];
    const sent: DailyReport[] = [];
    const stored = [outcome('1', 'COMPLETED', 'Backup', 'W:1'), outcome('2', 'FAILED', 'BACKUP', 'W:2'), outcome('3', 'FAILED', 'Restore', 'W:3')];
    const report = await runDailyReport(
      {
        store: { jobOutcomes: async (q) => (asked.push(q), stored) },
        notifier: { sendDailyReport: async (r) => void sent.push(r) },
        isBackupJob: (j) => j.jobType?.toLowerCase() === 'backup',
        upstreamIds: ['cv-a'],
        workloads: async () => [
          { upstreamId: 'cv-a', workloadId: 'W:1', name: 'one' },
          { upstreamId: 'cv-a', workloadId: 'W:3', name: 'three' },
        ],
        timeZone: 'UTC',
      },
      DUE,
    );
    expect(asked).toEqual([{ since: DUE - 24 * H, until: DUE, upstreamIds: ['cv-a'] }]);
    expect(sent).toEqual([report]);
    expect(report.day).toBe('2026-12-06');
    expect(report.summary.totals).toMatchObject({ total: 2, succeeded: 1, failed: 1 });
    // The restore of W:3 is no backup: W:3 is listed as having none.
    expect(report.summary.issues.map((i) => [i.type, i.jobId ?? i.workloadId])).toEqual([
      ['JOB_FAILED', '2'],
      ['NO_BACKUP', 'W:3'],
    ]);
  });
});
