import { describe, expect, it } from 'vitest';
import { JobStatus } from '../../src/datasources/domain.js';
import { classifyProtection } from '../../src/monitoring/protection.js';

const at = (iso: string) => new Date(iso);
const job = (workload: string, status: JobStatus, start: string, jobType = 'Backup') => ({ workload, status, startedAt: at(start) as Date | null, jobType, sizeBytes: null });

describe('classifyProtection', () => {
  // Window from 1 March, stale before 6 March.
  const cutoff = at('2026-03-01T00:00:00Z');
  const staleCutoff = at('2026-03-06T00:00:00Z');
  const workloads = ['fresh', 'aging', 'failing', 'idle', 'old', 'partial'];
  const jobs = [
    job('fresh', JobStatus.COMPLETED, '2026-03-02T00:00:00Z'),
    job('fresh', JobStatus.COMPLETED, '2026-03-07T00:00:00Z'),
    job('fresh', JobStatus.FAILED, '2026-03-08T00:00:00Z'),
    job('aging', JobStatus.COMPLETED, '2026-03-03T00:00:00Z'),
    job('aging', JobStatus.FAILED, '2026-03-07T00:00:00Z'),
    job('failing', JobStatus.FAILED, '2026-03-07T00:00:00Z'),
    job('failing', JobStatus.KILLED, '2026-03-04T00:00:00Z'),
    // Before the window: does not count.
    job('old', JobStatus.COMPLETED, '2026-02-27T00:00:00Z'),
    // A restore is no backup; a success with errors is a success.
    job('idle', JobStatus.COMPLETED, '2026-03-07T00:00:00Z', 'Restore'),
    job('partial', JobStatus.COMPLETED_WITH_ERRORS, '2026-03-06T00:00:00Z'),
  ];

  it('splits by the newest successful backup: protected from staleCutoff, stale before, unprotected with none since cutoff', () => {
    const split = classifyProtection(workloads, (w) => w, jobs, (j) => j.workload, cutoff, staleCutoff);
    expect(split.protected).toEqual([
      { workload: 'fresh', lastSuccessfulBackupAt: at('2026-03-07T00:00:00Z') },
      { workload: 'partial', lastSuccessfulBackupAt: at('2026-03-06T00:00:00Z') },
    ]);
    expect(split.stale).toEqual([{ workload: 'aging', lastSuccessfulBackupAt: at('2026-03-03T00:00:00Z') }]);
    expect(split.unprotected.map((u) => [u.workload, u.gap, u.failedBackupCount])).toEqual([
      ['failing', 'BACKUPS_FAILING', 2],
      ['idle', 'NO_BACKUPS', 0],
      ['old', 'NO_BACKUPS', 0],
    ]);
  });

  it('with staleCutoff at the cutoff nothing is stale, and the three lists hold every workload once', () => {
    const split = classifyProtection(workloads, (w) => w, jobs, (j) => j.workload, cutoff, cutoff);
    expect(split.stale).toEqual([]);
    expect([...split.protected, ...split.unprotected].map((f) => f.workload).sort()).toEqual([...workloads].sort());
  });
});
