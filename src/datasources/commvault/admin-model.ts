/**
 * What CommvaultSource's administrative writes return (docs/upstreams/commvault.md §10), read out of the
 * answers by the mappers: our units (bytes, seconds, Date) and enum values the schema shares.
 */
import type { CvRef } from './model.js';

/** `dataVerificationStatus` 0..6 of the reference, plus the string-only "Invalid data received.". */
export type CvDataVerificationStatus =
  | 'UNCHECKED'
  | 'EXPIRED'
  | 'DO_NOT_CHECK'
  | 'TO_BE_CHECKED'
  | 'PARTIAL'
  | 'SUCCESSFUL'
  | 'FAILED'
  | 'INVALID_DATA';

/** `strRetainedBy`: why the copy keeps the job. */
export type CvRetainedBy = 'NO_DATA_AVAILABLE' | 'USER' | 'EXTENDED_RETENTION' | 'BASIC_RETENTION';

/** One `jobInfo` item of a plan backup destination job operation: a job on that copy. */
export interface CvPlanCopyJob {
  jobId: number;
  status: string | null;
  statusId: number | null;
  server: CvRef | null;
  agentType: CvRef | null;
  subclient: CvRef | null;
  instance: CvRef | null;
  backupset: CvRef | null;
  region: CvRef | null;
  /** "Backup level of the Job" (e.g. `Full`). */
  jobType: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  applicationBytes: number | null;
  dataWrittenBytes: number | null;
  retainUntil: Date | null;
  retentionReason: string | null;
  retainedBy: CvRetainedBy | null;
  retainedByCode: number | null;
  userName: string | null;
  description: string | null;
  savingPercent: number | null;
  avgThroughput: number | null;
  dataVerificationStatus: CvDataVerificationStatus | null;
  dataVerificationStatusText: string | null;
  lastVerifiedAt: Date | null;
  copiedAt: Date | null;
  hardwareEncrypted: boolean | null;
  encrypted: boolean | null;
  deduplicated: boolean | null;
  aged: boolean | null;
  softAged: boolean | null;
  parentJobId: number | null;
  requiredByJobIds: number[];
  jobAttributesEx: number | null;
}

/** The answer of `POST /V4/Plan/BackupDestination/JobOperations`. */
export interface CvPlanJobOperationResult {
  dependentJobsExist: boolean;
  archiverJobsExist: boolean;
  jobs: CvPlanCopyJob[];
  /** The answer's `error` when its code is not 0 (the operation may have done part of its work). */
  error: { code: string; message: string } | null;
}

/** What a DDB operation came to: the job it started, or none (seal). */
export interface CvDdbOperationOutcome {
  jobIds: number[];
  /** Commvault's own words when it gave some (a seal answers `errorCode: 0` and maybe a message). */
  message: string | null;
}
