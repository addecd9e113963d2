/**
 * The Commvault simulator's seeded data, typed. Ids, names and sizes are what the wire answers are built
 * from, so tests compute their expectations from these records. Times are Unix seconds and sizes follow
 * the API's units (storage in MB, job sizes in bytes) so nothing needs converting twice.
 */

export interface Company {
  companyId: number;
  companyName: string;
  domain: string;
}

export interface SimUser {
  userId: number;
  userName: string;
  password: string;
  /** null: sees every company (a CommCell admin). */
  companyId: number | null;
  /**
   * An MSP service account (Commvault Cloud): the companies it may act for with the `operatorcompanyid`
   * header; each call with the header sees that company only. Absent: the user acts for its own company.
   */
  operatesCompanyIds?: number[];
  userGUID: string;
  email: string;
}

export interface CommServInfo {
  commCellId: number;
  commCellName: string;
  csGUID: string;
  hostName: string;
  clientId: number;
  csVersionInfo: string;
  currentSPVersion: number;
  releaseName: string;
  timeZoneName: string;
  timeZone: string;
  /** The IANA zone the simulated CommServe's scheduler runs in (the Windows names above, as CLDR maps them). */
  ianaTimeZone: string;
  licence: CommServLicence;
  drBackup: DrBackupSettings;
}

/** What `GET /V4/License` and V1 `GET /CommcellRegistrationInformation` both tell, each in its own names. */
export interface CommServLicence {
  edition: string;
  /** EVALUATION | PRODUCTION | DR_PRODUCTION. */
  mode: string;
  serialNumber: string;
  registrationCode: string;
  ipAddress: string;
  oemName: string;
  /** Unix seconds. */
  expiryDate: number;
}

/** `GET /Commcell/DRBackup/Properties` → `drBackupInfo.exportSettings`. */
export interface DrBackupSettings {
  backupMetadataFolder: string;
  numberOfMetadata: number;
  isUseVSS: boolean;
  uploadBackupMetadataToCloud: boolean;
  storagePolicyName: string;
}

/** One `GET /V4/AnomalousConditions` item: `anomalyType` spelled as the API does, with spaces. */
export interface HealthCondition {
  /** Unix seconds. */
  time: number;
  clientId: number;
  clientName: string;
  anomalyType: 'High CPU usage' | 'High memory usage' | 'Offline client' | 'Anomalous runtime' | 'Anomalous event';
  description: string;
}

/** One activity of CommCell activity control; changed by the Enable/Disable calls. */
export interface ActivityState {
  activityType: number;
  enabled: boolean;
  /** Unix seconds; 0 = no delayed re-enable. */
  reEnableTime: number;
}

export type OsFamily = 'Windows' | 'Linux';

export interface Client {
  clientId: number;
  clientName: string;
  displayName: string;
  hostName: string;
  clientGUID: string;
  companyId: number;
  companyName: string;
  os: OsFamily;
  osName: string;
  version: string;
  /** CommServe and MediaAgents: listed by `GET /V4/Servers` only with showOnlyInfrastructureMachines. */
  isInfrastructure: boolean;
  /** Reachability as V4 reports it (`networkReadiness`). */
  online: boolean;
  description: string;
}

export interface Agent {
  clientId: number;
  applicationId: number;
  appName: string;
}

export interface Instance {
  instanceId: number;
  instanceName: string;
  clientId: number;
  applicationId: number;
}

export interface Backupset {
  backupsetId: number;
  backupsetName: string;
  clientId: number;
  applicationId: number;
  instanceId: number;
  isDefault: boolean;
}

export interface Subclient {
  subclientId: number;
  subclientName: string;
  clientId: number;
  applicationId: number;
  instanceId: number;
  backupsetId: number;
  planId: number;
  storagePolicyId: number;
  /** Content paths (`content[].path`); changed by `POST /Subclient/{id}`. */
  content: string[];
  /** Filters (`content[].excludePath`). */
  filters: string[];
  /** Exceptions to the filters (`content[].includePath`). */
  exceptions: string[];
  /** `commonProperties.numberOfBackupStreams`. */
  streams: number;
  enableBackup: boolean;
  description: string;
  /** The DDB Backup subclient Commvault keeps on a MediaAgent with DDB partitions (`fsSubClientProp.isDDBSubclient`). */
  ddbBackup?: boolean;
}

