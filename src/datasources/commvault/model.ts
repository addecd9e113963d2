/**
 * What CommvaultSource returns: upstream objects already read out of Commvault's JSON by the mappers,
 * in our units (bytes, Date, enums). Objects the graph shows as a node type are records (NodeRecord):
 * they carry their GraphQL type name, global id and upstream, and are the resolvers' parents as they
 * are. Their schema classes (src/schema/commvault) declare the same properties (src/schema/record-checks.ts).
 */
import type { EventFacts, EventSeverity, JobStatus } from '../domain.js';
import type { NodeRecord, UpstreamRef } from '../record.js';

/** An upstream entity known by id and name only (as embedded in other answers). */
export interface CvRef {
  id: number;
  name: string;
}

/**
 * A subclient, with the context Commvault embeds alongside it wherever it is named (a job summary, a
 * listing). `detail` holds its properties when it came from a listing or detail call.
 */
export interface CvSubclient extends NodeRecord {
  readonly __typename: 'CommvaultSubclient';
  subclientId: number;
  name: string;
  clientId: number | null;
  clientName: string | null;
  applicationId: number | null;
  appName: string | null;
  backupsetId: number | null;
  backupsetName: string | null;
  /** The agent instance (e.g. `DefaultInstanceName`); Commvault's own "instance", not an upstream. */
  agentInstanceId: number | null;
  agentInstanceName: string | null;
  /** Null when the subclient is known only from a job summary: then its properties load by id. */
  detail: CvSubclientDetail | null;
}

/**
 * A subclient's properties (`GET /Subclient`), beyond what a job summary embeds. Content, filters and
 * exceptions share one `content` list upstream, one key per item (docs/upstreams/commvault-subclients.md §1).
 */
export interface CvSubclientDetail {
  description: string | null;
  backupEnabled: boolean | null;
  /** `content[].path`: what is backed up. */
  contentPaths: string[];
  /** `content[].excludePath`: filters (exclusions) from the content. */
  filters: string[];
  /** `content[].includePath`: exceptions to the filters (backed up although a filter matches). */
  exceptions: string[];
  /** Whether the answer carries `fsSubClientProp`: a file system subclient, whose content changes take the `fs…OperationType` keys. */
  fileSystem: boolean;
  /** `commonProperties.numberOfBackupStreams` (cvpysdk's data readers). */
  streamCount: number | null;
  /** `commonProperties.lastBackupTime` (Unix seconds; 0 = never). */
  lastBackupAt: Date | null;
  storagePolicy: CvStoragePolicy | null;
  plan: CvPlan | null;
}

export interface CvJob extends NodeRecord {
  readonly __typename: 'CommvaultJob';
  jobId: number;
  status: JobStatus;
  /** Commvault's display string, e.g. `Completed w/ one or more errors`. */
  statusText: string | null;
  jobType: string | null;
  operation: string | null;
  backupLevel: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
  lastUpdatedAt: Date | null;
  elapsedSeconds: number | null;
  /** Protected (application) size in bytes. */
  sizeBytes: number | null;
  /** Bytes written to media. */
  mediaSizeBytes: number | null;
  percentComplete: number | null;
  percentSavings: number | null;
  filesCount: number | null;
  failedFilesCount: number | null;
  pendingReason: string | null;
  phase: string | null;
  appTypeName: string | null;
  /** The subclient's backup set, when the summary names one. */
  backupsetName: string | null;
  clientId: number | null;
  clientName: string | null;
  destinationClientName: string | null;
  userName: string | null;
  subclient: CvSubclient | null;
  /** By id and name only (as the summary embeds them). */
  storagePolicy: CvStoragePolicy | null;
  plan: CvPlan | null;
}

export interface CvJobPage {
  /** All matching jobs upstream (`totalRecordsWithoutPaging`), not just this page. */
  total: number;
  items: CvJob[];
}

export interface CvClient extends NodeRecord {
  readonly __typename: 'CommvaultClient';
  clientId: number;
  name: string;
  displayName: string | null;
  hostName: string | null;
  guid: string | null;
  commCellName: string | null;
  description: string | null;
  osName: string | null;
  version: string | null;
  isDeleted: boolean | null;
}

