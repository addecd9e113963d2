/**
 * What BackupDrSource returns: console objects read out of the management console's JSON by the
 * mappers, in our units (Date for epoch-microsecond dates, bytes for `_mb` sizes, seconds for durations).
 * Ids stay strings, as the console sends them. Plain data; the schema layer decides how to show it.
 */
import type { JobStatus, Severity } from '../domain.js';

/** An object the console embeds by reference (`cluster: {id, name, …}`). */
export interface BdrRef {
  id: string;
  name: string | null;
}

/** An appliance reference: the console's object id plus the appliance's own id (`clusterid`). */
export interface BdrApplianceRef extends BdrRef {
  applianceId: string | null;
}

/** One appliance's copy of a consolidated object (docs/upstreams/backupdr.md §4.2). */
export interface BdrSourceRef {
  srcId: string | null;
  applianceId: string | null;
  appliance: BdrApplianceRef | null;
}

interface Synced {
  id: string;
  syncedAt: Date | null;
  stale: boolean | null;
}

export interface BdrApplication extends Synced {
  appName: string | null;
  name: string | null;
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
  appliance: BdrApplianceRef | null;
  sources: BdrSourceRef[];
  organizations: BdrRef[];
}

export interface BdrHost extends Synced {
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
  appliance: BdrApplianceRef | null;
  sources: BdrSourceRef[];
  organizations: BdrRef[];
}

export interface BdrBackup extends Synced {
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
  appliance: BdrApplianceRef | null;
  diskPool: BdrRef | null;
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

export interface BdrJob extends Synced {
  jobName: string | null;
  jobClass: string | null;
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
  consistencyDate: Date | null;
  durationSeconds: number | null;
  isScheduled: boolean | null;
  priority: string | null;
  backupId: string | null;
  appliance: BdrApplianceRef | null;
}

export interface BdrPolicy {
  id: string;
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

export interface BdrSlt extends Synced {
  name: string | null;
  description: string | null;
  override: string | null;
  sourceName: string | null;
  managedByAgm: boolean | null;
  organizations: BdrRef[];
}

export interface BdrSlp extends Synced {
  name: string | null;
  description: string | null;
  localNode: string | null;
  performancePool: string | null;
  applianceId: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
  vaultPool: BdrRef | null;
  organizations: BdrRef[];
}

export interface BdrSla extends Synced {
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

export interface BdrDiskPool extends Synced {
  name: string;
  poolType: string | null;
  poolTypeDisplayName: string | null;
  state: string | null;
  status: string | null;
  capacityBytes: number | null;
  usedBytes: number | null;
  freeBytes: number | null;
  freePercent: number | null;
  severity: Severity | null;
  usedPercent: number | null;
  warnPercent: number | null;
  safePercent: number | null;
  immutable: boolean | null;
  appliance: BdrApplianceRef | null;
  modifiedAt: Date | null;
}

export interface BdrCluster extends Synced {
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
  status: string | null;
}

export interface BdrEvent extends Synced {
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
  appliance: BdrApplianceRef | null;
}

export interface BdrUser {
  id: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  timezone: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
  roles: BdrRef[];
  organizations: BdrRef[];
}

export interface BdrRole {
  id: string;
  name: string | null;
  description: string | null;
  createdAt: Date | null;
  rights: string[];
}

export interface BdrOrganization {
  id: string;
  name: string | null;
  description: string | null;
  createdAt: Date | null;
  modifiedAt: Date | null;
}

export interface BdrAuditRecord {
  id: string;
  issuedAt: Date | null;
  userName: string | null;
  command: string | null;
  ipAddress: string | null;
  component: string | null;
  status: number | null;
  privileged: boolean | null;
}

export interface BdrConsistencyGroup extends Synced {
  groupName: string | null;
  description: string | null;
  memberCount: number | null;
  hostId: string | null;
  appliance: BdrApplianceRef | null;
}

export interface BdrLogicalGroup extends Synced {
  name: string | null;
  description: string | null;
  managed: boolean | null;
  scheduleOff: boolean | null;
  memberCount: number | null;
  slaId: string | null;
  appliance: BdrApplianceRef | null;
  modifiedAt: Date | null;
  organizations: BdrRef[];
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
