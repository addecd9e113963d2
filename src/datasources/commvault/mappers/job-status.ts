import { JobStatus } from '../../domain.js';

/** Exact Commvault status strings (lower-cased) and what they mean; cvpysdk job.py, see docs/upstreams/commvault.md §3.5. */
const EXACT: Readonly<Record<string, JobStatus>> = {
  running: JobStatus.RUNNING,
  pending: JobStatus.PENDING,
  waiting: JobStatus.WAITING,
  queued: JobStatus.WAITING,
  suspended: JobStatus.SUSPENDED,
  completed: JobStatus.COMPLETED,
  committed: JobStatus.COMPLETED,
  failed: JobStatus.FAILED,
  'failed to start': JobStatus.FAILED,
  killed: JobStatus.KILLED,
};

/**
 * Commvault's display status → JobStatus, case-insensitively. Any "Completed w/ …" variant (errors or
 * warnings) is COMPLETED_WITH_ERRORS. Transitional states ("Kill Pending", "Suspend Pending",
 * "Interrupted", "No Run") and anything unknown are OTHER rather than a guess.
 */
export function toJobStatus(raw: string | null | undefined): JobStatus {
  const s = (raw ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  const exact = EXACT[s];
  if (exact) return exact;
  if (/^completed w\/ /.test(s) || /^completed with /.test(s)) return JobStatus.COMPLETED_WITH_ERRORS;
  return JobStatus.OTHER;
}

/** Statuses a Commvault job can have while `jobCategory=Active` lists it. */
export const ACTIVE_STATUSES: ReadonlySet<JobStatus> = new Set([
  JobStatus.RUNNING,
  JobStatus.PENDING,
  JobStatus.WAITING,
  JobStatus.SUSPENDED,
]);

/** Statuses of a finished job (`jobCategory=Finished`). */
export const FINISHED_STATUSES: ReadonlySet<JobStatus> = new Set([
  JobStatus.COMPLETED,
  JobStatus.COMPLETED_WITH_ERRORS,
  JobStatus.FAILED,
  JobStatus.KILLED,
]);