export interface CvAgent {
  /** The CommServe it was read from (not a field: what its instances are looked up on). */
  upstream: UpstreamRef;
  clientId: number;
  applicationId: number;
  name: string;
}

export interface CvBackupset {
  /** Global id `CommvaultBackupset` (instance + backupsetId): what `backupBackupset` names. */
  id: string;
  upstream: UpstreamRef;
  backupsetId: number;
  name: string;
  clientId: number | null;
  applicationId: number | null;
  appName: string | null;
  agentInstanceId: number | null;
  agentInstanceName: string | null;
  isDefault: boolean | null;
}

/** An agent's instance (`GET /Instance?clientId=`): what sits between an agent and its backup sets. */
export interface CvAgentInstance {
  upstream: UpstreamRef;
  instanceId: number;
  name: string;
  clientId: number;
  applicationId: number | null;
  appName: string | null;
}

/** `GET /V4/mediaAgent/{id}`: what V2's list leaves out. */
export interface CvMediaAgentDetail {
  /** `general.status`: ONLINE, OFFLINE, MAINTENANCE (upper case as sent). */
  status: string | null;
  /** Only when offline. */
  offlineReason: string | null;
  maintenanceMode: boolean | null;
  indexCachePath: string | null;
  /** `general.operatingSystem.type`, e.g. WINDOWS, UNIX. */
  osType: string | null;
  description: string | null;
}

export interface CvMediaAgent extends NodeRecord {
  readonly __typename: 'CommvaultMediaAgent';
  mediaAgentId: number;
  name: string;
  displayName: string | null;
  online: boolean;
  osName: string | null;
  version: string | null;
}

export type CvStorageMedium = 'DISK' | 'CLOUD' | 'TAPE' | 'OTHER';

export interface CvStoragePool extends NodeRecord {
  readonly __typename: 'CommvaultStoragePool';
  storagePoolId: number;
  name: string;
  status: string | null;
  /** `storagePoolType` 1 = global dedup policy, 2 = global secondary copy policy. */
  poolType: number | null;
  medium: CvStorageMedium;
  capacityBytes: number | null;
  freeBytes: number | null;
  usedBytes: number | null;
  freePercent: number | null;
  /** DDB store ids named by the pool's detail answer (empty from the list). */
  ddbStoreIds: number[];
  /** Library ids named by the pool's detail answer (`libraryList`; empty from the list). */
  libraryIds: number[];
}

/** Where a V4 storage writes: a disk backup location (mount path) or a cloud bucket. */
export interface CvBackupLocation {
  id: number;
  name: string;
  /** As the upstream words it, e.g. `Ready`, `Offline`. */
  status: string | null;
}

/**
 * A pool as V4 storage details show it (`GET /V4/Storage/Disk/{id}` or `/V4/Storage/Cloud/{id}`):
 * what the V1 pool list lacks (dedupe savings, locations, plans).
 */
export interface CvStorageDetail {
  storagePoolId: number;
  name: string;
  medium: 'DISK' | 'CLOUD';
  capacityBytes: number | null;
  freeBytes: number | null;
  sizeOnDiskBytes: number | null;
  /** 0..100. */
  dedupeSavingsPercent: number | null;
  backupLocations: CvBackupLocation[];
  /** Plans writing to this storage (disk details list them; cloud details may not), by id and name. */
  associatedPlans: CvPlan[];
}

/** A server as `GET /V4/Servers` lists it: a client with the agents (iDAs) installed on it. */
export interface CvServer {
  clientId: number;
  name: string;
  displayName: string | null;
  hostName: string | null;
  osName: string | null;
  version: string | null;
  agents: CvRef[];
  isInfrastructure: boolean | null;
  /** false for a client entry whose software is not (or no longer) configured. */
  configured: boolean | null;
  /** `networkReadiness` ONLINE/OFFLINE; null when unknown. */
  online: boolean | null;
  /** `networkReadiness` as sent, upper case (ONLINE, OFFLINE, UNKNOWN, NOT_APPLICABLE). */
  networkReadiness: string | null;
  /** `updateState` as sent, upper case (UP_TO_DATE, NEEDS_UPDATE, …). */
  updateState: string | null;
}

