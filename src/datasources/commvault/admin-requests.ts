/**
 * Bodies of the Commvault administrative writes (docs/upstreams/commvault.md §10), built from plain values
 * so they are tested without a CommServe. CommvaultSource sends them; nothing here does I/O.
 */

/** A DR backup's level; the wire codes are `backupType` 1 (full) and 3 (differential) (§10.1). */
export type CvDrBackupType = 'full' | 'differential';

const DR_BACKUP_TYPE: Readonly<Record<CvDrBackupType, number>> = { full: 1, differential: 3 };

/** `POST /CommServ/DRBackup`: cvpysdk's body; `jobType` is always 1 there (§10.1). */
export function drBackupBody(type: CvDrBackupType, compress: boolean): Record<string, unknown> {
  return { isCompressionEnabled: compress, jobType: 1, backupType: DR_BACKUP_TYPE[type] };
}

/** What `POST /QCommand/qoperation execute` can be asked to do to one DDB store (§10.2). */
export type CvDdbOperation = 'verify' | 'reclaimSpace' | 'seal' | 'reconstruct';

/** The store as the messages name it: by id, and by the storage policy copy it serves. */
export interface CvDdbTarget {
  storeId: number;
  storeName: string;
  storagePolicyName: string;
  copyName: string;
  /** Partitions (substores) the reconstruction rebuilds. */
  subStoreIds?: readonly number[];
}

/**
 * Space reclamation level 3 of cvpysdk's four (1..4 → 80, 60, 40, 20 % defragmentation): its default,
 * reclaiming blocks of 40 % or more unused.
 */
const RECLAIM_DEFRAGMENTATION_PERCENT = 40;

/** The qoperation message of one DDB operation (§10.2); seal is the only one that starts no job. */
export function ddbOperationMessage(operation: CvDdbOperation, store: CvDdbTarget): Record<string, unknown> {
  switch (operation) {
    case 'seal':
      return { App_SealSIDBStoreReq: { SidbStoreId: store.storeId } };
    case 'verify':
      // Incremental, quick (DDB only) verification: cvpysdk `run_ddb_verification` defaults.
      return archiveCheckTask(store, { ddbVerificationLevel: 'QUICK_DDB_VERIFICATION', backupLevel: 'INCREMENTAL' });
    case 'reclaimSpace':
      return archiveCheckTask(store, {
        ddbVerificationLevel: 'DDB_DEFRAGMENTATION',
        backupLevel: 'FULL',
        defragmentationPercentage: RECLAIM_DEFRAGMENTATION_PERCENT,
        ocl: false,
        runDefrag: true,
      });
    case 'reconstruct':
      return createTask(
        { copyName: store.copyName, storagePolicyName: store.storagePolicyName },
        { subTaskType: 'ADMIN', operationType: 'DEDUPDBSYNC' },
        {
          adminOpts: {
            dedupDBSyncOption: { SIDBStoreId: store.storeId, SubStoreIdList: (store.subStoreIds ?? []).map((val) => ({ val })) },
            // flags 0: rebuild from the last DDB backup (1 would be a full reconstruction from the data).
            reconstructDedupDBOption: { noOfStreams: 0, allowMaximum: true, flags: 0, mediaAgents: { mediaAgentName: '' }, useScallableResourceManagement: true },
          },
        },
      );
  }
}

/** Verification and space reclamation: an ARCHIVE_CHECK admin task on the store's copy. */
function archiveCheckTask(store: CvDdbTarget, archiveCheckOption: Record<string, unknown>): Record<string, unknown> {
  return createTask(
    { copyName: store.copyName, storagePolicyName: store.storagePolicyName, sidbStoreName: store.storeName },
    { subTaskType: 'ADMIN', operationType: 'ARCHIVE_CHECK' },
    {
      backupOpts: {
        mediaOpt: {
          auxcopyJobOption: {
            useMaximumStreams: true,
            maxNumberOfStreams: 0,
            totalJobsToProcess: 1000,
            allCopies: true,
            mediaAgent: { mediaAgentName: '' },
            useScallableResourceManagement: true,
          },
        },
      },
      adminOpts: { archiveCheckOption },
    },
  );
}

/** `TMMsg_CreateTaskReq`: one immediate admin task (cvpysdk's JSON form of the message). */
function createTask(associations: Record<string, unknown>, subTask: Record<string, unknown>, options: Record<string, unknown>): Record<string, unknown> {
  return {
    TMMsg_CreateTaskReq: {
      taskInfo: {
        task: { taskFlags: { disabled: false }, policyType: 'DATA_PROTECTION', taskType: 'IMMEDIATE', initiatedFrom: 'COMMANDLINE' },
        associations,
        subTasks: { subTask, options, subTaskOperation: 'OVERWRITE' },
      },
    },
  };
}

/** `opType` of `POST /V4/Plan/BackupDestination/JobOperations` (§10.3). */
export type CvPlanJobOpType = 'DELETE' | 'RETAIN' | 'DO_NOT_RETAIN' | 'DISALLOW_COPY' | 'DISALLOW_COPY_ALL' | 'ALLOW_COPY';

export interface CvPlanJobOperation {
  storagePolicyId: number;
  copyId: number;
  opType: CvPlanJobOpType;
  jobIds: readonly number[];
  commcellId: number;
  /** RETAIN: keep the jobs until then; absent sends 0 (no date). */
  retainUntil?: Date | null;
  loadDependentJobs?: boolean;
  loadArchiverJobs?: boolean;
}

/** The request body, every field of the reference; `retainUntilTime` in Unix seconds. */
export function planJobOperationsBody(op: CvPlanJobOperation): Record<string, unknown> {
  return {
    storagePolicyId: op.storagePolicyId,
    copyId: op.copyId,
    opType: op.opType,
    jobIds: [...op.jobIds],
    commcellId: op.commcellId,
    retainUntilTime: op.retainUntil ? Math.floor(op.retainUntil.getTime() / 1000) : 0,
    loadDependentJobs: op.loadDependentJobs ?? false,
    loadArchiverJobs: op.loadArchiverJobs ?? false,
  };
}
