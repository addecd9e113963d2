/**
 * What the monitoring computations need to know about a job, whatever product ran it. Commvault jobs
 * (`CvJob`) fit as they are; Backup and DR jobs will map to the same shape.
 */
import { JobStatus } from '../datasources/domain.js';

export interface MonitoredJob {
  status: JobStatus;
  /** The product's job type, e.g. `Backup`, `Restore`, `Aux Copy`. */
  jobType: string | null;
  startedAt: Date | null;
  /** Protected (application) size, bytes. */
  sizeBytes: number | null;
}

/**
 * A job that produced a usable recovery point. COMPLETED_WITH_ERRORS counts: Commvault reports a job
 * "Completed w/ one or more errors" (or warnings) when some items were skipped (a locked file, a
 * vanished path); the rest is restorable, and Commvault's own SLA treats it as met. Counting it as a
 * failure would flag healthy clients with one busy file. The status is still visible to tell them apart.
 */
export function isSuccessful(status: JobStatus): boolean {
  return status === JobStatus.COMPLETED || status === JobStatus.COMPLETED_WITH_ERRORS;
}

/** A job that ended without a recovery point: failed, or killed (by a person or a timeout). */
export function isUnsuccessful(status: JobStatus): boolean {
  return status === JobStatus.FAILED || status === JobStatus.KILLED;
}

/** Still running or queued: no outcome yet. */
export function isActive(status: JobStatus): boolean {
  return (
    status === JobStatus.RUNNING || status === JobStatus.PENDING || status === JobStatus.WAITING || status === JobStatus.SUSPENDED
  );
}

/** The job types that protect data. Commvault's `jobFilter=Backup` type; compared case-insensitively. */
export const BACKUP_JOB_TYPE = 'Backup';

export function isBackup(job: Pick<MonitoredJob, 'jobType'>): boolean {
  return job.jobType?.toLowerCase() === BACKUP_JOB_TYPE.toLowerCase();
}

/** Newest start first; undated jobs last (they have no place in time to compare). */
export function byStartDescending(a: Pick<MonitoredJob, 'startedAt'>, b: Pick<MonitoredJob, 'startedAt'>): number {
  return (b.startedAt?.getTime() ?? -Infinity) - (a.startedAt?.getTime() ?? -Infinity) || 0;
}
