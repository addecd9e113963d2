import { registerEnumType } from 'type-graphql';
import type { CvActivity, CvHealthConditionType, CvLicenceMode } from '../../datasources/commvault/commserve-model.js';
import type { Holds, SameValues } from '../record-checks.js';

export enum Activity {
  ALL = 'ALL',
  BACKUP = 'BACKUP',
  RESTORE = 'RESTORE',
  AUX_COPY = 'AUX_COPY',
  DATA_AGING = 'DATA_AGING',
  SCHEDULER = 'SCHEDULER',
  DDB = 'DDB',
  OFFLINE_CONTENT_INDEXING = 'OFFLINE_CONTENT_INDEXING',
  DATA_VERIFICATION = 'DATA_VERIFICATION',
  OTHER = 'OTHER',
}

registerEnumType(Activity, {
  name: 'Activity',
  description: 'An activity a CommServe (or one of its clients) can be stopped from running (activity control, `activityType` codes in brackets).',
  valuesConfig: {
    ALL: { description: 'All job activity (128).' },
    BACKUP: { description: 'Data management: backups (1).' },
    RESTORE: { description: 'Data recovery: restores (2).' },
    AUX_COPY: { description: 'Auxiliary copies (4).' },
    DATA_AGING: { description: 'Data aging (16).' },
    SCHEDULER: { description: 'The job scheduler (256).' },
    DDB: { description: 'Deduplication database activity (512).' },
    OFFLINE_CONTENT_INDEXING: { description: 'Offline content indexing (1024).' },
    DATA_VERIFICATION: { description: 'Data verification (8192).' },
    OTHER: { description: 'A code the gateway does not know (see `code`). Not accepted by the mutations.' },
  },
});

export enum HealthConditionType {
  HIGH_CPU_USAGE = 'HIGH_CPU_USAGE',
  HIGH_MEMORY_USAGE = 'HIGH_MEMORY_USAGE',
  OFFLINE_CLIENT = 'OFFLINE_CLIENT',
  ANOMALOUS_RUNTIME = 'ANOMALOUS_RUNTIME',
  ANOMALOUS_EVENT = 'ANOMALOUS_EVENT',
  OTHER = 'OTHER',
}

registerEnumType(HealthConditionType, {
  name: 'HealthConditionType',
  description: 'What a CommServe health condition is about (`anomalyType` of `GET /V4/AnomalousConditions`; OTHER for a value not known, see `typeText`).',
});

export enum LicenceMode {
  EVALUATION = 'EVALUATION',
  PRODUCTION = 'PRODUCTION',
  DR_PRODUCTION = 'DR_PRODUCTION',
  OTHER = 'OTHER',
}

registerEnumType(LicenceMode, { name: 'LicenceMode', description: 'A CommServe licence\'s mode (`licenseMode` of `GET /V4/License`).' });

export type CommServeEnumChecks = [
  Holds<SameValues<`${Activity}`, CvActivity>>,
  Holds<SameValues<`${HealthConditionType}`, CvHealthConditionType>>,
  Holds<SameValues<`${LicenceMode}`, CvLicenceMode>>,
];
