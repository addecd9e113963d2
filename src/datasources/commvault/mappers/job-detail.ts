import type { JobDetailRecord, JobVmResult } from '../../job-detail.js';
import { field, int, list, num, path, str, unixSeconds } from './read.js';

/** States whose `reasonForJobDelay` says why the job failed rather than why it waits. */
const FAILED_STATE = /fail|kill|error/i;

/**
 * `POST /JobDetails` → `{job: {jobDetail: {detailInfo, generalInfo, progressInfo, attemptsInfo,
 * clientStatusInfo}}}` (docs/upstreams/commvault.md, "Job detail"). `detailInfo` sends sizes, times,
 * savings and throughput as strings beside int siblings; `-999` means unavailable (both read as null).
 * `progressInfo.reasonForJobDelay` is the one reason field: a failure reason once the job failed, a
 * delay reason while it runs. No JobDetails key carries an error code, so `errorCode` stays null.
 * Null when the answer holds no `jobDetail`.
 */
export function toJobDetail(body: unknown): JobDetailRecord | null {
  const detail = path(body, 'job', 'jobDetail');
  if (detail === undefined) return null;
  const info = field(detail, 'detailInfo');
  const general = field(detail, 'generalInfo');
  const progress = field(detail, 'progressInfo');
  const subclient = field(general, 'subclient');
  const state = str(field(progress, 'state'));
  const reason = str(field(progress, 'reasonForJobDelay'));
  const failed = state !== null && FAILED_STATE.test(state);
  const attempts = list(field(detail, 'attemptsInfo')).length;
  return {
    state,
    phase: null,
    attempts: attempts > 0 ? attempts : null,
    failureReason: failed ? reason : null,
    errorCode: null,
    delayReason: failed ? null : reason,
    throughputGBPerHour: num(field(info, 'throughPut')),
    transferSeconds: num(field(info, 'transferTime')),
    filesCount: int(field(general, 'totalNumOfFiles')),
    filesTransferred: int(field(progress, 'numOfFilesTransferred')),
    skippedItems: int(field(info, 'skippedItems')),
    applicationBytes: num(field(info, 'sizeOfApplication')),
    transferredBytes: num(field(info, 'dataXferedNetwork')),
    writtenBytes: num(field(info, 'dataWritten')),
    savingsPercent: num(field(info, 'savingsPercent')),
    startedBy: str(field(general, 'jobStartedBy')),
    startedFrom: str(field(general, 'jobStartedFrom')),
    clientName: str(field(subclient, 'clientName')),
    agentName: str(field(subclient, 'appName')),
    instanceName: str(field(subclient, 'instanceName')),
    backupsetName: str(field(subclient, 'backupsetName')),
    subclientName: str(field(subclient, 'subclientName')),
    planName: null,
    virtualMachines: list(path(detail, 'clientStatusInfo', 'vmStatus')).map(toVmResult).filter((v): v is JobVmResult => v !== null),
  };
}

/** `clientStatusInfo.vmStatus[]`: PascalCase keys (`GUID`, `Status`, `FailureReason`, `BackupStartTime`). */
function toVmResult(raw: unknown): JobVmResult | null {
  const name = str(field(raw, 'vmName'));
  if (name === null) return null;
  return {
    name,
    uuid: str(field(raw, 'GUID')),
    clientId: int(field(raw, 'clientId')),
    statusCode: int(field(raw, 'Status')),
    failureReason: str(field(raw, 'FailureReason')),
    sizeBytes: num(field(raw, 'Size')),
    backupStartedAt: unixSeconds(field(raw, 'BackupStartTime')),
    backupEndedAt: unixSeconds(field(raw, 'BackupEndTime')),
  };
}
