import { APP_NAMES, BACKUP_LEVEL_CODES, isActive, type Job } from '../data/types.js';
import type { SimContext } from '../context.js';

/** A `jobAttributes` flag word (docs/upstreams/commvault.md §3.3), kept under 2^53 so JSON round-trips it exactly. */
const JOB_ATTRIBUTES = 1_407_374_883_553_280;

const STATUS_COLORS: Readonly<Record<string, string>> = {
  Completed: 'black',
  'Completed w/ one or more errors': 'olive',
  'Completed w/ one or more warnings': 'olive',
  Failed: 'red',
  Killed: 'grey',
  Running: 'green',
  Waiting: 'blue',
  Pending: 'orange',
  Suspended: 'purple',
};

/** `subclient{…}` as jobs, JobDetails and events name it. */
export function subclientRef(ctx: SimContext, subclientId: number): Record<string, unknown> {
  const sc = ctx.index.subclients.get(subclientId);
  if (!sc) return {};
  const client = ctx.index.clients.get(sc.clientId);
  const backupset = ctx.index.backupsets.get(sc.backupsetId);
  const instance = ctx.index.instances.get(sc.instanceId);
  return {
    clientName: client?.clientName ?? '',
    instanceName: instance?.instanceName ?? '',
    backupsetId: sc.backupsetId,
    instanceId: sc.instanceId,
    subclientId: sc.subclientId,
    clientId: sc.clientId,
    appName: APP_NAMES[sc.applicationId] ?? '',
    backupsetName: backupset?.backupsetName ?? '',
    applicationId: sc.applicationId,
    subclientName: sc.subclientName,
    displayName: client?.displayName ?? '',
    clientGUID: client?.clientGUID ?? '',
  };
}

/** One `jobSummary` with the field set of docs/upstreams/commvault.md §3.3 plus the job's plan. */
export function jobSummary(ctx: SimContext, job: Job): Record<string, unknown> {
  const active: boolean = isActive(job.status);
  const sc = subclientRef(ctx, job.subclientId);
  const policy = ctx.index.policies.get(job.storagePolicyId);
  const plan = ctx.index.plans.get(job.planId);
  const user = ctx.data.users.find((u) => u.userName === job.userName);
  const summary: Record<string, unknown> = {
    sizeOfApplication: job.sizeOfApplication,
    vsaParentJobID: 0,
    backupSetName: sc.backupsetName,
    opType: job.opType,
    totalFailedFolders: 0,
    totalFailedFiles: job.totalFailedFiles,
    alertColorLevel: job.status === 'Failed' ? 2 : job.status.startsWith('Completed w/') ? 1 : 0,
    isVisible: true,
    localizedStatus: job.status,
    isAged: false,
    totalNumOfFiles: job.totalNumOfFiles,
    jobId: job.jobId,
    jobSubmitErrorCode: 0,
    sizeOfMediaOnDisk: job.sizeOfMediaOnDisk,
    currentPhase: active ? 4 : 0,
    status: job.status,
    lastUpdateTime: job.lastUpdateTime,
    percentSavings: job.percentSavings,
    localizedOperationName: job.jobType,
    statusColor: STATUS_COLORS[job.status] ?? 'black',
    pendingReason: job.pendingReason,
    errorType: job.status === 'Failed' ? 1 : 0,
    jobElapsedTime: active ? Math.max(0, ctx.nowS() - job.startTime) : job.endTime - job.startTime,
    jobStartTime: job.startTime,
    currentPhaseName: active ? (ctx.progress?.phases.get(job.jobId) ?? (job.jobType === 'Backup' ? 'Backup' : job.jobType)) : '',
    jobType: job.jobType,
    isPreemptable: 0,
    attemptStartTime: 0,
    appTypeName: sc.appName,
    percentComplete: job.percentComplete,
    jobEndTime: job.endTime,
    subclient: sc,
    storagePolicy: { storagePolicyName: policy?.storagePolicyName ?? '', storagePolicyId: job.storagePolicyId },
    plan: { planName: plan?.planName ?? '', planId: job.planId },
    destClientName: destClientName(ctx, job, sc),
    userName: { userName: job.userName, userId: user?.userId ?? 1 },
    jobAttributes: JOB_ATTRIBUTES,
    jobAttributesEx: 0,
  };
  if (job.backupLevel) {
    summary.backupLevel = BACKUP_LEVEL_CODES[job.backupLevel];
    summary.backupLevelName = job.backupLevel;
  }
  return summary;
}

