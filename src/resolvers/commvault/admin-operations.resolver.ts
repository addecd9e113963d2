import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvPlanJobOperationResult } from '../../datasources/commvault/admin-model.js';
import type { CvDdbOperation, CvDrBackupType, CvPlanJobOpType } from '../../datasources/commvault/admin-requests.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvDdbStore, CvJob } from '../../datasources/commvault/model.js';
import { badUserInput, GatewayError, notFound } from '../../errors/gateway-error.js';
import { ErrorCode } from '../../errors/codes.js';
import { runMutation } from '../../mutations/run-mutation.js';
import { DdbOperation, DrBackupType, PlanJobOperationType } from '../../schema/commvault/admin-operations.enums.js';
import { RunDdbOperationInput, RunDisasterRecoveryBackupInput, RunPlanJobOperationInput } from '../../schema/commvault/admin-operations.input.js';
import { RunDdbOperationPayload, RunDisasterRecoveryBackupPayload, RunPlanJobOperationPayload } from '../../schema/commvault/admin-operations.payload.js';
import { commvaultObjectFromId } from './sources.js';
import { oneCommServe } from './one-commserve.js';
import { readStartedJobs } from './started-jobs.js';

/** Most jobs one `runPlanJobOperation` may name. */
export const MAX_PLAN_OPERATION_JOBS = 100;

const WIRE_DR_TYPE: Readonly<Record<DrBackupType, CvDrBackupType>> = {
  [DrBackupType.FULL]: 'full',
  [DrBackupType.DIFFERENTIAL]: 'differential',
};

const WIRE_DDB_OPERATION: Readonly<Record<DdbOperation, CvDdbOperation>> = {
  [DdbOperation.VERIFY]: 'verify',
  [DdbOperation.RECLAIM_SPACE]: 'reclaimSpace',
  [DdbOperation.SEAL]: 'seal',
  [DdbOperation.RECONSTRUCT]: 'reconstruct',
};

/** Operations that can lose backup data: sent only with `confirm: true`. */
const NEEDS_CONFIRM: ReadonlySet<PlanJobOperationType> = new Set([PlanJobOperationType.DELETE, PlanJobOperationType.DO_NOT_RETAIN]);

/** What a DDB operation came to, as plain data (kept by the idempotency store). */
interface DdbOperationRecord {
  message: string | null;
  job: CvJob | null;
  store: CvDdbStore | null;
}

/**
 * Commvault administrative mutations (docs/operations.md): the CommServe's DR backup, DDB store
 * operations and job operations of a plan backup destination. Each goes through runMutation (role,
 * idempotency key, audit line); the source's write methods send one call each and drop the cached reads
 * they change.
 */