export interface MediaAgent {
  /** Same as the MediaAgent's client id, as in Commvault. */
  mediaAgentId: number;
  mediaAgentName: string;
  hostName: string;
  online: boolean;
  offlineReason: string;
  offlineReasonValue: number;
  os: OsFamily;
  osName: string;
  version: string;
  indexCachePath: string;
  /** In maintenance: V2 still reports it online (status 1), V4 `status: MAINTENANCE` and `control.maintenanceMode`. */
  maintenanceMode: boolean;
}

export interface MountPath {
  mountPathId: number;
  mountPathName: string;
  mediaAgentId: number;
  capacityMB: number;
  freeMB: number;
  dataWrittenMB: number;
  appSizeMB: number;
  online: boolean;
}

export interface Library {
  libraryId: number;
  libraryName: string;
  libraryType: 'Disk' | 'Cloud';
  storagePoolId: number;
  mountPaths: MountPath[];
}

export type StorageKind = 'disk' | 'cloud';

export interface StoragePool {
  storagePoolId: number;
  storagePoolName: string;
  kind: StorageKind;
  dedup: boolean;
  /** V1 `libraryVendorType`: 0 for disk, 401..499 for cloud (cvpysdk's test). */
  libraryVendorType: number;
  /** Cloud vendor shown by V4 cloud detail. */
  cloudVendor: string | null;
  status: 'Online' | 'Offline';
  libraryId: number;
  mediaAgentIds: number[];
  /** MB, as the API reports. */
  capacityMB: number;
  freeMB: number;
  sizeOnDiskMB: number;
  appSizeMB: number;
  dedupeSavingsPercent: number;
  retentionDays: number;
  ddbStoreId: number | null;
}

export interface StoragePolicyCopy {
  copyId: number;
  copyName: string;
  copyPrecedence: number;
  /** 1 primary, 2 synchronous secondary (aux copy). */
  copyType: number;
  storagePoolId: number;
  libraryId: number;
  /** Basic retention, days; -1 keeps jobs indefinitely. */
  retentionDays: number;
  /** Basic retention, full cycles (V2 `retainBackupDataForCycles`). @default 1 */
  retentionCycles?: number;
  /** Extended retention rules, by rank (at most three). @default none */
  extendedRetention?: SimExtendedRule[];
  /** Whether data aging prunes this copy. @default true */
  dataAging?: boolean;
  /** Job-based retention: jobs kept; 0 or absent for none. */
  retainJobs?: number;
  /** The copy's own rule overrides its pool's retention. @default true */
  overridePool?: boolean;
}

/** Which fulls an extended rule keeps (the V4 `type` names). */
export type SimRetainedFulls =
  | 'ALL_FULLS' | 'HOURLY_FULLS' | 'DAILY_FULLS' | 'WEEKLY_FULLS' | 'MONTHLY_FULLS' | 'QUARTERLY_FULLS' | 'HALF_YEARLY_FULLS' | 'YEARLY_FULLS';

export interface SimExtendedRule {
  fulls: SimRetainedFulls;
  /** -1: indefinitely. */
  days: number;
}

export interface StoragePolicy {
  storagePolicyId: number;
  storagePolicyName: string;
  planId: number | null;
  companyId: number;
  copies: StoragePolicyCopy[];
}

export interface Plan {
  planId: number;
  planName: string;
  companyId: number;
  storagePolicyId: number;
  rpoInMinutes: number;
  /** V2 `type` 2 = server plan; `subtype` as cvpysdk reads it. */
  type: number;
  subtype: number;
}

export interface DdbPartition {
  subStoreId: number;
  path: string;
  mediaAgentId: number;
  /** 1 online. */
  status: number;
  freeDiskSpaceMB: number;
  totalCapacityMB: number;
  /** Average Q&I time, microseconds. */
  avgQITime: number;
  lastSnapTime: number;
}

export interface DdbStore {
  storeId: number;
  storeName: string;
  storagePoolId: number;
  storagePolicyId: number;
  copyId: number;
  ddbVersion: number;
  status: number;
  sealedTime: number;
  /** `storeFlags` of the engine list (IdxSIDBStore flags: 16777216 maintenance, 33554432 needs resync, 536870912 pruning on). */
  storeFlags: number;
  partitions: DdbPartition[];
}

