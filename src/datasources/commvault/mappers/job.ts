import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvJob, CvJobPage, CvRef, CvSubclient } from '../model.js';
import { toJobStatus } from './job-status.js';
import { toPlanRef } from './plan.js';
import { toStoragePolicyRef } from './storage-policy.js';
import { field, int, list, num, obj, str, unixSeconds, type Json } from './read.js';

/** `GET /Job` and `GET /Job/{id}`: `{totalRecordsWithoutPaging, jobs?: [{jobSummary}]}` (jobs omitted when empty). */
export function toJobPage(body: unknown, upstream: UpstreamRef): CvJobPage {
  const items = list(field(body, 'jobs'))
    .map((j) => toJob(field(j, 'jobSummary') ?? j, upstream))
    .filter((j): j is CvJob => j !== null);
  const total = int(field(body, 'totalRecordsWithoutPaging')) ?? items.length;
  return { total: Math.max(total, items.length), items };
}

/** One `jobSummary`; null when it has no job id (nothing to address it by). */
export function toJob(raw: unknown, upstream: UpstreamRef): CvJob | null {
  const s = obj(raw);
  const jobId = int(field(s, 'jobId'));
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
    startedAt: unixSeconds(field(s, 'jobStartTime')),
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