export interface CvMountPath {
  mountPathId: number;
  name: string;
  status: string | null;
  capacityBytes: number | null;
  freeBytes: number | null;
  dataWrittenBytes: number | null;
  estimatedRunoutDays: number | null;
}

export interface CvLibrary extends NodeRecord {
  readonly __typename: 'CommvaultLibrary';
  libraryId: number;
  name: string;
  status: string | null;
  libraryType: string | null;
  /** Present only from the detail answer (`GET /Library/{id}`). */
  mountPaths: CvMountPath[] | null;
}

export interface CvStoragePolicyCopy {
  /** Global id `CommvaultStoragePolicyCopy` (`<storagePolicyId>.<copyId>`): what `updateRetention` takes. */
  id: string;
  storagePolicyId: number;
  copyId: number;
  name: string;
  copyType: number | null;
  active: boolean | null;
  isSnapCopy: boolean | null;
  precedence: number | null;
  libraryName: string | null;
  retentionDays: number | null;
}

export interface CvStoragePolicy extends NodeRecord {
  readonly __typename: 'CommvaultStoragePolicy';
  storagePolicyId: number;
  name: string;
  /** Present only from the detail answer (`GET /StoragePolicy/{id}`). */
  copies: CvStoragePolicyCopy[] | null;
}

/** A plan; `detail` is set when it came from the plan list (elsewhere plans are named by id and name). */
export interface CvPlan extends NodeRecord {
  readonly __typename: 'CommvaultPlan';
  planId: number;
  name: string;
  detail: CvPlanDetail | null;
}

/** What the plan list tells of a plan beyond its id and name. */
export interface CvPlanDetail {
  type: number | null;
  subtype: number | null;
  rpoMinutes: number | null;
  associatedEntities: number | null;
  copiesCount: number | null;
}

export interface CvEvent extends NodeRecord, EventFacts {
  readonly __typename: 'CommvaultEvent';
  eventId: number;
  /** Commvault always says (0/3/6/9). */
  severity: EventSeverity;
  code: string | null;
  codeString: string | null;
  subsystem: string | null;
  description: string | null;
  occurredAt: Date | null;
  jobId: number | null;
  clientId: number | null;
  clientName: string | null;
  acknowledged: boolean | null;
}

/** An alert rule (`GET /AlertRule`); whether it is enabled is V4's to say (`GET /V4/AlertDefinitions`). */
export interface CvAlertRule extends NodeRecord {
  readonly __typename: 'CommvaultAlertRule';
  alertId: number;
  name: string;
  guid: string | null;
  category: string | null;
  type: string | null;
  creatorName: string | null;
  createdAt: Date | null;
  description: string | null;
}

/** `GET /V4/AlertDefinitions`: a rule's V4 view. */
export interface CvAlertDefinition {
  alertId: number;
  name: string | null;
  type: string | null;
  enabled: boolean | null;
}

/** An alert a rule raised (`GET /V4/TriggeredAlerts`). */
export interface CvTriggeredAlert extends NodeRecord, EventFacts {
  readonly __typename: 'CommvaultTriggeredAlert';
  alertId: number;
  /** As V4 sends it: AUTO_PICK, CRITICAL, MAJOR, INFORMATION. */
  severityText: string | null;
  criterion: string | null;
  info: string | null;
  notes: string | null;
  type: string | null;
}

export interface CvDdbPartition {
  subStoreId: number;
  path: string | null;
  mediaAgentName: string | null;
  online: boolean | null;
  freeBytes: number | null;
  avgQiMicros: number | null;
  /** `maxSIDBPrimaryRecords`: unique blocks the partition holds. */
  primaryEntries: number | null;
  /** `offlineReason` as sent (a code or a text; 0 or empty means none). */
  offlineReason: string | null;
  /** `lastSnapTime`: the partition's last DDB backup. */
  lastBackupAt: Date | null;
}

