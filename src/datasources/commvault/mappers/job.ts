import { jobTime, type JobPosition } from '../../../paging/job-order.js';
import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvJob, CvJobPage, CvRef, CvSubclient } from '../model.js';
import { toJobStatus } from './job-status.js';
import { toPlanRef } from './plan.js';
import { toStoragePolicyRef } from './storage-policy.js';
import { field, int, list, num, obj, str, unixSeconds, type Json } from './read.js';

/** `GET /Job` and `GET /Job/{id}`: `{totalRecordsWithoutPaging, jobs?: [{jobSummary}]}` (jobs omitted when empty). */
export function toJobPage(body: unknown, upstream: UpstreamRef): CvJobPage {
  const items = jobSummaries(body)
    .map((s) => toJob(s, upstream))
    .filter((j): j is CvJob => j !== null);
  return { total: jobTotal(body, items.length), items };
}

/** A job list answer's `jobSummary` objects (or bare job objects, as some versions send them), in list order. */
export function jobSummaries(body: unknown): unknown[] {
  return list(field(body, 'jobs')).map((j) => field(j, 'jobSummary') ?? j);
}

/** A job list answer's total: never below the jobs it holds (`count` of them have a job id). */
export function jobTotal(body: unknown, count: number): number {
  return Math.max(int(field(body, 'totalRecordsWithoutPaging')) ?? count, count);
}

/**
 * A Commvault job's place in the unified list (src/paging/job-order.ts): a Commvault job reports no queue
 * time. One function for a mapped job and for a raw one (jobPositionOfRaw), so the two cannot differ.
 */
export function commvaultJobPosition(job: Pick<CvJob, 'jobId' | 'startedAt'>, instanceId: string): JobPosition {
  return { at: jobTime(job.startedAt), upstream: instanceId, id: String(job.jobId) };
}

/**
 * A raw `jobSummary`'s place, read without mapping the job: commvaultJobPosition(toJob(raw)) read
 * through the same readers of the same fields (jobIdOf, startedAtOf); null where toJob gives null.
 */
export function jobPositionOfRaw(raw: unknown, upstream: UpstreamRef): JobPosition | null {
  const s = obj(raw);
  const jobId = jobIdOf(s);
  return jobId === null ? null : commvaultJobPosition({ jobId, startedAt: startedAtOf(s) }, upstream.id);
}

/**
 * The same two fields read from a raw job by a reader of its keys (`read('jobId')`), for jobs not
 * parsed yet (JobsByIndex over a list kept as bytes): the same readers of the same fields.
 */
export const jobIdFrom = (read: (key: string) => unknown): number | null => int(read('jobId'));
export const startedAtFrom = (read: (key: string) => unknown): Date | null => unixSeconds(read('jobStartTime'));

/** Whether toJob maps this raw job (it has a job id) rather than skipping it. */
export function isMappableJob(raw: unknown): boolean {
  return jobIdOf(obj(raw)) !== null;
}

/** The two fields a job's place is read from, read one way by toJob and jobPositionOfRaw. */
const jobIdOf = (s: Json): number | null => jobIdFrom((key) => field(s, key));
const startedAtOf = (s: Json): Date | null => startedAtFrom((key) => field(s, key));

/** One `jobSummary`; null when it has no job id (nothing to address it by). */
export function toJob(raw: unknown, upstream: UpstreamRef): CvJob | null {
  const s = obj(raw);
  const jobId = jobIdOf(s);
  if (jobId === null) return null;
  const statusText = str(field(s, 'status')) ?? str(field(s, 'localizedStatus'));
  const subclient = toSubclientRef(field(s, 'subclient'), upstream);
  return {
    __typename: 'CommvaultJob',
    id: toGlobalId('CommvaultJob', upstream.id, jobId),
    upstream,
    jobId,
    status: toJobStatus(statusText),
    statusText,
    jobType: str(field(s, 'jobType')),
    operation: str(field(s, 'localizedOperationName')),
    backupLevel: str(field(s, 'backupLevelName')),
    startedAt: startedAtOf(s),
    endedAt: unixSeconds(field(s, 'jobEndTime')),
    lastUpdatedAt: unixSeconds(field(s, 'lastUpdateTime')),
    elapsedSeconds: num(field(s, 'jobElapsedTime')),
    // Job sizes are bytes (unlike storage capacities, which are MB).
    sizeBytes: num(field(s, 'sizeOfApplication')),
    mediaSizeBytes: num(field(s, 'sizeOfMediaOnDisk')),
    percentComplete: num(field(s, 'percentComplete')),
    percentSavings: num(field(s, 'percentSavings')),
    filesCount: int(field(s, 'totalNumOfFiles')),
    failedFilesCount: int(field(s, 'totalFailedFiles')),
    pendingReason: str(field(s, 'pendingReason')),
    phase: str(field(s, 'currentPhaseName')),
    appTypeName: str(field(s, 'appTypeName')) ?? subclient?.appName ?? null,
    backupsetName: subclient?.backupsetName ?? null,
    clientId: subclient?.clientId ?? null,
    clientName: subclient?.clientName ?? null,
    destinationClientName: str(field(s, 'destClientName')),
    userName: str(field(field(s, 'userName'), 'userName')) ?? str(field(s, 'userName')),
    subclient,
    storagePolicy: toStoragePolicyRef(upstream, toRef(field(s, 'storagePolicy'), ['storagePolicyId', 'id'], ['storagePolicyName', 'name'])),
    plan: toPlanRef(upstream, toRef(field(s, 'plan'), ['planId', 'id'], ['planName', 'name'])),
  };
}

/** The `subclient` entity embedded in job summaries, subclient listings and backup sets (no `detail`). */
export function toSubclientRef(raw: unknown, upstream: UpstreamRef): CvSubclient | null {
  if (raw === undefined || raw === null) return null;
  const e: Json = obj(raw);
  const subclientId = int(field(e, 'subclientId'));
  // Id 0 is Commvault's "none" (e.g. jobs of a whole client); such a job has no subclient.
  if (subclientId === null || subclientId <= 0) return null;
  return {
    __typename: 'CommvaultSubclient',
    id: toGlobalId('CommvaultSubclient', upstream.id, subclientId),
    upstream,
    subclientId,
    name: str(field(e, 'subclientName')) ?? String(subclientId),
    clientId: positive(int(field(e, 'clientId'))),
    clientName: str(field(e, 'clientName')) ?? str(field(e, 'displayName')),
    applicationId: positive(int(field(e, 'applicationId'))),
    appName: str(field(e, 'appName')),
    backupsetId: positive(int(field(e, 'backupsetId'))),
    backupsetName: str(field(e, 'backupsetName')) ?? str(field(e, 'backupSetName')),
    agentInstanceId: positive(int(field(e, 'instanceId'))),
    agentInstanceName: str(field(e, 'instanceName')),
    detail: null,
  };
}

/** `{<idKey>, <nameKey>}` → CvRef; null when the id is absent or 0 (Commvault's "none"). */
export function toRef(raw: unknown, idKeys: string[], nameKeys: string[]): CvRef | null {
  if (raw === undefined || raw === null) return null;
  const id = int(field(raw, ...idKeys));
  if (id === null || id <= 0) return null;
  return { id, name: str(field(raw, ...nameKeys)) ?? String(id) };
}

function positive(n: number | null): number | null {
  return n !== null && n > 0 ? n : null;
}
