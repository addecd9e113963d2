import { JobStatus } from '../datasources/domain.js';
import { byStartDescending, isActive, isBackup, isSuccessful, isUnsuccessful, type MonitoredJob } from './jobs.js';
import type { TimeWindow } from './window.js';

/** Counts of one group of jobs (all of them, or one job type). */
export interface JobCounts {
  total: number;
  /** Running, pending, waiting or suspended: no outcome yet. */
  activeCount: number;
  /** COMPLETED or COMPLETED_WITH_ERRORS. */
  successCount: number;
  /** FAILED or KILLED. */
  failedCount: number;
  /** successCount / (successCount + failedCount) × 100; null when nothing has an outcome yet. */
  successPercent: number | null;
  /** One entry per JobStatus, in the enum's order, zeros included (charts keep a stable shape). */
  byStatus: Array<{ status: JobStatus; count: number }>;
}

export interface JobTypeCounts extends JobCounts {
  /** As the product words it; null for jobs that carry no type. */
  jobType: string | null;
}

export interface JobStatusSummaryData extends JobCounts, TimeWindow {
  /** Application bytes of the successful backup jobs: how much data got a new recovery point. */
  protectedBytes: number;
  /** Most jobs first, then by name. */
  byType: JobTypeCounts[];
}

const STATUSES = Object.values(JobStatus);

/** Whether the job belongs to the window: it started in [since, until), the same rule as the `jobs` filter. */
export function startedWithin(job: Pick<MonitoredJob, 'startedAt'>, window: TimeWindow): boolean {
  const t = job.startedAt?.getTime();
  return t !== undefined && t >= window.since.getTime() && t < window.until.getTime();
}

/**
 * Job counts over a window. Jobs are counted by start time, like `jobs(filter: {startedAfter,
 * startedBefore})`, so every number can be drilled into with that filter and gives the same count.
 * Jobs outside the window are ignored, so callers may pass a superset.
 */
export function summariseJobs(jobs: Iterable<MonitoredJob>, window: TimeWindow): JobStatusSummaryData {
  const all = new Tally();
  const types = new Map<string, { jobType: string | null; tally: Tally }>();
  let protectedBytes = 0;
  for (const job of jobs) {
    if (!startedWithin(job, window)) continue;
    all.add(job.status);
    // Types group case-insensitively (`Backup` and `backup` are one type); the first spelling met names it.
    const key = job.jobType?.toLowerCase() ?? '';
    let group = types.get(key);
    if (!group) types.set(key, (group = { jobType: job.jobType, tally: new Tally() }));
    group.tally.add(job.status);
    if (isBackup(job) && isSuccessful(job.status)) protectedBytes += job.sizeBytes ?? 0;
  }
  const byType = [...types.values()]
    .map(({ jobType, tally }) => ({ jobType, ...tally.counts() }))
    .sort((a, b) => b.total - a.total || (a.jobType ?? '').localeCompare(b.jobType ?? ''));
  return { since: window.since, until: window.until, ...all.counts(), protectedBytes, byType };
}

/** The jobs of the window that FAILED or were KILLED (the ones `failedCount` counts), newest start first. */
export function failuresNewestFirst<J extends MonitoredJob>(jobs: Iterable<J>, window: TimeWindow): J[] {
  return [...jobs].filter((j) => startedWithin(j, window) && isUnsuccessful(j.status)).sort(byStartDescending);
}

class Tally {
  private readonly byStatus = new Map<JobStatus, number>();

  add(status: JobStatus): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  counts(): JobCounts {
    let total = 0;
    let activeCount = 0;
    let successCount = 0;
    let failedCount = 0;
    for (const [status, count] of this.byStatus) {
      total += count;
      if (isActive(status)) activeCount += count;
      if (isSuccessful(status)) successCount += count;
      if (isUnsuccessful(status)) failedCount += count;
    }
    const decided = successCount + failedCount;
    return {
      total,
      activeCount,
      successCount,
      failedCount,
      successPercent: decided === 0 ? null : (successCount / decided) * 100,
      byStatus: STATUSES.map((status) => ({ status, count: this.byStatus.get(status) ?? 0 })),
    };
  }
}
