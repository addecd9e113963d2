import { ErrorCode } from '../../../errors/codes.js';
import type { CvDataVerificationStatus, CvPlanCopyJob, CvPlanJobOperationResult, CvRetainedBy } from '../admin-model.js';
import type { CvRef } from '../model.js';
import { toRef } from './job.js';
import { bool, field, int, list, num, str, unixSeconds } from './read.js';

/** `dataVerificationStatus` codes as the reference lists them (docs/upstreams/commvault.md §10.3). */
const VERIFICATION_BY_CODE: readonly CvDataVerificationStatus[] = [
  'UNCHECKED',
  'EXPIRED',
  'DO_NOT_CHECK',
  'TO_BE_CHECKED',
  'PARTIAL',
  'SUCCESSFUL',
  'FAILED',
];

/** `strDataVerificationStatus` words (lower case), for an answer without the numeric code. */
const VERIFICATION_BY_TEXT: Readonly<Record<string, CvDataVerificationStatus>> = {
  'not picked': 'UNCHECKED',
  expired: 'EXPIRED',
  picked: 'TO_BE_CHECKED',
  partial: 'PARTIAL',
  successful: 'SUCCESSFUL',
  failed: 'FAILED',
  'invalid data received.': 'INVALID_DATA',
  'invalid data received': 'INVALID_DATA',
};

const RETAINED_BY_TEXT: Readonly<Record<string, CvRetainedBy>> = {
  'no data available': 'NO_DATA_AVAILABLE',
  user: 'USER',
  'extended retention': 'EXTENDED_RETENTION',
  'basic retention': 'BASIC_RETENTION',
};

/**
 * `POST /V4/Plan/BackupDestination/JobOperations` → `{dependentJobsExist, archiverJobsExist, jobInfo: [...],
 * error: {errorMessage, errorCode}}` (docs/upstreams/commvault.md §10.3). An `error` with code 0 is no error;
 * another is the public UPSTREAM_ERROR with Commvault's words.
 */
export function toPlanJobOperationResult(body: unknown): CvPlanJobOperationResult {
  const error = field(body, 'error');
  const code = int(field(error, 'errorCode'));
  return {
    dependentJobsExist: bool(field(body, 'dependentJobsExist')) ?? false,
    archiverJobsExist: bool(field(body, 'archiverJobsExist')) ?? false,
    jobs: list(field(body, 'jobInfo'))
      .map(toPlanCopyJob)
      .filter((j): j is CvPlanCopyJob => j !== null),
    error:
      code !== null && code !== 0
        ? { code: ErrorCode.UPSTREAM_ERROR, message: str(field(error, 'errorMessage'))?.trim() || `Commvault error ${code}` }
        : null,
  };
}

/**
 * One `jobInfo` item; null without a job id. Units (docs/upstreams/commvault.md §10.3): times are Unix
 * seconds (0 = unset) → Date; `sizeOfApplication` and `dataWritten` are int64 **bytes** like every job
 * size (§3.3, unlike the MB of storage capacities, §5.1), so they are passed on unconverted; `duration`
 * is seconds.
 */
export function toPlanCopyJob(raw: unknown): CvPlanCopyJob | null {
  const jobId = int(field(raw, 'jobId'));
  if (jobId === null || jobId <= 0) return null;
  const verificationText = str(field(raw, 'strDataVerificationStatus'));
  const retainedByText = str(field(raw, 'strRetainedBy'));
  return {
    jobId,
    status: str(field(raw, 'status')),
    statusId: int(field(raw, 'statusId')),
    server: ref(field(raw, 'server')),
    agentType: ref(field(raw, 'agentType')),
    subclient: ref(field(raw, 'subClient')),
    instance: ref(field(raw, 'instance')),
    backupset: ref(field(raw, 'backupSet')),
    region: ref(field(raw, 'region')),
    jobType: str(field(raw, 'jobType')),
    startedAt: unixSeconds(field(raw, 'startTime')),
    endedAt: unixSeconds(field(raw, 'endTime')),
    durationSeconds: num(field(raw, 'duration')),
    applicationBytes: num(field(raw, 'sizeOfApplication')),
    dataWrittenBytes: num(field(raw, 'dataWritten')),
    retainUntil: unixSeconds(field(raw, 'retainUntil')),
    retentionReason: str(field(raw, 'retentionReason')),
    retainedBy: retainedByText ? (RETAINED_BY_TEXT[retainedByText.trim().toLowerCase()] ?? null) : null,
    retainedByCode: int(field(raw, 'retainedBy')),
    userName: str(field(raw, 'username')),
    description: str(field(raw, 'description')),
    savingPercent: num(field(raw, 'savingPercentage')),
    avgThroughput: num(field(raw, 'avgThroughput')),
    dataVerificationStatus: verification(int(field(raw, 'dataVerificationStatus')), verificationText),
    dataVerificationStatusText: verificationText,
    lastVerifiedAt: timeText(field(raw, 'lastVerifiedOn')),
    copiedAt: unixSeconds(field(raw, 'copiedTime')),
    hardwareEncrypted: bool(field(raw, 'hardwareEncrypted')),
    encrypted: bool(field(raw, 'encrypted')),
    deduplicated: bool(field(raw, 'deduplicated')),
    aged: bool(field(raw, 'isAged')),
    softAged: bool(field(raw, 'isSoftAged')),
    parentJobId: positive(int(field(raw, 'parentJobId'))),
    requiredByJobIds: jobIdList(field(raw, 'requiredByJobs')),
    jobAttributesEx: num(field(raw, 'jobAttributesEx')),
  };
}

function ref(raw: unknown): CvRef | null {
  return toRef(raw, ['id'], ['name']);
}

/** The numeric code decides; the text is read only when the code is absent or outside 0..6. */
function verification(code: number | null, text: string | null): CvDataVerificationStatus | null {
  if (code !== null && VERIFICATION_BY_CODE[code]) return VERIFICATION_BY_CODE[code];
  return text ? (VERIFICATION_BY_TEXT[text.trim().toLowerCase()] ?? null) : null;
}

/**
 * `lastVerifiedOn` is declared a string with no format: Unix seconds as text, or a date the JavaScript
 * parser reads; anything else (or "0") is null.
 */
function timeText(raw: unknown): Date | null {
  const s = str(raw)?.trim();
  if (!s) return null;
  if (/^\d+$/.test(s)) return unixSeconds(s);
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** `requiredByJobs`: "Comma separated list of linked Jobs". */
function jobIdList(raw: unknown): number[] {
  const s = str(raw);
  if (!s) return [];
  return s
    .split(',')
    .map((t) => int(t.trim()))
    .filter((n): n is number => n !== null && n > 0);
}

function positive(n: number | null): number | null {
  return n !== null && n > 0 ? n : null;
}
