import { registerEnumType } from 'type-graphql';
import type { CvDataVerificationStatus, CvRetainedBy } from '../../datasources/commvault/admin-model.js';
import type { Holds, SameValues } from '../record-checks.js';

export enum DrBackupType {
  FULL = 'FULL',
  DIFFERENTIAL = 'DIFFERENTIAL',
}

registerEnumType(DrBackupType, { name: 'DrBackupType', description: 'The level of a CommServe disaster recovery (DR) backup.' });

export enum DdbOperation {
  VERIFY = 'VERIFY',
  RECLAIM_SPACE = 'RECLAIM_SPACE',
  SEAL = 'SEAL',
  RECONSTRUCT = 'RECONSTRUCT',
}

registerEnumType(DdbOperation, {
  name: 'DdbOperation',
  description: 'What `runDdbOperation` does to a deduplication database store.',
  valuesConfig: {
    VERIFY: { description: 'Start an incremental, quick DDB verification job (the store\'s entries, not the data).' },
    RECLAIM_SPACE: { description: 'Start a space reclamation (defragmentation) job: level 3 of 4, blocks 40 % or more unused.' },
    SEAL: { description: 'Seal the store: new backups start a new DDB. Starts no job.' },
    RECONSTRUCT: { description: 'Start a DDB reconstruction job rebuilding the store\'s partitions from its last DDB backup.' },
  },
});

export enum PlanJobOperationType {
  DELETE = 'DELETE',
  RETAIN = 'RETAIN',
  DO_NOT_RETAIN = 'DO_NOT_RETAIN',
  DISALLOW_COPY = 'DISALLOW_COPY',
  DISALLOW_COPY_ALL = 'DISALLOW_COPY_ALL',
  ALLOW_COPY = 'ALLOW_COPY',
}

registerEnumType(PlanJobOperationType, {
  name: 'PlanJobOperationType',
  description: 'What `runPlanJobOperation` does to jobs of one plan backup destination (storage policy copy).',
  valuesConfig: {
    DELETE: { description: 'Delete the jobs from the copy. Needs `confirm: true`.' },
    RETAIN: { description: 'Keep the jobs until `retainUntil` (or with no end date when it is absent).' },
    DO_NOT_RETAIN: { description: 'Drop a manual retention: the jobs age by the copy\'s rules again. Needs `confirm: true`.' },
    DISALLOW_COPY: { description: 'Do not copy these jobs to this copy.' },
    DISALLOW_COPY_ALL: { description: 'Do not copy these jobs to this copy or the copies fed by it.' },
    ALLOW_COPY: { description: 'Copy the jobs again after DISALLOW_COPY.' },
  },
});

/** Values shared with the mapper's `CvDataVerificationStatus`. */
export enum CommvaultDataVerificationStatus {
  UNCHECKED = 'UNCHECKED',
  EXPIRED = 'EXPIRED',
  DO_NOT_CHECK = 'DO_NOT_CHECK',
  TO_BE_CHECKED = 'TO_BE_CHECKED',
  PARTIAL = 'PARTIAL',
  SUCCESSFUL = 'SUCCESSFUL',
  FAILED = 'FAILED',
  INVALID_DATA = 'INVALID_DATA',
}

registerEnumType(CommvaultDataVerificationStatus, {
  name: 'CommvaultDataVerificationStatus',
  description: 'Whether periodic data verification (DV) jobs checked a job\'s data on a copy (`dataVerificationStatus` 0–6).',
  valuesConfig: {
    UNCHECKED: { description: '0, "Not Picked".' },
    EXPIRED: { description: '1.' },
    DO_NOT_CHECK: { description: '2.' },
    TO_BE_CHECKED: { description: '3, "Picked".' },
    PARTIAL: { description: '4, partly checked.' },
    SUCCESSFUL: { description: '5.' },
    FAILED: { description: '6.' },
    INVALID_DATA: { description: '"Invalid data received." (text only).' },
  },
});

/** Values shared with the mapper's `CvRetainedBy`. */
export enum CommvaultRetainedBy {
  NO_DATA_AVAILABLE = 'NO_DATA_AVAILABLE',
  USER = 'USER',
  EXTENDED_RETENTION = 'EXTENDED_RETENTION',
  BASIC_RETENTION = 'BASIC_RETENTION',
}

registerEnumType(CommvaultRetainedBy, { name: 'CommvaultRetainedBy', description: 'Why a copy keeps a job (`strRetainedBy`).' });

// Compile-time: the mapper's values and the schema's are the same sets.
export type AdminEnumChecks = [
  Holds<SameValues<`${CommvaultDataVerificationStatus}`, CvDataVerificationStatus>>,
  Holds<SameValues<`${CommvaultRetainedBy}`, CvRetainedBy>>,
];
