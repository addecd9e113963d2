import { describe, expect, it } from 'vitest';
import { ddbOperationMessage, drBackupBody, planJobOperationsBody, type CvDdbTarget } from '../../src/datasources/commvault/admin-requests.js';
import { toCommCellId, toDdbOperationOutcome } from '../../src/datasources/commvault/mappers/admin-answers.js';
import { toPlanCopyJob, toPlanJobOperationResult } from '../../src/datasources/commvault/mappers/plan-job-operations.js';

/** Request bodies and answer mappers of the administrative writes (docs/upstreams/commvault.md §10). */
const STORE: CvDdbTarget = { storeId: 31, storeName: 'DiskPool01_DDB', storagePolicyName: 'Server Plan', copyName: 'Primary', subStoreIds: [41, 42] };

describe('DR backup body', () => {
  it('sends cvpysdk\'s body: backupType 1 for full, 3 for differential, jobType 1', () => {
    expect(drBackupBody('full', true)).toEqual({ isCompressionEnabled: true, jobType: 1, backupType: 1 });
    expect(drBackupBody('differential', false)).toEqual({ isCompressionEnabled: false, jobType: 1, backupType: 3 });
  });
});

describe('DDB operation messages', () => {
  it('seals with App_SealSIDBStoreReq naming the store id', () => {
    expect(ddbOperationMessage('seal', STORE)).toEqual({ App_SealSIDBStoreReq: { SidbStoreId: 31 } });
  });

  it('verifies with an ARCHIVE_CHECK admin task on the store\'s copy: incremental, quick', () => {
    const task = (ddbOperationMessage('verify', STORE) as any).TMMsg_CreateTaskReq.taskInfo;
    expect(task.task).toEqual({ taskFlags: { disabled: false }, policyType: 'DATA_PROTECTION', taskType: 'IMMEDIATE', initiatedFrom: 'COMMANDLINE' });
    expect(task.associations).toEqual({ copyName: 'Primary', storagePolicyName: 'Server Plan', sidbStoreName: 'DiskPool01_DDB' });
    expect(task.subTasks.subTask).toEqual({ subTaskType: 'ADMIN', operationType: 'ARCHIVE_CHECK' });
    expect(task.subTasks.options.adminOpts.archiveCheckOption).toEqual({ ddbVerificationLevel: 'QUICK_DDB_VERIFICATION', backupLevel: 'INCREMENTAL' });
    expect(task.subTasks.subTaskOperation).toBe('OVERWRITE');
  });

  it('reclaims space with DDB_DEFRAGMENTATION at cvpysdk\'s default level (40 %)', () => {
    const option = (ddbOperationMessage('reclaimSpace', STORE) as any).TMMsg_CreateTaskReq.taskInfo.subTasks.options.adminOpts.archiveCheckOption;
    expect(option).toEqual({ ddbVerificationLevel: 'DDB_DEFRAGMENTATION', backupLevel: 'FULL', defragmentationPercentage: 40, ocl: false, runDefrag: true });
  });

  it('reconstructs with a DEDUPDBSYNC admin task naming the store and its partitions, from the last DDB backup', () => {
    const task = (ddbOperationMessage('reconstruct', STORE) as any).TMMsg_CreateTaskReq.taskInfo;
    expect(task.associations).toEqual({ copyName: 'Primary', storagePolicyName: 'Server Plan' });
    expect(task.subTasks.subTask).toEqual({ subTaskType: 'ADMIN', operationType: 'DEDUPDBSYNC' });
    expect(task.subTasks.options.adminOpts.dedupDBSyncOption).toEqual({ SIDBStoreId: 31, SubStoreIdList: [{ val: 41 }, { val: 42 }] });
    expect(task.subTasks.options.adminOpts.reconstructDedupDBOption).toMatchObject({ flags: 0, allowMaximum: true, useScallableResourceManagement: true });
  });
});

describe('plan job operations body', () => {
  it('carries every field of the reference, retainUntilTime in Unix seconds', () => {
    const body = planJobOperationsBody({
      storagePolicyId: 5, copyId: 9, opType: 'RETAIN', jobIds: [1426069, 1426070], commcellId: 2,
      retainUntil: new Date('2027-01-01T00:00:00.900Z'), loadDependentJobs: true, loadArchiverJobs: false,
    });
    expect(body).toEqual({
      storagePolicyId: 5, copyId: 9, opType: 'RETAIN', jobIds: [1426069, 1426070], commcellId: 2,
      retainUntilTime: 1798761600, loadDependentJobs: true, loadArchiverJobs: false,
    });
  });

  it('sends 0 for no retain date and false for the flags left out', () => {
    expect(planJobOperationsBody({ storagePolicyId: 5, copyId: 9, opType: 'DELETE', jobIds: [1], commcellId: 2 })).toMatchObject({
      retainUntilTime: 0, loadDependentJobs: false, loadArchiverJobs: false,
    });
  });
});

// The reference's example item, with values filled in.
const JOB_INFO = {
  jobId: 1426069, status: 'Completed', statusId: 1,
  server: { id: 12, name: 'fs01' }, agentType: { id: 33, name: 'Windows File System' }, subClient: { id: 104, name: 'default' },
  jobType: 'Full', startTime: 1767300000, sizeOfApplication: 5368709120, retainUntil: 1769892000,
  instance: { id: 1, name: 'DefaultInstanceName' }, backupSet: { id: 7, name: 'defaultBackupSet' }, region: { id: 0, name: '' },
  retentionReason: 'Basic retention', username: 'admin', description: '', savingPercentage: 81.5, dataWritten: 993001472,
  avgThroughput: 412.25, endTime: 1767303600, duration: 3600, dataVerificationStatus: 5, hardwareEncrypted: false,
  lastVerifiedOn: '1767400000', copiedTime: 1767310000, encrypted: true, parentJobId: 0, retainedBy: 3, deduplicated: true,
  requiredByJobs: '1426080, 1426091', strRetainedBy: 'Basic Retention', strDataVerificationStatus: 'Successful',
  isAged: false, isSoftAged: false, jobAttributesEx: 4096,
};

