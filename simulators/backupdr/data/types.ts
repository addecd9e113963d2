/**
 * The Backup and DR management-console simulator's seeded data, typed. Records keep the wire's own
 * conventions so tests compute expectations straight from them: ids are numeric strings, dates are
 * epoch microseconds, sizes are MB where the wire says `_mb`. References to other records are by MC id
 * (`…Id` fields); the routes expand them into the nested `…Rest` objects the console sends.
 */

export type Micros = number;

export interface Organization {
  id: string;
  name: string;
  description: string;
  version: string;
  createdate: Micros;
  modifydate: Micros;
}

export interface Right {
  /** Rights are identified by name on the wire (`/right/Access%20Application%20Manager`). */
  id: string;
  name: string;
}

export interface Role {
  id: string;
  name: string;
  description: string;
  createdate: Micros;
  modifydate: Micros;
  rights: string[];
}

export interface User {
  id: string;
  name: string;
  firstname: string;
  lastname: string;
  email: string;
  comments: string;
  timezone: string;
  dataaccesslevel: number;
  localonly: boolean;
  version: number;
  createdate: Micros;
  modifydate: Micros;
  lastpasswordchangedate: Micros;
  roleIds: string[];
  orgIds: string[];
}

/** A Backup/Recovery appliance. `id` is the MC id, `clusterid` the appliance's own id. */
export interface Cluster {
  id: string;
  clusterid: string;
  name: string;
  type: string;
  ipaddress: string;
  publicip: string;
  version: string;
  systemversion: string;
  timezone: string;
  lastsync: Micros;
  syncdate: Micros;
  stale: boolean;
  region: string;
  zone: string;
  projectid: string;
  description: string;
  supportstatus: string;
  serviceaccount: string;
  secureconnect: boolean;
  pkiBootstrapped: boolean;
  machineType: string;
}

export type PoolType = 'perf' | 'dedup' | 'vault';

export interface DiskPool {
  id: string;
  name: string;
  pooltype: PoolType;
  pooltypedisplayname: string;
  state: string;
  status: string;
  capacity_mb: number;
  usage_mb: number;
  free_mb: number;
  pct: number;
  warnpct: number;
  safepct: number;
  udsuid: number;
  immutable: boolean;
  /** MC id of the owning appliance. */
  clusterId: string;
  srcid: string;
  modifydate: Micros;
  syncdate: Micros;
  orgIds: string[];
}

export type PolicyOp = 'snap' | 'dedup' | 'cloud' | 'log';

export interface Policy {
  id: string;
  name: string;
  op: PolicyOp;
  priority: string;
  retention: string;
  retentionm: string;
  rpo: string;
  rpom: string;
  starttime: string;
  endtime: string;
  scheduletype: string;
  iscontinuous: boolean;
  sltId: string;
}

export interface Slt {
  id: string;
  name: string;
  description: string;
  override: string;
  sourcename: string;
  managedbyagm: boolean;
  policyIds: string[];
  modifydate: Micros;
  orgIds: string[];
}

export interface Slp {
  id: string;
  name: string;
  description: string;
  clusterId: string;
  srcid: string;
  cid: string;
  localnode: string;
  performancepoolId: string;
  dedupPoolId: string | null;
  vaultPoolId: string | null;
  createdate: Micros;
  modifydate: Micros;
  orgIds: string[];
}

/** One appliance's view of a consolidated host or application (`sources` on the wire). */
export interface SourceRef {
  /** The object's id on the appliance. */
  srcid: string;
  /** MC id of the appliance. */
  clusterId: string;
}

export interface Host {
  id: string;
  name: string;
  hostname: string;
  uniquename: string;
  hosttype: string;
  ostype: string;
  ostype_special: string;
  osversion: string;
  ipaddress: string;
  description: string;
  friendlypath: string;
  isvm: boolean;
  vmtype: string;
  isvcenterhost: boolean;
  isesxhost: boolean;
  isclusterhost: boolean;
  isproxyhost: boolean;
  hasagent: boolean;
  svcname: string;
  vcenterhostId: string | null;
  originalhostid: string;
  zone: string;
  projectid: string;
  modifydate: Micros;
  syncdate: Micros;
  /** First source = the primary appliance (`clusterid`/`sourcecluster`). Two sources = consolidated. */
  sources: SourceRef[];
  orgIds: string[];
}

export interface Application {
  id: string;
  appname: string;
  /** The display name; PUT may change it ("may not be the same as appname"). */
  name: string;
  apptype: string;
  friendlytype: string;
  appclass: string;
  protectable: string;
  managed: boolean;
  isvm: boolean;
  isorphan: boolean;
  ignore: boolean;
  isclustered: boolean;
  sensitivity: number;
  uniquename: string;
  description: string;
  pathname: string;
  appversion: string;
  networkname: string;
  networkip: string;
  vmuuid: string;
  sqlinstance: string;
  sqlserverag: string;
  hostId: string;
  slaId: string | null;
  logicalgroupId: string | null;
  consistencygroupId: string | null;
  syncdate: Micros;
  sources: SourceRef[];
  orgIds: string[];
}

