import type { DdbStore, JobType, StoragePolicy, StoragePolicyCopy } from '../data/types.js';
import { genericError, ok, type ApiRequest, type ApiResult, type Scope, type SimContext } from '../context.js';
import { startAdminJob } from './admin-jobs.js';

/**
 * The DDB operations sent as `POST /QCommand/qoperation execute` messages (docs/upstreams/commvault.md §10.2),
 * by the message's root element; routes/ddb.ts hands them here. Verification, space reclamation and
 * reconstruction start a job (`{"jobIds": ["…"]}`, refusals `{errorCode, errorMessage}` as cvpysdk reads
 * them); a seal sets the store's `sealedTime` (refusals in the qoperation's `{error: {errorCode, errorString}}`).
 */
type MessageHandler = (message: unknown, req: ApiRequest, ctx: SimContext) => ApiResult;

const HANDLERS: Readonly<Record<string, MessageHandler>> = {
  TMMsg_CreateTaskReq: createTask,
  App_SealSIDBStoreReq: seal,
};

/** The root element of a DDB operation message in a JSON body, or undefined for any other message. */
export function ddbOperationRoot(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  return Object.keys(body).find((key) => key in HANDLERS);
}

/** Runs the DDB operation message `root` of the body. */
export function runDdbOperationMessage(root: string, req: ApiRequest, ctx: SimContext): ApiResult {
  const handler = HANDLERS[root] as MessageHandler;
  if (!(req.scope as Scope).isAdmin) return refuse('User does not have the capability to run DDB operations.');
  return handler((req.body as Record<string, unknown>)[root], req, ctx);
}

function refuse(message: string): ApiResult {
  return ok(genericError(2, message), 'TMMsg_CreateTaskResp');
}

/** `{"App_SealSIDBStoreReq": {"SidbStoreId": n}}` (cvpysdk `seal_deduplication_database`). */
function seal(message: unknown, _req: ApiRequest, ctx: SimContext): ApiResult {
  const storeId = Number(obj(message).SidbStoreId);
  const store = ctx.index.ddbStores.get(storeId);
  const fail = (text: string): ApiResult => ok({ error: { errorCode: 2, errorString: text } }, 'App_GenericResp');
  if (!store) return fail(`DDB store [${storeId}] not found.`);
  if (store.sealedTime > 0) return fail(`The DDB store [${storeId}] is already sealed.`);
  store.sealedTime = ctx.nowS();
  return ok({ error: { errorCode: 0, errorString: '' } }, 'App_GenericResp');
}

/** `TMMsg_CreateTaskReq` with one ADMIN subtask: ARCHIVE_CHECK (verification, space reclamation) or DEDUPDBSYNC. */
function createTask(message: unknown, req: ApiRequest, ctx: SimContext): ApiResult {
  const taskInfo = obj(obj(message).taskInfo);
  const association = obj(first(taskInfo.associations));
  const subTasks = obj(first(taskInfo.subTasks));
  const operationType = String(obj(subTasks.subTask).operationType ?? '');
  const adminOpts = obj(obj(subTasks.options).adminOpts);
  const target = copyOf(ctx, String(association.storagePolicyName ?? ''), String(association.copyName ?? ''));
  if (!target) return refuse(`Storage policy copy [${String(association.storagePolicyName)}/${String(association.copyName)}] not found.`);

  let store: DdbStore | undefined;
  let jobType: JobType;
  if (operationType === 'ARCHIVE_CHECK') {
    const name = association.sidbStoreName === undefined ? undefined : String(association.sidbStoreName);
    store = ctx.data.ddbStores.find((s) => s.copyId === target.copy.copyId && (name === undefined || s.storeName === name));
    const level = String(obj(adminOpts.archiveCheckOption).ddbVerificationLevel ?? '');
    if (level === 'DDB_DEFRAGMENTATION') jobType = 'DDB Space Reclamation';
    else if (level === 'QUICK_DDB_VERIFICATION' || level === 'DDB_AND_DATA_VERIFICATION') jobType = 'Data Verification';
    else return refuse(`Unsupported DDB verification level [${level}].`);
  } else if (operationType === 'DEDUPDBSYNC') {
    store = ctx.index.ddbStores.get(Number(obj(adminOpts.dedupDBSyncOption).SIDBStoreId));
    jobType = 'DDB Reconstruction';
  } else {
    return refuse(`Unsupported operation type [${operationType}].`);
  }
  if (!store || store.copyId !== target.copy.copyId) return refuse(`DDB store not found on copy [${target.copy.copyName}] of [${target.policy.storagePolicyName}].`);
  const storeId = store.storeId;
  if (jobType === 'DDB Space Reclamation' && store.sealedTime > 0) return refuse(`Space reclamation cannot run on the sealed DDB store [${storeId}].`);
  const job = startAdminJob(req, ctx, jobType);
  return ok({ taskId: job.jobId - 1_000_000, jobIds: [String(job.jobId)] }, 'TMMsg_CreateTaskResp');
}

function copyOf(ctx: SimContext, policyName: string, copyName: string): { policy: StoragePolicy; copy: StoragePolicyCopy } | undefined {
  const policy = ctx.data.storagePolicies.find((p) => p.storagePolicyName.toLowerCase() === policyName.toLowerCase());
  const copy = policy?.copies.find((c) => c.copyName.toLowerCase() === copyName.toLowerCase());
  return policy && copy ? { policy, copy } : undefined;
}

/** XML-native messages may carry a single element where a list is meant, or a list of one. */
function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

