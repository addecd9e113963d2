import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import { JobStatus } from '../../datasources/domain.js';
import { toGlobalId } from '../../util/global-id.js';

/**
 * The jobs a write reported starting, read back (`GET /Job/{id}`) so a payload shows them as the
 * CommServe does; a job not readable yet is answered as just started, of the `jobType` the write starts.
 * Shared by every mutation that starts jobs (backup, restore, aux copy, data aging, DR backup, DDB operations).
 */
export function readStartedJobs(source: CommvaultSource, jobIds: readonly number[], jobType = 'Backup'): Promise<CvJob[]> {
  return Promise.all(jobIds.map(async (jobId) => (await readJob(source, jobId)) ?? startedJob(source, jobId, jobType)));
}

/** The job as the CommServe shows it now; null when that read fails (the write itself succeeded). */
export async function readJob(source: CommvaultSource, jobId: number): Promise<CvJob | null> {
  try {
    return await source.getJob(jobId);
  } catch {
    return null;
  }
}

/** A job the CommServe reported starting but that could not be read back yet. */
function startedJob(source: CommvaultSource, jobId: number, jobType: string): CvJob {
  return {
    __typename: 'CommvaultJob', id: toGlobalId('CommvaultJob', source.instanceId, jobId), upstream: source.upstream, backupsetName: null,
    jobId, status: JobStatus.RUNNING, statusText: 'Running', jobType, operation: null, backupLevel: null,
    startedAt: null, endedAt: null, lastUpdatedAt: null, elapsedSeconds: null, sizeBytes: null, mediaSizeBytes: null,
    percentComplete: 0, percentSavings: null, filesCount: null, failedFilesCount: null, pendingReason: null, phase: null,
    appTypeName: null, clientId: null, clientName: null, destinationClientName: null, userName: null, subclient: null,
    storagePolicy: null, plan: null,
  };
}

