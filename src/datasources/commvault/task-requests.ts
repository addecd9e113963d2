/**
 * Bodies of `POST /CreateTask`, the one call Commvault starts restores, auxiliary copies and data aging
 * with (docs/upstreams/commvault.md §3.8). Pure: names in, the `taskInfo` message out; which objects the
 * names belong to is checked before, by the resolver.
 */

/** `subTask.operationType` of each task this gateway starts. */
export const TASK_OPERATION = { restore: 1001, auxCopy: 4003, dataAging: 4018 } as const;

/** The subclient a restore reads from, by the names Commvault's associations use. */
export interface SubclientAssociation {
  clientName: string;
  appName: string;
  /** The agent's instance (e.g. `DefaultInstanceName`); sent only when known. */
  instanceName?: string | null;
  backupsetName: string;
  subclientName: string;
}

export interface RestoreTask {
  source: SubclientAssociation;
  /** Paths as the backup holds them, sent as given. */
  paths: readonly string[];
  /** Restore the data as it was at this time; absent: the latest backup. */
  pointInTime?: Date | null;
  /** Absent: back where it came from (in place). */
  outOfPlace?: { clientName: string; path: string } | null;
  /** Overwrite files that exist at the destination, whatever their age. */
  overwrite: boolean;
  /** What to restore of each item; absent: the CommServe's default (data with its ACLs), nothing sent for it. */
  acls?: CvRestoreAcls | null;
}

/**
 * Data with ACLs, ACLs only or data only: `commonOptions.restoreACLs` and, for the two "only" forms,
 * `restoreOptions.restoreACLsType` 1 (ACLs only) or 2 (data only) (cvpysdk; docs/upstreams/commvault-subclients.md §6).
 */
export type CvRestoreAcls = 'DATA_AND_ACLS' | 'ACLS_ONLY' | 'DATA_ONLY';

const RESTORE_ACLS_TYPE: Readonly<Record<CvRestoreAcls, number | null>> = { DATA_AND_ACLS: null, ACLS_ONLY: 1, DATA_ONLY: 2 };

/** One storage policy copy, by name as Commvault's associations and `archiveGroupCopy` take it. */
export interface PolicyCopy {
  storagePolicyName: string;
  copyName: string;
}

export interface AuxCopyTask {
  storagePolicyName: string;
  /** One secondary copy; absent: every copy of the policy (`allCopies`). */
  copyName?: string | null;
}

export interface DataAgingTask {
  /** Absent or empty: every copy of every policy on the CommServe. */
  copies?: readonly PolicyCopy[] | null;
}

/** The `task` block every immediate, enabled task carries (cvpysdk's form). */
const IMMEDIATE_TASK = { initiatedFrom: 2, taskType: 1, policyType: 0, taskFlags: { disabled: false } } as const;

/** `subTaskType`: 3 restore, 1 administration (aux copy, data aging). */
const SUBTASK_TYPE = { restore: 3, admin: 1 } as const;

export function restoreTaskRequest(task: RestoreTask): unknown {
  const { source } = task;
  const association: Record<string, string> = {
    clientName: source.clientName,
    appName: source.appName,
    backupsetName: source.backupsetName,
    subclientName: source.subclientName,
  };
  if (source.instanceName) association.instanceName = source.instanceName;
  const destination = task.outOfPlace
    ? { inPlace: false, destClient: { clientName: task.outOfPlace.clientName }, destPath: [task.outOfPlace.path] }
    : { inPlace: true, destClient: { clientName: source.clientName } };
  const acls = task.acls ? RESTORE_ACLS_TYPE[task.acls] : null;
  return createTask([association], {
    subTask: { subTaskType: SUBTASK_TYPE.restore, operationType: TASK_OPERATION.restore },
    options: {
      restoreOptions: {
        ...(acls !== null ? { restoreACLsType: acls } : {}),
        destination,
        fileOption: { sourceItem: [...task.paths] },
        browseOption: {
          backupset: { clientName: source.clientName, backupsetName: source.backupsetName },
          // Unix seconds; toTime 0 means "the latest data".
          timeRange: { fromTime: 0, toTime: task.pointInTime ? Math.floor(task.pointInTime.getTime() / 1000) : 0 },
        },
        commonOptions: { unconditionalOverwrite: task.overwrite, ...(task.acls ? { restoreACLs: task.acls !== 'DATA_ONLY' } : {}) },
      },
    },
  });
}

export function auxCopyTaskRequest(task: AuxCopyTask): unknown {
  const copyName = task.copyName ?? '';
  return createTask([{ storagePolicyName: task.storagePolicyName, copyName }], {
    subTaskOperation: 1,
    subTask: { subTaskType: SUBTASK_TYPE.admin, operationType: TASK_OPERATION.auxCopy },
    options: {
      backupOpts: {
        mediaOpt: {
          auxcopyJobOption: {
            maxNumberOfStreams: 0,
            useMaximumStreams: true,
            useScallableResourceManagement: true,
            totalJobsToProcess: 1000,
            ignoreDataVerificationFailedJobs: false,
            allCopies: copyName === '',
            mediaAgent: { mediaAgentName: '' },
          },
        },
      },
      commonOpts: { jobDescription: '' },
    },
  });
}

export function dataAgingTaskRequest(task: DataAgingTask): unknown {
  const copies = task.copies ?? [];
  const chosen = copies.length > 0;
  // The whole CommServe: no associations, and one copy entry with empty names (cvpysdk's form).
  const archiveGroupCopy = chosen ? copies.map((c) => ({ storagePolicyName: c.storagePolicyName, copyName: c.copyName })) : [{ storagePolicyName: '', copyName: '' }];
  return createTask([], {
    subTaskOperation: 1,
    subTask: { subTaskType: SUBTASK_TYPE.admin, operationType: TASK_OPERATION.dataAging },
    options: {
      adminOpts: {
        dataAgingOption: {
          selectCopies: chosen,
          includeAllClients: true,
          pruneSelectedCopies: false,
          isGranular: false,
          includeAll: !chosen,
          archiveGroupCopy,
        },
      },
    },
  });
}

function createTask(associations: readonly object[], subTask: object): unknown {
  return { taskInfo: { associations, task: IMMEDIATE_TASK, subTasks: [subTask] } };
}