export type OnOff = 'true' | 'false';

export interface Sla {
  id: string;
  description: string;
  appId: string | null;
  /** Set for a logical group's SLA (then `appId` is null). */
  groupId: string | null;
  sltId: string;
  slpId: string;
  /** Strings on the wire (docs/upstreams/backupdr.md §4.6). */
  scheduleoff: OnOff;
  expirationoff: OnOff;
  dedupasyncoff: OnOff;
  logexpirationoff: boolean;
  modifydate: Micros;
  syncdate: Micros;
}

export interface LogicalGroup {
  id: string;
  name: string;
  description: string;
  managed: boolean;
  scheduleoff: boolean;
  clusterId: string;
  slaId: string | null;
  memberAppIds: string[];
  srcid: string;
  modifydate: Micros;
  syncdate: Micros;
  orgIds: string[];
}

export interface ConsistencyGroup {
  id: string;
  groupname: string;
  description: string;
  hostId: string;
  clusterId: string;
  memberAppIds: string[];
  syncdate: Micros;
}

export type JobClass = 'snapshot' | 'dedup' | 'dedupasync' | 'OnVault' | 'StreamSnap' | 'DirectOnVault' | 'mount' | 'expiration' | 'log';

export interface Backup {
  id: string;
  backupname: string;
  label: string;
  jobclass: JobClass;
  jobclasscode: number;
  characteristic: string;
  status: string;
  appId: string;
  clusterId: string;
  diskpoolId: string;
  sltId: string;
  slpId: string;
  policyname: string;
  consistencydate: Micros;
  backupdate: Micros;
  modifydate: Micros;
  expiration: Micros;
  beginpit: Micros | null;
  endpit: Micros | null;
  consumedsize: number;
  /** A string of a number on the wire. */
  virtualsize: string;
  /** Bit flags; `flags_text` names them. */
  flags: number;
  srcid: string;
  sourceuds: string;
  targetuds: string;
  mountedmap: string;
  syncdate: Micros;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';

export interface Job {
  id: string;
  jobname: string;
  jobclass: JobClass;
  jobclasscode: number;
  status: JobStatus;
  progress: number;
  message: string;
  errorcode: string;
  label: string;
  jobtag: string;
  appId: string;
  clusterId: string;
  policyname: string;
  sltname: string;
  targethost: string;
  queuedate: Micros;
  startdate: Micros | null;
  enddate: Micros | null;
  consistencydate: Micros | null;
  duration: Micros;
  isscheduled: boolean;
  priority: string;
  retrycount: number;
  flags: number;
  backupId: string | null;
  changerequesttext: string;
  syncdate: Micros;
  /** JobRest `virtualsize`: the application's size in bytes (an int64 here, a string in BackupRest); null for mounts and jobs not finished. */
  virtualsize: number | null;
}

export interface SimEvent {
  id: string;
  eventid: number;
  sequenceid: number;
  eventdate: Micros;
  eventstatus: string;
  errorcode: string;
  errormessage: string;
  messagetext: string;
  requiresclearing: boolean;
  clustertype: string;
  objecttype: string;
  component: string;
  appId: string | null;
  jobname: string;
  clusterId: string;
  syncdate: Micros;
}

export interface AuditRecord {
  id: string;
  issuedate: Micros;
  username: string;
  command: string;
  ipaddress: string;
  component: string;
  status: number;
  proxy: string;
  privileged: boolean;
}

export interface BackupDrDataset {
  /** Epoch µs the data was generated relative to. */
  generatedAt: Micros;
  seed: number;
  organizations: Organization[];
  rights: Right[];
  roles: Role[];
  users: User[];
  clusters: Cluster[];
  diskpools: DiskPool[];
  slts: Slt[];
  policies: Policy[];
  slps: Slp[];
  hosts: Host[];
  applications: Application[];
  slas: Sla[];
  logicalgroups: LogicalGroup[];
  consistencygroups: ConsistencyGroup[];
  backups: Backup[];
  jobs: Job[];
  events: SimEvent[];
  audits: AuditRecord[];
  /** The special cases tests look for, by id. */
  special: {
    /** The diskpool above 95 % used. */
    nearFullPoolId: string;
    /** The appliance whose data is stale (lost contact). */
    staleClusterId: string;
    /** Hosts and applications registered on two appliances (two `sources`). */
    consolidatedHostIds: string[];
    consolidatedAppIds: string[];
  };
}