@Resolver()
export class CommvaultAdminOperationsResolver {
  @Mutation(() => RunDisasterRecoveryBackupPayload, {
    description: 'Back up the CommServe database for disaster recovery now (`POST /CommServ/DRBackup`). Never retried: a lost answer is UPSTREAM_UNCERTAIN.',
  })
  async runDisasterRecoveryBackup(
    @Arg('input', () => RunDisasterRecoveryBackupInput) input: RunDisasterRecoveryBackupInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<RunDisasterRecoveryBackupPayload> {
    const source = oneCommServe(ctx, input.upstream);
    const type = input.type ?? DrBackupType.FULL;
    const compress = input.compress ?? true;
    const jobs = await runMutation(
      ctx,
      {
        operation: 'runDisasterRecoveryBackup',
        // Defaults filled in: an omitted field and its default are the same input to the idempotency key.
        input: { upstream: source.instanceId, type, compress },
        idempotencyKey: input.idempotencyKey,
        targets: [source.instanceId],
        summarize: (started: CvJob[]) => ({ upstream: source.instanceId, jobIds: started.map((j) => j.jobId), type }),
      },
      async () => readStartedJobs(source, await source.runDrBackup(WIRE_DR_TYPE[type], compress)),
    );
    return Object.assign(new RunDisasterRecoveryBackupPayload(), { jobs });
  }

  @Mutation(() => RunDdbOperationPayload, {
    description:
      'Verify, reclaim space of, seal or reconstruct one deduplication database store (`POST /QCommand/qoperation execute`). SEAL starts no job; the others start one.',
  })
  async runDdbOperation(@Arg('input', () => RunDdbOperationInput) input: RunDdbOperationInput, @Ctx() ctx: GatewayContext): Promise<RunDdbOperationPayload> {
    const { source, id: storeId } = commvaultObjectFromId(ctx, input.store, 'CommvaultDdbStore');
    const operation = WIRE_DDB_OPERATION[input.operation];
    const record = await runMutation(
      ctx,
      {
        operation: 'runDdbOperation',
        input,
        idempotencyKey: input.idempotencyKey,
        targets: [input.store],
        summarize: (done: DdbOperationRecord) => ({ ddbOperation: input.operation, jobIds: done.job ? [done.job.jobId] : [] }),
      },
      async (): Promise<DdbOperationRecord> => {
        // The messages name the store's policy and copy: the (cached) engine list has them.
        const store = (await source.listDdbStores()).find((s) => s.storeId === storeId);
        if (!store) throw notFound(`DDB store [${storeId}] not found on ${source.instanceId}`);
        const subStoreIds = operation === 'reconstruct' ? ((await source.getDdbStore(storeId))?.partitions ?? []).map((p) => p.subStoreId) : undefined;
        const outcome = await source.runDdbOperation(operation, {
          storeId,
          storeName: store.name,
          storagePolicyName: store.storagePolicyName ?? '',
          copyName: store.copyName ?? '',
          subStoreIds,
        });
        const [job] = await readStartedJobs(source, outcome.jobIds.slice(0, 1));
        return { message: outcome.message, job: job ?? null, store: await storeAfter(source, storeId) };
      },
    );
    return Object.assign(new RunDdbOperationPayload(), { ok: true, ...record });
  }

  @Mutation(() => RunPlanJobOperationPayload, {
    description:
      'Delete, retain or (dis)allow copying jobs of one plan backup destination (`POST /V4/Plan/BackupDestination/JobOperations`). DELETE and DO_NOT_RETAIN need `confirm: true`.',
  })
  async runPlanJobOperation(
    @Arg('input', () => RunPlanJobOperationInput) input: RunPlanJobOperationInput,
    @Ctx() ctx: GatewayContext,
  ): Promise<RunPlanJobOperationPayload> {
    // Every check before anything is sent: a bad input refuses the whole mutation.
    if (NEEDS_CONFIRM.has(input.opType) && input.confirm !== true) {
      throw badUserInput(`${input.opType} can lose backup data: send confirm: true to run it`);
    }
    if (input.retainUntil && input.opType !== PlanJobOperationType.RETAIN) throw badUserInput('retainUntil goes only with opType RETAIN');
    if (!Number.isInteger(input.copyId) || input.copyId <= 0) throw badUserInput('copyId must be a positive copy id');
    if (input.commcellId !== undefined && input.commcellId !== null && input.commcellId <= 0) throw badUserInput('commcellId must be positive');
    const { source, id: storagePolicyId } = commvaultObjectFromId(ctx, input.storagePolicy, 'CommvaultStoragePolicy');
    const jobIds = jobIdsOn(ctx, source, input.jobs);
    const flags = { loadDependentJobs: input.loadDependentJobs ?? false, loadArchiverJobs: input.loadArchiverJobs ?? false };
    const result = await runMutation(
      ctx,
      {
        operation: 'runPlanJobOperation',
        // Defaults filled in: an omitted field and its default are the same input to the idempotency key.
        input: {
          storagePolicy: input.storagePolicy, copyId: input.copyId, opType: input.opType, jobs: input.jobs, commcellId: input.commcellId ?? null,
          retainUntil: input.retainUntil?.toISOString() ?? null, confirm: input.confirm ?? false, ...flags,
        },
        idempotencyKey: input.idempotencyKey,
        targets: [input.storagePolicy, ...input.jobs],
        summarize: (done: CvPlanJobOperationResult) => ({ opType: input.opType, copyId: input.copyId, jobIds, error: done.error?.code }),
      },
      async () => {
        const commcellId = input.commcellId ?? (await source.getCommCellId());
        if (commcellId === null) {
          throw new GatewayError(ErrorCode.UPSTREAM_ERROR, 'The CommServe did not name its CommCell id; send commcellId', { upstream: { instance: source.instanceId } });
        }
        return source.runPlanJobOperations({
          storagePolicyId,
          copyId: input.copyId,
          opType: input.opType satisfies `${CvPlanJobOpType}`,
          jobIds,
          commcellId,
          retainUntil: input.retainUntil,
          ...flags,
        });
      },
    );
    return Object.assign(new RunPlanJobOperationPayload(), result);
  }
}

/** CommvaultJob ids → job numbers, all on `source`'s CommServe. @throws BAD_USER_INPUT */
function jobIdsOn(ctx: GatewayContext, source: CommvaultSource, ids: readonly string[]): number[] {
  if (ids.length === 0 || ids.length > MAX_PLAN_OPERATION_JOBS) throw badUserInput(`jobs must name 1 to ${MAX_PLAN_OPERATION_JOBS} jobs`);
  if (new Set(ids).size !== ids.length) throw badUserInput('jobs names a job more than once');
  return ids.map((id) => {
    const job = commvaultObjectFromId(ctx, id, 'CommvaultJob');
    if (job.source.instanceId !== source.instanceId) throw badUserInput(`job "${id.slice(0, 80)}" is not on the storage policy's CommServe ${source.instanceId}`);
    return job.id;
  });
}

/** The store as the engine list shows it after the operation (its cache was dropped); null when that read fails. */
async function storeAfter(source: CommvaultSource, storeId: number): Promise<CvDdbStore | null> {
  try {
    return (await source.listDdbStores()).find((s) => s.storeId === storeId) ?? null;
  } catch {
    return null;
  }
}
