/**
 * The CommServe itself as CommvaultSource reads it (docs/upstreams/commvault.md §11): identity and
 * version, licence and registration, the health conditions it reports, activity control and DR backup
 * settings. Our units (Date, booleans, enum values the schema shares); the mappers read the raw JSON.
 */
import type { UpstreamRef } from '../record.js';

/** `GET /CommServ`. */
export interface CvCommServe {
  readonly __typename: 'CommServe';
  readonly upstream: UpstreamRef;
  commCellId: number;
  name: string;
  guid: string | null;
  hostName: string | null;
  /** `csVersionInfo` as sent, e.g. `11.32.45` or `11 SP32+`. */
  version: string | null;
  servicePack: number | null;
  release: string | null;
  /** `csTimeZone.TimeZoneName`, else the `(UTC…)` part or the name in `timeZone`. */
  timeZone: string | null;
}

/** `licenseMode` of `GET /V4/License`. */
export type CvLicenceMode = 'EVALUATION' | 'PRODUCTION' | 'DR_PRODUCTION' | 'OTHER';

/** `GET /V4/License`. */
export interface CvLicence {
  commCellId: number | null;
  edition: string | null;
  mode: CvLicenceMode | null;
  /** `licenseMode` as sent, for a value the enum does not know. */
  modeText: string | null;
  serialNumber: string | null;
  registrationCode: string | null;
  commServeIpAddress: string | null;
  licenceIpAddress: string | null;
  expiresAt: Date | null;
}

/** `GET /CommcellRegistrationInformation` (V1; its names differ from V4's). */
export interface CvRegistration {
  commCellId: number | null;
  /** `commcellId` as Commvault shows it: hex, `FFFFF` for -1. */
  commCellIdHex: string | null;
  commServeHost: string | null;
  licenceIpAddress: string | null;
  oemName: string | null;
  registrationCode: string | null;
  serialNumber: string | null;
  /** `licenseMode` as sent (its type is not fixed by any source: text or number). */
  licenceMode: string | null;
  /** `expiryDate` read as Unix seconds when numeric; null otherwise (then see expiryText). */
  expiresAt: Date | null;
  expiryText: string | null;
}

/** `anomalyType` of `GET /V4/AnomalousConditions`, as an enum. */
export type CvHealthConditionType = 'HIGH_CPU_USAGE' | 'HIGH_MEMORY_USAGE' | 'OFFLINE_CLIENT' | 'ANOMALOUS_RUNTIME' | 'ANOMALOUS_EVENT' | 'OTHER';

/** One item of `anomalousConditions`. */
export interface CvHealthCondition {
  at: Date | null;
  type: CvHealthConditionType;
  /** `anomalyType` as sent, e.g. `High CPU usage`. */
  typeText: string | null;
  description: string | null;
  clientId: number | null;
  clientName: string | null;
}

/** The activities of CommCell activity control, by the names the schema uses (codes in activityOfCode). */
export type CvActivity =
  | 'ALL'
  | 'BACKUP'
  | 'RESTORE'
  | 'AUX_COPY'
  | 'DATA_AGING'
  | 'SCHEDULER'
  | 'DDB'
  | 'OFFLINE_CONTENT_INDEXING'
  | 'DATA_VERIFICATION'
  | 'OTHER';

/** One activity's state (an `acObjects` item, or a client's `activityControlOptions` item). */
export interface CvActivityControl {
  activity: CvActivity;
  /** The upstream's `activityType` code. */
  code: number;
  enabled: boolean;
  /** When a disabled activity turns itself back on; null when it does not. */
  reEnableAt: Date | null;
}

/** `GET /Commcell/DRBackup/Properties` → `drBackupInfo`: where and how DR backups are kept. */
export interface CvDrBackupSettings {
  /** Its CommServe (the last DR backup job is read there). */
  readonly upstream: UpstreamRef;
  metadataFolder: string | null;
  /** `numberOfMetadata`: how many DR backups the folder keeps. */
  copiesKept: number | null;
  useVss: boolean | null;
  uploadToCloud: boolean | null;
  cloudLibraryName: string | null;
  storagePolicyName: string | null;
}
