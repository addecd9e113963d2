/**
 * What BackupDrSource returns: console objects read out of the management console's JSON by the
 * mappers, in our units (Date for epoch-microsecond dates, bytes for `_mb` sizes, seconds for durations).
 * Console ids stay strings, as the console sends them (`consoleId`). Every object is a record
 * (NodeRecord): GraphQL type name, global id and upstream, the resolvers' parent as it is; references
 * to other console objects are kept as their console ids (`…Id`), which the relation resolvers follow.
 * The schema classes (src/schema/backupdr) declare the same properties (src/schema/record-checks.ts).
 */
import type { EventFacts, JobStatus } from '../domain.js';
import type { NodeRecord, UpstreamRef } from '../record.js';

/** An object the console embeds by reference (`cluster: {id, name, …}`), as the mappers read it. */
export interface BdrRef {
  id: string;
  name: string | null;
}

/** A console object another names, as the graph shows it (`BackupDrNamedRef`, e.g. an organization in `orglist`). */
export interface BdrNamedRef {
  consoleId: string;
  name: string | null;
}

/** One appliance's copy of a consolidated object (docs/upstreams/backupdr.md §4.2): `BackupDrObjectSource`. */
export interface BdrObjectSource {
  srcId: string | null;
  /** The appliance's own id (`clusterid`). */
  applianceId: string | null;
  applianceName: string | null;
}

/** What every console object carries: its record fields and the console's own id. */
interface ConsoleNode<TypeName extends string> extends NodeRecord {
  readonly __typename: TypeName;
  consoleId: string;
}

interface Synced<TypeName extends string> extends ConsoleNode<TypeName> {
  syncedAt: Date | null;
  stale: boolean | null;
}

export interface BdrApplication extends Synced<'BackupDrApplication'> {
  appName: string | null;
  /** The display name: `name`, else `appname`, else the console id (a workload always has a name). */
  name: string;
  appType: string | null;
  friendlyType: string | null;
  appClass: string | null;
  protectable: string | null;
  managed: boolean | null;
  isVm: boolean | null;
  isOrphan: boolean | null;
  ignore: boolean | null;
  sensitivity: number | null;
  uniqueName: string | null;
  description: string | null;
  pathName: string | null;
  appVersion: string | null;
  networkName: string | null;
  hostId: string | null;
  hostName: string | null;
  slaId: string | null;
  logicalGroupId: string | null;
  consistencyGroupId: string | null;
  /** Console id of the appliance holding it (the first, when consolidated). */
  applianceId: string | null;
  sources: BdrObjectSource[];
  organizations: BdrNamedRef[];
}

export interface BdrHost extends Synced<'BackupDrHost'> {
  name: string | null;
  hostName: string | null;
  uniqueName: string | null;
  hostType: string | null;
  osType: string | null;
  osVersion: string | null;
  ipAddress: string | null;
  description: string | null;
  isVm: boolean | null;
  vmType: string | null;
  zone: string | null;
  projectId: string | null;
  hasAgent: boolean | null;
  modifiedAt: Date | null;
  /** Console id of the appliance holding it. */
  applianceId: string | null;
  sources: BdrObjectSource[];
  organizations: BdrNamedRef[];
}

export interface BdrBackup extends Synced<'BackupDrBackup'> {
  backupName: string | null;
  label: string | null;
  jobClass: string | null;
  jobClassCode: number | null;
  characteristic: string | null;
  status: string | null;
  appName: string | null;
  appType: string | null;
  applicationId: string | null;
  hostName: string | null;
  /** Console id of the appliance holding it. */
  applianceId: string | null;
  /** Console id of its disk pool. */
  diskPoolId: string | null;
  consistencyDate: Date | null;
  backupDate: Date | null;
  expiration: Date | null;
  beginPit: Date | null;
  endPit: Date | null;
  consumedSize: number | null;
  virtualSize: number | null;
  sltName: string | null;
  slpName: string | null;
  policyName: string | null;
}

export interface BdrJob extends ConsoleNode<'BackupDrJob'> {
  jobName: string | null;
  /** The job class (`jobclass`), e.g. `snapshot`: the unified `Job.jobType`. */
  jobType: string | null;
  jobClassCode: number | null;
  /** The console's own status (`queued`, `running`, `succeeded`, …). */
  statusText: string | null;
  status: JobStatus;
  progress: number | null;
  message: string | null;
  errorCode: string | null;
  label: string | null;
  applicationId: string | null;
  appName: string | null;
  appType: string | null;
  hostId: string | null;
  hostName: string | null;
  targetHost: string | null;
  policyName: string | null;
  sltName: string | null;
  queuedAt: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Not reported by the console: always null (the unified `Job.sizeBytes`). */
  sizeBytes: number | null;
  consistencyDate: Date | null;
  durationSeconds: number | null;
  isScheduled: boolean | null;
  priority: string | null;
  backupId: string | null;
  /** Console id of the appliance that ran it. */
  applianceId: string | null;
}

/** Not a node: policies are read through their template only. */
export interface BdrPolicy {
  consoleId: string;
  name: string | null;
  op: string | null;
  priority: string | null;
  retention: string | null;
  rpo: string | null;
  startTime: string | null;
  endTime: string | null;
  scheduleType: string | null;
  isContinuous: boolean | null;
}

export interface BdrSlt extends ConsoleNode<'BackupDrSlt'> {
  name: string | null;
  description: string | null;
  override: string | null;
  sourceName: string | null;
  managedByAgm: boolean | null;
  organizations: BdrNamedRef[];
}

