import type { Job } from './types.js';

/** Reasons a CommServe gives for a failed or killed job, as its JobDetails words them. */
export const FAILURE_REASONS: readonly string[] = [
  'Failure Reason: The client is not reachable: check the network and that the Commvault services run on it.',
  'Failure Reason: Error occurred while processing chunk in media [V_1234], at the time of error in library [DiskLib01] and mount path [[ma01] E:\\MP1]: the mount path is not accessible.',
  'Failure Reason: Backup of one or more VSS writers failed: the snapshot could not be created.',
  'Failure Reason: The job was killed by the user after exceeding the running time window.',
  'Failure Reason: Unable to connect to the database instance: login failed for the backup account.',
];

/**
 * Gives each Failed or Killed job without one a reason, derived from its id (no random draw: the seed's
 * other data does not move). Exported so tests compute the same expectation from the seeded job.
 */
export function seedFailureReasons(jobs: readonly Job[]): void {
  for (const job of jobs) {
    if ((job.status === 'Failed' || job.status === 'Killed') && !job.failureReason) job.failureReason = failureReasonFor(job.jobId);
  }
}

export function failureReasonFor(jobId: number): string {
  return FAILURE_REASONS[jobId % FAILURE_REASONS.length] as string;
}