export interface CvDdbStore extends NodeRecord {
  readonly __typename: 'CommvaultDdbStore';
  storeId: number;
  name: string;
  status: number | null;
  version: number | null;
  sealedAt: Date | null;
  storagePolicyName: string | null;
  copyName: string | null;
  /** Present only from `GET /DDBInformation/{id}`. */
  partitions: CvDdbPartition[] | null;
  /** Worst partition's average Q&I time, µs. */
  avgQiMicros: number | null;
  /** Smallest free space of any partition's volume, bytes. */
  freeBytes: number | null;
  /** From the engine list's `storeFlags`; null where the answer has none (`GET /DDBInformation/{id}`). */
  resync: CvDdbResync | null;
}

/** A store's resync state, read from its `storeFlags` bits (docs/upstreams/commvault-aging.md §3). */
export interface CvDdbResync {
  /** `DDB_NEEDS_AUTO_RESYNC`: the CommServe database and the DDB disagree; the CommServe starts the resync itself. */
  needed: boolean;
  /** `DDB_RESYNC_IN_PROGRESS`. */
  inProgress: boolean;
  /** `DDB_UNDER_MAINTENANCE`: the store takes no backups until resynchronised. */
  underMaintenance: boolean;
  /** The flags as sent. */
  storeFlags: number;
}

/** `GET /Job` options as CommvaultSource.listJobs takes them. */
export interface ListJobsOptions {
  clientId?: number;
  /** Active, Finished or All (upstream `jobCategory`). @default all */
  category?: 'Active' | 'Finished' | 'All';
  /**
   * Job types for `jobFilter` (`Backup`, `Restore`, …). Absent or empty: all job types (sends an
   * empty `jobFilter=`, because omitting it would mean backup jobs only).
   */
  jobTypes?: readonly string[];
  /** How far back finished jobs are looked up, seconds (`completedJobLookupTime`). @default upstream's 1 year */
  lookupSeconds?: number;
  limit: number;
  offset: number;
}

export interface ListEventsOptions {
  clientId?: number;
  jobId?: number;
  fromTime?: Date;
  toTime?: Date;
  /** Only these severities (maps to `showInfo/showMinor/showMajor/showCritical`). @default all */
  severities?: readonly EventSeverity[];
}

/** One file or folder of a subclient's backed-up data, as `POST /DoBrowse` lists it (not a node: it has no id of its own). */
export interface CvBrowseEntry {
  /** The full path as Commvault prints it (`C:\Users\a.txt`, `/var/log/x.log`); pass it back as a browse path. */
  path: string;
  name: string;
  isDirectory: boolean;
  /** A folder's size is the sum of its backed-up files. Null when the answer omits it. */
  sizeBytes: number | null;
  modifiedAt: Date | null;
  /** When the backup holding this version ended. */
  backedUpAt: Date | null;
  /** Deleted from the client since (`flags.deleted`): listed only when deleted items are asked for. */
  isDeleted: boolean;
}

/** One page of a browse or find, with the upstream's count of every match (`totalItemsFound`). */
export interface CvBrowsePage {
  total: number;
  items: CvBrowseEntry[];
}

/** The subclient a browse reads, as `POST /DoBrowse` names it in `entity`. */
export interface CvBrowseEntity {
  subclientId: number;
  clientId: number | null;
  clientName: string | null;
  applicationId: number | null;
  agentInstanceId: number | null;
  backupsetId: number | null;
}

/** What one browse or find asks for. Paging goes upstream (`skipNode`, `pageSize`). */
export interface BrowseOptions {
  /** Folder to list (browse) or search below (find); the root when absent. */
  path?: string;
  /** Backed-up state as of this time (`timeRange.toTime`); the latest backup when absent. */
  pointInTime?: Date;
  /** Only versions backed up from this time on (`timeRange.fromTime`); from the first backup when absent. */
  fromTime?: Date;
  /** Also list items deleted from the client (`options.showDeletedFiles`). @default false */
  includeDeleted?: boolean;
  offset: number;
  limit: number;
}