describe('plan job operation answer', () => {
  it('reads every jobInfo field: refs, Unix-second times as dates, byte sizes unconverted, enums, linked jobs', () => {
    expect(toPlanCopyJob(JOB_INFO)).toEqual({
      jobId: 1426069, status: 'Completed', statusId: 1,
      server: { id: 12, name: 'fs01' }, agentType: { id: 33, name: 'Windows File System' }, subclient: { id: 104, name: 'default' },
      instance: { id: 1, name: 'DefaultInstanceName' }, backupset: { id: 7, name: 'defaultBackupSet' }, region: null,
      jobType: 'Full', startedAt: new Date(1767300000_000), endedAt: new Date(1767303600_000), durationSeconds: 3600,
      applicationBytes: 5368709120, dataWrittenBytes: 993001472, retainUntil: new Date(1769892000_000),
      retentionReason: 'Basic retention', retainedBy: 'BASIC_RETENTION', retainedByCode: 3, userName: 'admin', description: null,
      savingPercent: 81.5, avgThroughput: 412.25, dataVerificationStatus: 'SUCCESSFUL', dataVerificationStatusText: 'Successful',
      lastVerifiedAt: new Date(1767400000_000), copiedAt: new Date(1767310000_000), hardwareEncrypted: false, encrypted: true,
      deduplicated: true, aged: false, softAged: false, parentJobId: null, requiredByJobIds: [1426080, 1426091], jobAttributesEx: 4096,
    });
  });

  it('takes the verification status from the code, and from the words only when the code is missing or unknown', () => {
    expect(toPlanCopyJob({ jobId: 1, dataVerificationStatus: 0, strDataVerificationStatus: 'Failed' })?.dataVerificationStatus).toBe('UNCHECKED');
    expect(toPlanCopyJob({ jobId: 1, dataVerificationStatus: 6 })?.dataVerificationStatus).toBe('FAILED');
    expect(toPlanCopyJob({ jobId: 1, strDataVerificationStatus: 'Invalid data received.' })?.dataVerificationStatus).toBe('INVALID_DATA');
    expect(toPlanCopyJob({ jobId: 1, dataVerificationStatus: 42, strDataVerificationStatus: 'Picked' })?.dataVerificationStatus).toBe('TO_BE_CHECKED');
    expect(toPlanCopyJob({ jobId: 1 })?.dataVerificationStatus).toBeNull();
  });

  it('reads the retention reason words case-insensitively and leaves unknown ones null', () => {
    expect(toPlanCopyJob({ jobId: 1, strRetainedBy: 'extended retention' })?.retainedBy).toBe('EXTENDED_RETENTION');
    expect(toPlanCopyJob({ jobId: 1, strRetainedBy: 'No Data Available' })?.retainedBy).toBe('NO_DATA_AVAILABLE');
    expect(toPlanCopyJob({ jobId: 1, strRetainedBy: 'Legal hold' })?.retainedBy).toBeNull();
  });

  it('reads lastVerifiedOn as Unix seconds or a date string; 0 and junk are null', () => {
    expect(toPlanCopyJob({ jobId: 1, lastVerifiedOn: '2026-12-01T10:00:00Z' })?.lastVerifiedAt).toEqual(new Date('2026-12-01T10:00:00Z'));
    expect(toPlanCopyJob({ jobId: 1, lastVerifiedOn: '0' })?.lastVerifiedAt).toBeNull();
    expect(toPlanCopyJob({ jobId: 1, lastVerifiedOn: 'never' })?.lastVerifiedAt).toBeNull();
  });

  it('reads the flags and keeps an error only when its code is not 0', () => {
    const ok = toPlanJobOperationResult({ dependentJobsExist: true, archiverJobsExist: false, jobInfo: [JOB_INFO, { status: 'no id' }], error: { errorMessage: '', errorCode: 0 } });
    expect(ok).toMatchObject({ dependentJobsExist: true, archiverJobsExist: false, error: null });
    expect(ok.jobs.map((j) => j.jobId)).toEqual([1426069]);
    const partial = toPlanJobOperationResult({ jobInfo: JOB_INFO, error: { errorMessage: 'Job [7] is not on this copy. ', errorCode: 2 } });
    expect(partial).toMatchObject({ dependentJobsExist: false, archiverJobsExist: false, error: { code: 'UPSTREAM_ERROR', message: 'Job [7] is not on this copy.' } });
    expect(partial.jobs).toHaveLength(1);
    expect(toPlanJobOperationResult({})).toEqual({ dependentJobsExist: false, archiverJobsExist: false, jobs: [], error: null });
  });
});

describe('qoperation and CommServe answers', () => {
  it('reads the started job of a DDB task and the words of a seal', () => {
    expect(toDdbOperationOutcome({ jobIds: ['1426101'] })).toEqual({ jobIds: [1426101], message: null });
    expect(toDdbOperationOutcome({ error: { errorCode: 0, errorString: 'Store sealed. ' } })).toEqual({ jobIds: [], message: 'Store sealed.' });
    expect(toDdbOperationOutcome({ errorCode: 0, errorMessage: '' })).toEqual({ jobIds: [], message: null });
  });

  it('reads the CommCell id of GET /CommServ', () => {
    expect(toCommCellId({ commcell: { commCellId: 2, commCellName: 'cs01' } })).toBe(2);
    expect(toCommCellId({ hostName: 'cs01' })).toBeNull();
  });
});