export type JobType =
  | 'Backup'
  | 'Restore'
  | 'Data Aging'
  | 'Aux Copy'
  // Administrative jobs started through the API (routes/dr-backup.ts, routes/ddb-operations.ts).
  | 'DR Backup'
  | 'Data Verification'
  | 'DDB Space Reclamation'
  | 'DDB Reconstruction';

export type JobStatus =
  | 'Running'
  | 'Waiting'
  | 'Pending'
  | 'Suspended'
  | 'Completed'
  | 'Completed w/ one or more errors'
  | 'Completed w/ one or more warnings'
  | 'Failed'
  | 'Killed';

export type BackupLevelName = 'Full' | 'Incremental' | 'Differential' | 'Synthetic Full';

export interface Job {
  jobId: number;
  jobType: JobType;
  opType: number;
  status: JobStatus;
  /** Every job names a subclient (admin jobs the CommServe's), and its plan/policy are that subclient's. */
  subclientId: number;
  clientId: number;
  companyId: number;
  storagePolicyId: number;
  planId: number;
  /** Backups only. */
  backupLevel: BackupLevelName | null;
  startTime: number;
  /** 0 while active. */
  endTime: number;
  lastUpdateTime: number;
  sizeOfApplication: number;
  sizeOfMediaOnDisk: number;
  totalNumOfFiles: number;
  totalFailedFiles: number;
  percentComplete: number;
  percentSavings: number;
  pendingReason: string;
  userName: string;
  /** A restore to another client than the source's (out of place); the job runs there. */
  destClientId?: number;
  /** Why a Failed or Killed job ended so (JobDetails `reasonForJobDelay`); seeded by failure-reasons.ts. */
  failureReason?: string;
}

export type EventSeverity = 0 | 3 | 6 | 9;

export interface SimEvent {
  id: number;
  severity: EventSeverity;
  /** Numeric here; the wire sends it as a string (docs/upstreams/commvault.md §6.2). */
  eventCode: number;
  eventCodeString: string;
  subsystem: string;
  description: string;
  timeSource: number;
  /** 0 when the event is not about a job. */
  jobId: number;
  clientId: number;
  companyId: number;
}

export interface AlertRule {
  id: number;
  name: string;
  guid: string;
  categoryId: number;
  categoryName: string;
  typeId: number;
  typeName: string;
  /** Shown by `GET /V4/AlertDefinitions` only; V1 `GET /AlertRule` does not say. */
  enabled: boolean;
  description: string;
  /** Unix seconds. */
  createdTime: number;
}

/** `GET /V4/TriggeredAlerts` severities (docs/upstreams/commvault.md §5). */
export type TriggeredAlertSeverity = 'AUTO_PICK' | 'CRITICAL' | 'MAJOR' | 'INFORMATION';

export interface TriggeredAlert {
  id: number;
  ruleId: number;
  severity: TriggeredAlertSeverity;
  detectedCriterion: string;
  info: string;
  /** `<category> - <type>` of the rule. */
  type: string;
  /** Unix seconds. */
  detectedTime: number;
  /** The event that triggered it. */
  eventId: number;
  clientId: number;
  companyId: number;
}

/** A hypervisor: a client with the Virtual Server agent, whose agent instance names the vendor. */
export interface SimHypervisor {
  /** The pseudo-client's client id. */
  clientId: number;
  /** V4 `HypervisorType`. */
  vendor: 'VMW' | 'MICROSOFT';
  /** V4 `version`. */
  version: string;
  instanceId: number;
  instanceName: string;
}

/** `vmStatus` codes of `GET /VM`: 1 protected, 2 not protected, 4 backed up with error, 5 discovered. */
export type SimVmStatus = 1 | 2 | 4 | 5;

export interface SimVirtualMachine {
  /** The VM's own client (in `clients`), as Commvault makes one for each VM it knows. */
  clientId: number;
  name: string;
  guid: string;
  hypervisorId: number;
  /** The Virtual Server subclient (VM group) that backs it up; null for a VM only discovered. */
  subclientId: number | null;
  guestOs: string;
  osType: 1 | 2;
  host: string;
  sizeBytes: number;
  usedBytes: number;
  guestBytes: number;
  status: SimVmStatus;
  /** Its last successful backup job (Completed, or with errors/warnings); null when never backed up. */
  backupJobId: number | null;
}