/** `POST /JobDetails` body: numbers as strings in `detailInfo`, -999 where a value is unavailable. */
export function jobDetail(ctx: SimContext, job: Job): Record<string, unknown> {
  const active: boolean = isActive(job.status);
  const sc = subclientRef(ctx, job.subclientId);
  const elapsed: number = (job.endTime || ctx.nowS()) - job.startTime;
  const mbPerSec: number = elapsed > 0 ? job.sizeOfApplication / 1024 / 1024 / elapsed : 0;
  return {
    job: {
      jobDetail: {
        detailInfo: {
          sizeOfApplication: String(job.sizeOfApplication),
          transferTime: String(elapsed),
          unCompressedBytes: job.sizeOfApplication,
          dataWritten: String(job.sizeOfMediaOnDisk),
          dataXferedNetwork: String(job.sizeOfMediaOnDisk),
          numOfObjects: job.totalNumOfFiles,
          sizeOfMediaOnDisk: job.sizeOfMediaOnDisk,
          savingsPercent: job.percentSavings.toFixed(2),
          startTime: job.startTime,
          throughPut: ((mbPerSec * 3600) / 1024).toFixed(2),
          endTime: job.endTime,
          compressedBytes: job.sizeOfMediaOnDisk,
          skippedItems: job.totalFailedFiles,
        },
        generalInfo: {
          useScalableResourceAllocation: 'Yes',
          backupType: job.backupLevel ?? 'Unknown',
          jobStartedFrom: job.userName === 'admin' && job.jobType !== 'Restore' ? 'Scheduled' : 'Interactive',
          startTime: job.startTime,
          jobStartedBy: job.userName,
          priority: -999,
          totalNumOfFiles: active ? -999 : job.totalNumOfFiles,
          jobId: job.jobId,
          softwareCompression: 'On Client',
          systemState: 'Not Applicable',
          operationType: job.jobType,
          taskData: { subtaskId: 1, taskName: '', taskId: job.jobId - 1_000_000 },
          subclient: sc,
          destinationClient: { clientName: destClientName(ctx, job, sc) },
        },
        progressInfo: { reasonForJobDelay: job.failureReason ?? job.pendingReason, state: job.status, numOfFilesTransferred: job.totalNumOfFiles },
        attemptsInfo: [],
        clientStatusInfo: { vmStatus: vmResults(ctx, job) },
      },
    },
  };
}

/** Where the job's data goes: its own client, or an out-of-place restore's destination. */
function destClientName(ctx: SimContext, job: Job, sc: Record<string, unknown>): unknown {
  return job.destClientId === undefined ? sc.clientName : (ctx.index.clients.get(job.destClientId)?.clientName ?? '');
}

/** `clientStatusInfo.vmStatus[]` (PascalCase keys, cvpysdk `get_vm_list`): the VMs whose last backup this job was. */
function vmResults(ctx: SimContext, job: Job): Array<Record<string, unknown>> {
  return ctx.data.virtualMachines
    .filter((vm) => vm.backupJobId === job.jobId)
    .map((vm) => ({
      vmName: vm.name,
      GUID: vm.guid,
      clientId: vm.clientId,
      jobID: job.jobId,
      // 1 as sources show it for a VM backed up; no source lists the codes.
      Status: 1,
      FailureReason: '',
      BackupStartTime: job.startTime,
      BackupEndTime: job.endTime,
      Size: vm.usedBytes,
      UsedSpace: vm.usedBytes,
      GuestSize: vm.guestBytes,
      backupLevel: job.backupLevel ?? '',
      Host: vm.host,
      OperatingSystem: vm.guestOs,
    }));
}
