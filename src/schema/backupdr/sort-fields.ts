/**
 * The typed sort of every console list: one table per resource, the console attributes it lists in
 * OPTIONS `sortablefields` (docs/upstreams/backupdr.md §3.4; the simulator's resource definitions, where every
 * single-valued field is sortable and multi-valued ones — `clusterid` of consolidated objects,
 * `organizationid` — are not). The enum values are what the graph offers; every request still checks
 * them against the live console's metadata, so a console version that lacks one answers BAD_USER_INPUT.
 *
 * test/integration/backupdr-graph.test.ts fails when a value here is not in the simulator's OPTIONS.
 */
import { sortInput } from './sort.input.js';

export const APPLICATION_SORT = sortInput('Application', [
  'id', 'appname', 'name', 'apptype', 'friendlytype', 'appclass', 'protectable', 'managed', 'isvm', 'isorphan',
  'ignore', 'sensitivity', 'hostname', 'hostid', 'sltname', 'slpname', 'slaid', 'inlogicalgroupof',
  'inconsistencygroupof', 'description', 'pathname', 'uniquename', 'networkname', 'appversion', 'syncdate', 'stale',
], '/application');

export const HOST_SORT = sortInput('Host', [
  'id', 'name', 'hostname', 'uniquename', 'hosttype', 'ostype', 'ostype_special', 'osversion', 'ipaddress', 'isvm',
  'vmtype', 'isvcenterhost', 'isesxhost', 'isclusterhost', 'isproxyhost', 'hasagent', 'vcenterhostid',
  'originalhostid', 'zone', 'projectid', 'description', 'modifydate', 'syncdate', 'stale',
], '/host');

export const BACKUP_SORT = sortInput('Backup', [
  'id', 'backupname', 'label', 'jobclass', 'jobclasscode', 'characteristic', 'status', 'appid', 'appname', 'apptype',
  'hostname', 'hostid', 'clusterid', 'sltname', 'slpname', 'policyname', 'diskpoolname', 'consistencydate',
  'backupdate', 'modifydate', 'expiration', 'beginpit', 'endpit', 'consumedsize', 'virtualsize', 'flags',
  'sourceuds', 'targetuds', 'mountedmap',
], '/backup');

/** `/jobstatus`, `/job` and `/jobhistory` share one job shape and one list of sortable attributes. */
export const JOB_SORT = sortInput('Job', [
  'id', 'jobname', 'jobclass', 'jobclasscode', 'status', 'progress', 'message', 'errorcode', 'label', 'jobtag', 'appid',
  'appname', 'apptype', 'hostname', 'hostid', 'targethost', 'policyname', 'sltname', 'appliancename', 'clusterid',
  'queuedate', 'startdate', 'enddate', 'consistencydate', 'duration', 'isscheduled', 'priority', 'retrycount', 'flags',
], '/jobstatus, /job, /jobhistory');

export const SLT_SORT = sortInput('Slt', ['id', 'name', 'description', 'override', 'sourcename', 'managedbyagm', 'policycount', 'modifydate'], '/slt');

export const SLP_SORT = sortInput('Slp', ['id', 'name', 'description', 'clusterid', 'localnode', 'performancepool', 'createdate', 'modifydate'], '/slp');

export const SLA_SORT = sortInput('Sla', [
  'id', 'appid', 'appname', 'groupid', 'sltid', 'sltname', 'slpid', 'slpname', 'scheduleoff', 'expirationoff',
  'dedupasyncoff', 'logexpirationoff', 'description', 'modifydate',
], '/sla');

export const DISK_POOL_SORT = sortInput('DiskPool', [
  'id', 'name', 'pooltype', 'pooltypedisplayname', 'state', 'status', 'capacity_mb', 'usage_mb', 'free_mb', 'pct',
  'warnpct', 'safepct', 'udsuid', 'immutable', 'clusterid', 'appliancename', 'modifydate',
], '/diskpool');

export const APPLIANCE_SORT = sortInput('Appliance', [
  'id', 'clusterid', 'name', 'type', 'ipaddress', 'version', 'region', 'zone', 'projectid', 'timezone', 'supportstatus',
  'stale', 'lastsync', 'syncdate',
], '/cluster');

export const CONSISTENCY_GROUP_SORT = sortInput('ConsistencyGroup', [
  'id', 'groupname', 'description', 'hostid', 'hostname', 'clusterid', 'membercount', 'syncdate',
], '/consistencygroup');

export const LOGICAL_GROUP_SORT = sortInput('LogicalGroup', [
  'id', 'name', 'description', 'managed', 'scheduleoff', 'membercount', 'clusterid', 'sltname', 'modifydate', 'syncdate',
], '/logicalgroup');

export const EVENT_SORT = sortInput('Event', [
  'id', 'eventid', 'sequenceid', 'eventdate', 'eventstatus', 'errorcode', 'errormessage', 'messagetext',
  'requiresclearing', 'component', 'objecttype', 'clustertype', 'appid', 'appname', 'apptype', 'jobname', 'clusterid',
  'syncdate',
], '/event');

export const USER_SORT = sortInput('User', [
  'id', 'name', 'firstname', 'lastname', 'email', 'timezone', 'dataaccesslevel', 'localonly', 'createdate', 'modifydate',
], '/user');

export const ROLE_SORT = sortInput('Role', ['id', 'name', 'description', 'createdate'], '/role');

export const ORGANIZATION_SORT = sortInput('Organization', ['id', 'name', 'description', 'createdate', 'modifydate'], '/org');

export const AUDIT_RECORD_SORT = sortInput('AuditRecord', [
  'id', 'issuedate', 'username', 'command', 'ipaddress', 'component', 'status', 'privileged',
], '/localaudit');