/** A snapshot configuration of a storage array (`snapConfigurations` of `GET /V4/StorageArrays/{id}`). */
export interface SimSnapConfig {
  masterConfigId: number;
  name: string;
  /** 1 boolean, 2 number, 3 text (the value is always sent as a string). */
  type: number;
  value: string;
  enabled: boolean;
}

/** An IntelliSnap storage array (`GET /V4/StorageArrays`); its access nodes are MediaAgents. */
export interface SimStorageArray {
  arrayId: number;
  name: string;
  /** The snap vendor as V4 names it, e.g. `Pure Storage FlashArray`. */
  vendorName: string;
  vendorId: number;
  controlHost: string;
  userName: string;
  /** 2 NetApp (cvpysdk's arrayType), 0 otherwise. */
  arrayType: number;
  flags: number;
  description: string;
  region: string;
  uniqueIdentifier: string;
  /** MediaAgent ids (each also a client) that reach the array. */
  accessNodeIds: number[];
  /** The access nodes allowed to prune snapshots. */
  pruningNodeIds: number[];
  snapConfigs: SimSnapConfig[];
}

/** `replicationGroupType` of V4 (CONTINOUS sic) and the V1 `type` it goes with (1 periodic, 2 continuous). */
export type SimReplicationKind = 'PERIODIC' | 'CONTINOUS';

/** A replication group: VMs of one hypervisor replicated to another (or the same, to other hosts). */
export interface SimReplicationGroup {
  groupId: number;
  taskId: number;
  name: string;
  kind: SimReplicationKind;
  sourceHypervisorId: number;
  destinationHypervisorId: number;
  state: 'ENABLED' | 'DISABLED';
}

/** One replicated VM (a pair), as the replication monitors show it. */
export interface SimReplicationPair {
  pairId: number;
  groupId: number;
  /** The source VM's client id (in `virtualMachines` and `clients`). */
  sourceVmClientId: number;
  destinationName: string;
  destinationGuid: string;
  /** Periodic: sync status code 0..11 (1 IN_SYNC, 2 NEEDS_SYNC, 5 SYNC_FAILED); continuous: 0..20 (4 REPLICATING, 8 PROBLEM). */
  status: number;
  /** Periodic only: `FailoverStatus` (0 NONE). */
  failoverStatus: number;
  /** Periodic: the backup job the destination is synced from (the VM's last backup); 0 when none. */
  lastSyncedBackupJobId: number;
  /** Periodic: Unix seconds the destination holds data up to (that backup's end), 0 when never synced. */
  syncedTill: number;
  /** Periodic: Unix seconds the last replication (restore into the destination) ended, 0 when never. */
  lastRestoreTime: number;
  /** Continuous: `lagTime`, seconds. */
  lagSeconds: number;
}

export interface CommvaultDataset {
  /** Unix seconds the data was generated relative to ("now" at start). */
  generatedAt: number;
  seed: number;
  commServ: CommServInfo;
  companies: Company[];
  users: SimUser[];
  clients: Client[];
  agents: Agent[];
  instances: Instance[];
  backupsets: Backupset[];
  subclients: Subclient[];
  mediaAgents: MediaAgent[];
  libraries: Library[];
  storagePools: StoragePool[];
  storagePolicies: StoragePolicy[];
  plans: Plan[];
  ddbStores: DdbStore[];
  /** Ascending by jobId (= by start time); jobs started through the API are appended. */
  jobs: Job[];
  /** Ascending by id. */
  events: SimEvent[];
  /** Ascending by id (V1 `GET /AlertRule`, V4 `GET /V4/AlertDefinitions`). */
  alertRules: AlertRule[];
  /** Ascending by id (= by detection time): `GET /V4/TriggeredAlerts`. */
  triggeredAlerts: TriggeredAlert[];
  /** What the CommServe reports about itself and its clients, oldest first. */
  healthConditions: HealthCondition[];
  /** CommCell activity control, by activityType; mutated by `POST /CommCell/ActivityControl/{type}/Action/…`. */
  activityControl: ActivityState[];
  /** Activity types each client has disabled (`POST /Client/{id}`); a client not named has none disabled. */
  clientActivityDisabled: Record<number, number[]>;
  /** Clients (with backup subclients) without a completed backup in the 7 days before generatedAt. */
  unprotectedClientIds: number[];
  /** Schedule tasks and policies (`GET /Schedules`, `/Schedules/{taskId}`, `/SchedulePolicy/{taskId}`), ascending by task id; changed through the API. */
  schedules: SimScheduleTask[];
  /** Clients with the Virtual Server agent, as hypervisors (`GET /V4/Hypervisor`). */
  hypervisors: SimHypervisor[];
  /** Their VMs (`GET /VM`); each VM's client is in `clients`. */
  virtualMachines: SimVirtualMachine[];
  /** IntelliSnap arrays (`GET /V4/StorageArrays`), ascending by id. */
  storageArrays: SimStorageArray[];
  /** Replication groups (`GET /V4/ReplicationGroup`), ascending by id. */
  replicationGroups: SimReplicationGroup[];
  /** Their pairs (`GET /Replications/Monitors/streaming|continuous`), ascending by id. */
  replicationPairs: SimReplicationPair[];
}