export interface BdrSlp extends ConsoleNode<'BackupDrSlp'> {
  name: string | null;
  description: string | null;
  localNode: string | null;
  performancePool: string | null;
  applianceId: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
  /** Console id of the OnVault pool it copies to. */
  vaultPoolId: string | null;
  organizations: BdrNamedRef[];
}

export interface BdrSla extends ConsoleNode<'BackupDrSla'> {
  description: string | null;
  applicationId: string | null;
  logicalGroupId: string | null;
  sltId: string | null;
  slpId: string | null;
  /** The console sends these as the strings "true"/"false" (docs/upstreams/backupdr.md §4.6). */
  scheduleOff: boolean | null;
  expirationOff: boolean | null;
  dedupAsyncOff: boolean | null;
  logExpirationOff: boolean | null;
  modifiedAt: Date | null;
}

export interface BdrDiskPool extends Synced<'BackupDrDiskPool'> {
  name: string;
  poolType: string | null;
  poolTypeDisplayName: string | null;
  state: string | null;
  status: string | null;
  capacityBytes: number | null;
  usedBytes: number | null;
  freeBytes: number | null;
  freePercent: number | null;
  usedPercent: number | null;
  warnPercent: number | null;
  safePercent: number | null;
  immutable: boolean | null;
  /** Console id of the appliance it belongs to. */
  applianceId: string | null;
  modifiedAt: Date | null;
}

export interface BdrCluster extends Synced<'BackupDrAppliance'> {
  /** The appliance's own id (`clusterid`), not the console id. */
  applianceId: string | null;
  name: string | null;
  type: string | null;
  ipAddress: string | null;
  version: string | null;
  timezone: string | null;
  region: string | null;
  zone: string | null;
  projectId: string | null;
  description: string | null;
  supportStatus: string | null;
  lastSyncAt: Date | null;
  /** `online` or `unreachable`, from `reachable` (docs/upstreams/backupdr-infrastructure.md §1). */
  status: string | null;
  /** `clusterstatus.accessible`: the console can reach the appliance. */
  accessible: boolean | null;
  /** Reachable: accessible and not stale; false when either says otherwise; null when neither is known. */
  reachable: boolean | null;
  vdiskCount: number | null;
  vdiskLimit: number | null;
  vdiskColor: string | null;
  localSnapshotColor: string | null;
  localDedupColor: string | null;
  remoteProtectionColor: string | null;
  /** `clusterstatus.copydata`, as sent (its unit is undocumented). */
  copyData: number | null;
}

/** The graph does not show an event's sync state. */
export interface BdrEvent extends ConsoleNode<'BackupDrEvent'>, EventFacts {
  eventId: number | null;
  eventDate: Date | null;
  eventStatus: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  messageText: string | null;
  requiresClearing: boolean | null;
  component: string | null;
  objectType: string | null;
  appName: string | null;
  jobName: string | null;
  /** Console id of the appliance that raised it. */
  applianceId: string | null;
}

export interface BdrUser extends ConsoleNode<'BackupDrUser'> {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  timezone: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
  /** Console ids of its roles (`rolelist`). */
  roleIds: string[];
  /** Console ids of its organizations (`orglist`). */
  organizationIds: string[];
}

export interface BdrRole extends ConsoleNode<'BackupDrRole'> {
  name: string | null;
  description: string | null;
  createdAt: Date | null;
  rights: string[];
}

export interface BdrOrganization extends ConsoleNode<'BackupDrOrganization'> {
  name: string | null;
  description: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
}

export interface BdrAuditRecord extends ConsoleNode<'BackupDrAuditRecord'> {
  issuedAt: Date | null;
  userName: string | null;
  command: string | null;
  ipAddress: string | null;
  component: string | null;
  status: number | null;
  privileged: boolean | null;
}

export interface BdrConsistencyGroup extends Synced<'BackupDrConsistencyGroup'> {
  groupName: string | null;
  description: string | null;
  memberCount: number | null;
  hostId: string | null;
  /** Console id of the appliance holding it. */
  applianceId: string | null;
}

export interface BdrLogicalGroup extends Synced<'BackupDrLogicalGroup'> {
  name: string | null;
  description: string | null;
  managed: boolean | null;
  scheduleOff: boolean | null;
  memberCount: number | null;
  slaId: string | null;
  /** Console id of the appliance holding it. */
  applianceId: string | null;
  modifiedAt: Date | null;
  organizations: BdrNamedRef[];
}

/** Every top-level list resource the source reads, by the name the graph and loaders use. */
export interface BdrResourceTypes {
  application: BdrApplication;
  host: BdrHost;
  backup: BdrBackup;
  /** `/jobstatus`: running and finished jobs. */
  job: BdrJob;
  /** `/job`: running and queued jobs only. */
  activeJob: BdrJob;
  /** `/jobhistory`: finished jobs only. */
  finishedJob: BdrJob;
  slt: BdrSlt;
  slp: BdrSlp;
  sla: BdrSla;
  diskpool: BdrDiskPool;
  cluster: BdrCluster;
  event: BdrEvent;
  user: BdrUser;
  role: BdrRole;
  org: BdrOrganization;
  audit: BdrAuditRecord;
  consistencygroup: BdrConsistencyGroup;
  logicalgroup: BdrLogicalGroup;
}

export type BdrResource = keyof BdrResourceTypes;

/** One page of a list view: `count` on the wire is only this page's size, so no total here (HEAD gives it). */
export interface BdrPage<T> {
  items: T[];
}

/** `Query.backupDr`'s object: the console itself, whose lists are its fields. */
export interface BdrConsole {
  upstream: UpstreamRef;
}
