import { JobStatus } from '../../domain.js';

/**
 * Console job statuses (docs/upstreams/backupdr.md §4.5: `queued`, `queued (readiness)`, `initializing`, `running`,
 * `succeeded`, `failed`, `pending`, and `canceled` after `PUT /job/{id}` cancel) → the unified enum.
 */
const BY_STATUS: Readonly<Record<string, JobStatus>> = {
  queued: JobStatus.WAITING,
  'queued (readiness)': JobStatus.WAITING,
  pending: JobStatus.PENDING,
  initializing: JobStatus.RUNNING,
  running: JobStatus.RUNNING,
  succeeded: JobStatus.COMPLETED,
  failed: JobStatus.FAILED,
  canceled: JobStatus.KILLED,
  cancelled: JobStatus.KILLED,
};

export function toJobStatus(raw: string | null): JobStatus {
  return BY_STATUS[(raw ?? '').trim().toLowerCase()] ?? JobStatus.OTHER;
}

/**
 * The console status values that a unified status stands for, for `filter=status:==…` (a union): the
 * inverse of BY_STATUS. Callers keep only the values the console's OPTIONS lists for `status` (a console
 * that has no `pending` must not be asked for it). Statuses the console never reports
 * (SUSPENDED, COMPLETED_WITH_ERRORS, OTHER) have none.
 */
export const CONSOLE_STATUSES: Readonly<Record<JobStatus, readonly string[]>> = {
  [JobStatus.RUNNING]: ['running', 'initializing'],
  [JobStatus.WAITING]: ['queued', 'queued (readiness)'],
  [JobStatus.PENDING]: ['pending'],
  [JobStatus.SUSPENDED]: [],
  [JobStatus.COMPLETED]: ['succeeded'],
  [JobStatus.COMPLETED_WITH_ERRORS]: [],
  [JobStatus.FAILED]: ['failed'],
  [JobStatus.KILLED]: ['canceled', 'cancelled'],
  [JobStatus.OTHER]: [],
};