export const APP = {
  windowsFs: { applicationId: 33, appName: 'Windows File System' },
  linuxFs: { applicationId: 29, appName: 'Linux File System' },
  sqlServer: { applicationId: 81, appName: 'SQL Server' },
  virtualServer: { applicationId: 106, appName: 'Virtual Server' },
  oracle: { applicationId: 22, appName: 'Oracle' },
} as const;

export const APP_NAMES: Readonly<Record<number, string>> = {
  33: 'Windows File System',
  29: 'Linux File System',
  81: 'SQL Server',
  106: 'Virtual Server',
  22: 'Oracle',
};

/** opType per job type as `jobFilter` accepts them numerically (values are the simulator's choice). */
export const OP_TYPES: Readonly<Record<JobType, number>> = {
  Backup: 4,
  Restore: 1,
  'Data Aging': 10,
  'Aux Copy': 104,
  'DR Backup': 22,
  'Data Verification': 31,
  'DDB Space Reclamation': 113,
  'DDB Reconstruction': 80,
};

export const BACKUP_LEVEL_CODES: Readonly<Record<BackupLevelName, number>> = {
  Full: 1,
  Incremental: 2,
  Differential: 4,
  'Synthetic Full': 64,
};

export const ACTIVE_STATUSES: readonly JobStatus[] = ['Running', 'Waiting', 'Pending', 'Suspended'];

export function isActive(status: JobStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** A schedule task or policy (data/schedules.ts): subtasks, each with a `pattern` in the API's `freq_*` terms. */
export interface SimScheduleTask {
  taskId: number;
  taskName: string;
  /** 2 schedule, 4 schedule policy. */
  taskType: 2 | 4;
  policyType: number;
  ownerName: string;
  description: string;
  disabled: boolean;
  isSystem: boolean;
  /** The plan of a schedule policy; its subclients are reached through the plan, not associations. */
  planId?: number;
  associations: SimScheduleAssociation[];
  subTasks: SimSubTask[];
}

export interface SimScheduleAssociation {
  clientId: number;
  applicationId?: number;
  backupsetId?: number;
  subclientId?: number;
}

export interface SimSubTask {
  subTaskId: number;
  subTaskName: string;
  subTaskType: number;
  operationType: number;
  flags: number;
  options: Record<string, unknown>;
  /** As the API carries it: `freq_type`, `freq_interval`, … `timeZone: {TimeZoneName}`. */
  pattern: Record<string, unknown>;
  /**
   * A plan schedule's exceptions by week of the month, as `PUT /V4/ServerPlan/{id}/RPO` gave them (each
   * entry excepts every week with every day of it). Kept beside the legacy `pattern`, which has no such
   * key: only the V4 plan reads show them (docs/upstreams/commvault-schedules.md §10).
   */
  weekExceptions?: SimWeekException[];
}

/** `exceptions[]` entry by week of the month: `onWeekOfTheMonth` FIRST…LAST × `onDayOfTheWeek` (V4 `DayOfWeek`). */
export interface SimWeekException {
  onWeekOfTheMonth: string[];
  onDayOfTheWeek: string[];
}
