import { archiverJobs, basicRetainUntil, copyJobState, dependentJobs, type CopyJobState } from '../data/copy-jobs.js';
import { APP_NAMES, isActive, type Job, type StoragePolicyCopy } from '../data/types.js';
import { ok, v4NotFound, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';
import { subclientRef } from './job-shapes.js';

const OP_TYPES = ['DELETE', 'RETAIN', 'DO_NOT_RETAIN', 'DISALLOW_COPY', 'DISALLOW_COPY_ALL', 'ALLOW_COPY'] as const;
type OpType = (typeof OP_TYPES)[number];

/** `jobAttributesEx` bit the simulator sets on a job whose copying is disallowed (its own choice). */
const COPY_DISALLOWED_FLAG = 16;

export const planJobOperationRoutes: RouteDef[] = [
  { method: 'POST', template: '/V4/Plan/BackupDestination/JobOperations', write: true, handle: jobOperations },
];

interface OperationBody {
  storagePolicyId?: unknown;
  copyId?: unknown;
  opType?: unknown;
  jobIds?: unknown;
  commcellId?: unknown;
  retainUntilTime?: unknown;
  loadDependentJobs?: unknown;
  loadArchiverJobs?: unknown;
}

/**
 * `POST /V4/Plan/BackupDestination/JobOperations` (docs/upstreams/commvault.md §10.3). An unknown policy, copy
 * or CommCell is V4's 404; a malformed body 400. Each named job of the copy is changed (DELETE removes it
 * from the job lists), those that cannot be (not on the copy, still running) are left out of `jobInfo`
 * and the first such refusal is the answer's `error`. Dependent and archiver jobs come from the seeded
 * links (data/copy-jobs.ts), reported when asked.
 */
function jobOperations(req: ApiRequest, ctx: SimContext): ApiResult {
  const body = (req.body ?? {}) as OperationBody;
  const opType = OP_TYPES.find((t) => t === body.opType);
  const jobIds = Array.isArray(body.jobIds) ? body.jobIds.map(Number) : [];
  if (!opType || jobIds.length === 0 || jobIds.some((id) => !Number.isInteger(id))) {
    return { status: 400, body: { errorMessage: 'Invalid input: opType and jobIds are required.', errorCode: 400 }, xmlRoot: 'CvEntities_GenericResp' };
  }
  const scope = req.scope as Scope;
  const policy = ctx.index.policies.get(Number(body.storagePolicyId));
  const copy = policy?.copies.find((c) => c.copyId === Number(body.copyId));
  if (!policy || !copy || !scope.company(policy.companyId) || Number(body.commcellId) !== ctx.data.commServ.commCellId) return v4NotFound();

  const handled: Array<{ job: Job; state: CopyJobState }> = [];
  let error: { errorMessage: string; errorCode: number } | undefined;
  for (const jobId of jobIds) {
    const job = ctx.index.jobs.get(jobId);
    const refusal = !job || !scope.company(job.companyId) || job.jobType !== 'Backup' || job.storagePolicyId !== policy.storagePolicyId
      ? `Job [${jobId}] is not on the copy [${copy.copyName}] of [${policy.storagePolicyName}].`
      : opType === 'DELETE' && isActive(job.status) ? `Job [${jobId}] is still running and cannot be deleted.` : undefined;
    if (refusal || !job) {
      error ??= { errorMessage: refusal ?? '', errorCode: 2 };
      continue;
    }
    handled.push({ job, state: apply(ctx, opType, job, copy, Number(body.retainUntilTime ?? 0)) });
  }
  // Links are read before deleted jobs leave the dataset.
  const dependents = body.loadDependentJobs === true && handled.some(({ job }) => dependentJobs(ctx.data, job).length > 0);
  const archivers = body.loadArchiverJobs === true && handled.some(({ job }) => archiverJobs(ctx.data, job).length > 0);
  const jobInfo = handled.map(({ job, state }) => info(ctx, job, copy, state));
  if (opType === 'DELETE') for (const { job } of handled) ctx.index.removeJob(job);
  return ok(
    { dependentJobsExist: dependents, archiverJobsExist: archivers, jobInfo, error: error ?? { errorMessage: '', errorCode: 0 } },
    'CvEntities_GenericResp',
  );
}

function apply(ctx: SimContext, opType: OpType, job: Job, copy: StoragePolicyCopy, retainUntilTime: number): CopyJobState {
  const state = copyJobState(ctx.data, copy.copyId, job.jobId);
  if (opType === 'RETAIN') state.userRetainUntil = Number.isFinite(retainUntilTime) && retainUntilTime > 0 ? Math.floor(retainUntilTime) : 0;
  else if (opType === 'DO_NOT_RETAIN') state.userRetainUntil = null;
  else if (opType === 'DISALLOW_COPY' || opType === 'DISALLOW_COPY_ALL') state.copyAllowed = false;
  else if (opType === 'ALLOW_COPY') state.copyAllowed = true;
  return state;
}

const STATUS_IDS: Readonly<Record<string, number>> = {
  Completed: 1, 'Completed w/ one or more errors': 2, 'Completed w/ one or more warnings': 3, Failed: 4, Killed: 5,
};

/** Verification statuses by job id (0 not picked, 3 picked, 5 successful), with the reference's words. */
const VERIFICATION: ReadonlyArray<readonly [number, string]> = [[0, 'Not Picked'], [3, 'Picked'], [5, 'Successful']];

/** One `jobInfo` item with every field of the reference (also an item of the copy's job list). Sizes in bytes, times in Unix seconds. */
export function info(ctx: SimContext, job: Job, copy: StoragePolicyCopy, state: CopyJobState): Record<string, unknown> {
  const sc = subclientRef(ctx, job.subclientId);
  const pool = ctx.index.pools.get(copy.storagePoolId);
  const [verification, verificationText] = job.endTime > 0 ? (VERIFICATION[job.jobId % 3] as readonly [number, string]) : [0, 'Not Picked'];
  const byUser = state.userRetainUntil !== null;
  const duration = job.endTime > 0 ? job.endTime - job.startTime : ctx.nowS() - job.startTime;
  const links = dependentJobs(ctx.data, job);
  return {
    jobId: job.jobId,
    status: job.status,
    server: { id: job.clientId, name: sc.clientName ?? '' },
    agentType: { id: sc.applicationId ?? 0, name: APP_NAMES[Number(sc.applicationId)] ?? '' },
    subClient: { id: job.subclientId, name: sc.subclientName ?? '' },
    jobType: job.backupLevel ?? '',
    startTime: job.startTime,
    sizeOfApplication: job.sizeOfApplication,
    retainUntil: byUser ? state.userRetainUntil : basicRetainUntil(job, copy),
    instance: { id: sc.instanceId ?? 0, name: sc.instanceName ?? '' },
    backupSet: { id: sc.backupsetId ?? 0, name: sc.backupsetName ?? '' },
    region: { id: 0, name: '' },
    retentionReason: byUser ? 'Retained by user' : `Basic retention of ${copy.retentionDays} days`,
    username: job.userName,
    description: '',
    savingPercentage: job.percentSavings,
    dataWritten: job.sizeOfMediaOnDisk,
    avgThroughput: duration > 0 ? Math.round((job.sizeOfApplication / 1024 ** 3 / (duration / 3600)) * 100) / 100 : 0,
    endTime: job.endTime,
    duration,
    dataVerificationStatus: verification,
    hardwareEncrypted: false,
    lastVerifiedOn: verification === 5 ? String(job.endTime + 3600) : '',
    copiedTime: copy.copyPrecedence > 1 && state.copyAllowed && job.endTime > 0 ? job.endTime + 6 * 3600 : 0,
    encrypted: pool?.kind === 'cloud',
    parentJobId: 0,
    retainedBy: byUser ? 1 : 3,
    deduplicated: pool?.dedup ?? false,
    requiredByJobs: links.map((j) => j.jobId).join(','),
    strRetainedBy: byUser ? 'User' : 'Basic Retention',
    strDataVerificationStatus: verificationText,
    isAged: state.aged,
    statusId: STATUS_IDS[job.status] ?? 0,
    isSoftAged: false,
    jobAttributesEx: state.copyAllowed ? 0 : COPY_DISALLOWED_FLAG,
  };
}
