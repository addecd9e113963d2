import { JobStatus } from '../domain.js';
import type { JobDetailRecord } from '../job-detail.js';
import type { BdrJob } from './model.js';

/** States whose `message` says why the job failed. */
const FAILED: ReadonlySet<JobStatus> = new Set([JobStatus.FAILED, JobStatus.KILLED, JobStatus.COMPLETED_WITH_ERRORS]);
/** States whose `message` says why the job waits (`queued (readiness)` and the like). */
const WAITING: ReadonlySet<JobStatus> = new Set([JobStatus.WAITING, JobStatus.PENDING, JobStatus.SUSPENDED]);

/**
 * A console job's detail from its own record (`JobRest`, docs/upstreams/backupdr.md): no second call. The
 * console reports no throughput, file counts, attempts or VM results; those stay null (or empty).
 */
export function consoleJobDetail(job: BdrJob): JobDetailRecord {
  const failed = FAILED.has(job.status);
  return {
    state: job.statusText,
    phase: null,
    attempts: null,
    failureReason: failed ? job.message : null,
    // `errorcode` is "0" (or absent) on a job that did not fail.
    errorCode: failed && job.errorCode !== '0' ? job.errorCode : null,
    delayReason: WAITING.has(job.status) ? job.message : null,
    throughputGBPerHour: null,
    transferSeconds: job.durationSeconds,
    filesCount: null,
    filesTransferred: null,
    skippedItems: null,
    applicationBytes: job.sizeBytes,
    transferredBytes: null,
    writtenBytes: null,
    savingsPercent: null,
    startedBy: null,
    startedFrom: job.isScheduled === null ? null : job.isScheduled ? 'Scheduled' : 'On demand',
    clientName: job.hostName,
    agentName: job.appType,
    instanceName: null,
    backupsetName: null,
    subclientName: job.appName,
    planName: job.policyName ?? job.sltName,
    virtualMachines: [],
  };
}
