import type { SimContext } from '../context.js';
import { flagsText, JOBCLASS_CODES } from '../data/activity.js';
import type { Application, Backup, Job, SimEvent } from '../data/types.js';
import { bool, date, enm, idField, long, multi, orgField, str, type FieldDef, type ResourceDef } from './resource.js';
import { appRef, clusterRef, compact, hostRef, href, poolRef } from './wire.js';

const JOBCLASSES: readonly string[] = Object.keys(JOBCLASS_CODES);
/** docs/upstreams/backupdr.md §4.5: jobclass filters take a name or a numeric code — `jobclass:==1` means snapshot. */
const JOBCLASS_BY_CODE: Record<string, string> = Object.fromEntries(Object.entries(JOBCLASS_CODES).map(([name, code]) => [String(code), name]));
const CHARACTERISTICS = ['Primary', 'Mirror', 'Vault'] as const;
const CHARACTERISTIC_BY_CODE: Record<string, string> = { '1': 'Primary', '2': 'Mirror', '3': 'Vault' };
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;

const app = (id: string | null, ctx: SimContext): Application | undefined => (id ? ctx.index.apps.get(id) : undefined);
const hostOf = (id: string | null, ctx: SimContext) => ctx.index.hosts.get(app(id, ctx)?.hostId ?? '');
/** Images, jobs and events belong to their application's organizations. */
const viaApp = (r: { appId: string | null }, ctx: SimContext): readonly string[] => app(r.appId, ctx)?.orgIds ?? [];

export const backupResource: ResourceDef<Backup> = {
  path: 'backup',
  label: 'backup',
  records: (ctx) => ctx.data.backups,
  byId: (id, ctx) => ctx.index.backups.get(id),
  scope: viaApp,
  fields: [
    idField(),
    str('backupname', (b) => b.backupname),
    str('label', (b) => b.label),
    enm('jobclass', JOBCLASSES, (b) => b.jobclass, JOBCLASS_BY_CODE),
    long('jobclasscode', (b) => b.jobclasscode),
    enm('characteristic', CHARACTERISTICS, (b) => b.characteristic, CHARACTERISTIC_BY_CODE),
    str('status', (b) => b.status),
    long('appid', (b) => Number(b.appId)),
    str('appname', (b, ctx) => app(b.appId, ctx)?.appname),
    str('apptype', (b, ctx) => app(b.appId, ctx)?.apptype),
    str('hostname', (b, ctx) => hostOf(b.appId, ctx)?.hostname),
    long('hostid', (b, ctx) => Number(app(b.appId, ctx)?.hostId)),
    long('clusterid', (b, ctx) => Number(ctx.index.clusters.get(b.clusterId)?.clusterid)),
    str('sltname', (b, ctx) => ctx.index.slts.get(b.sltId)?.name),
    str('slpname', (b, ctx) => ctx.index.slps.get(b.slpId)?.name),
    str('policyname', (b) => b.policyname),
    str('diskpoolname', (b, ctx) => ctx.index.pools.get(b.diskpoolId)?.name),
    date('consistencydate', (b) => b.consistencydate),
    date('backupdate', (b) => b.backupdate),
    date('modifydate', (b) => b.modifydate),
    date('expiration', (b) => b.expiration),
    date('beginpit', (b) => b.beginpit),
    date('endpit', (b) => b.endpit),
    long('consumedsize', (b) => b.consumedsize),
    long('virtualsize', (b) => Number(b.virtualsize)),
    long('flags', (b) => b.flags),
    long('sourceuds', (b) => Number(b.sourceuds)),
    long('targetuds', (b) => Number(b.targetuds)),
    str('mountedmap', (b) => b.mountedmap),
    orgField(viaApp),
  ],
  keyword: {
    vmuuid: (b, ctx) => app(b.appId, ctx)?.vmuuid,
    backupname: (b) => b.backupname,
    label: (b) => b.label,
    appname: (b, ctx) => app(b.appId, ctx)?.appname,
    hostname: (b, ctx) => hostOf(b.appId, ctx)?.hostname,
    slpname: (b, ctx) => ctx.index.slps.get(b.slpId)?.name,
    sltname: (b, ctx) => ctx.index.slts.get(b.sltId)?.name,
    policyname: (b) => b.policyname,
    mountedmap: (b) => b.mountedmap,
  },
  wire: (b, ctx, root) => wireBackup(b, ctx, root),
};

export function wireBackup(b: Backup, ctx: SimContext, root: string): Record<string, unknown> {
  const a = app(b.appId, ctx);
  const cluster = ctx.index.clusters.get(b.clusterId);
  return compact({
    '@type': 'backupRest',
    id: b.id,
    href: href(root, 'backup', b.id),
    syncdate: b.syncdate,
    stale: cluster?.stale ?? false,
    backupname: b.backupname,
    name: b.backupname,
    label: b.label,
    jobclass: b.jobclass,
    jobclasscode: b.jobclasscode,
    characteristic: b.characteristic,
    status: b.status,
    appname: a?.appname,
    apptype: a?.apptype,
    application: appRef(a, root),
    host: hostRef(hostOf(b.appId, ctx), root),
    cluster: clusterRef(cluster, root),
    clusterid: cluster?.clusterid,
    srcid: b.srcid,
    diskpool: poolRef(ctx.index.pools.get(b.diskpoolId), root),
    consistencydate: b.consistencydate,
    backupdate: b.backupdate,
    modifydate: b.modifydate,
    expiration: b.expiration,
    beginpit: b.beginpit ?? undefined,
    endpit: b.endpit ?? undefined,
    consumedsize: b.consumedsize,
    virtualsize: b.virtualsize,
    sltname: ctx.index.slts.get(b.sltId)?.name,
    slpname: ctx.index.slps.get(b.slpId)?.name,
    policyname: b.policyname,
    sourceuds: b.sourceuds,
    targetuds: b.targetuds,
    flags: b.flags,
    flags_text: flagsText(b.flags),
    mountedmap: b.mountedmap || undefined,
    vmname: a?.isvm ? a.appname : undefined,
  });
}

const jobFields: FieldDef<Job>[] = [
  idField(),
  str('jobname', (j) => j.jobname),
  enm('jobclass', JOBCLASSES, (j) => j.jobclass, JOBCLASS_BY_CODE),
  long('jobclasscode', (j) => j.jobclasscode),
  enm('status', JOB_STATUSES, (j) => j.status),
  long('progress', (j) => j.progress),
  str('message', (j) => j.message),
  str('errorcode', (j) => j.errorcode),
  str('label', (j) => j.label),
  str('jobtag', (j) => j.jobtag),
  long('appid', (j) => Number(j.appId)),
  str('appname', (j, ctx) => app(j.appId, ctx)?.appname),
  str('apptype', (j, ctx) => app(j.appId, ctx)?.apptype),
  str('hostname', (j, ctx) => hostOf(j.appId, ctx)?.hostname),
  long('hostid', (j, ctx) => Number(app(j.appId, ctx)?.hostId)),
  str('targethost', (j) => j.targethost),
  str('policyname', (j) => j.policyname),
  str('sltname', (j) => j.sltname),
  str('appliancename', (j, ctx) => ctx.index.clusters.get(j.clusterId)?.name),
  long('clusterid', (j, ctx) => Number(ctx.index.clusters.get(j.clusterId)?.clusterid)),
  date('queuedate', (j) => j.queuedate),
  date('startdate', (j) => j.startdate),
  date('enddate', (j) => j.enddate),
  date('consistencydate', (j) => j.consistencydate),
  long('duration', (j) => j.duration),
  bool('isscheduled', (j) => j.isscheduled),
  str('priority', (j) => j.priority),
  long('retrycount', (j) => j.retrycount),
  long('flags', (j) => j.flags),
  orgField(viaApp),
];

const jobKeyword: ResourceDef<Job>['keyword'] = {
  jobname: (j) => j.jobname,
  hostname: (j, ctx) => hostOf(j.appId, ctx)?.hostname,
  targethost: (j) => j.targethost,
  appname: (j, ctx) => app(j.appId, ctx)?.appname,
  sltname: (j) => j.sltname,
  policyname: (j) => j.policyname,
  label: (j) => j.label,
};

export function wireJob(j: Job, ctx: SimContext, root: string): Record<string, unknown> {
  const a = app(j.appId, ctx);
  const host = hostOf(j.appId, ctx);
  const backup = j.backupId ? ctx.index.backups.get(j.backupId) : undefined;
  return compact({
    '@type': 'jobRest',
    id: j.id,
    href: href(root, 'job', j.id),
    syncdate: j.syncdate,
    stale: false,
    jobname: j.jobname,
    jobclass: j.jobclass,
    jobclasscode: j.jobclasscode,
    status: j.status,
    progress: j.progress,
    message: j.message || undefined,
    errorcode: j.errorcode || undefined,
    label: j.label,
    jobtag: j.jobtag,
    appid: j.appId,
    appname: a?.appname,
    apptype: a?.apptype,
    hostname: host?.hostname,
    hostid: host ? Number(host.id) : undefined,
    targethost: j.targethost,
    policyname: j.policyname,
    sltname: j.sltname,
    queuedate: j.queuedate,
    startdate: j.startdate ?? undefined,
    enddate: j.enddate ?? undefined,
    consistencydate: j.consistencydate ?? undefined,
    duration: j.status === 'running' ? ctx.nowUs() - (j.startdate ?? j.queuedate) : j.duration,
    isscheduled: j.isscheduled,
    priority: j.priority,
    retrycount: j.retrycount,
    flags: j.flags,
    flags_text: flagsText(j.flags),
    virtualsize: j.virtualsize ?? undefined,
    changerequesttext: j.changerequesttext || undefined,
    backup: backup && { id: backup.id, href: href(root, 'backup', backup.id), backupname: backup.backupname },
    appliance: clusterRef(ctx.index.clusters.get(j.clusterId), root),
  });
}

const ACTIVE: ReadonlySet<string> = new Set(['queued', 'running']);

function jobResource(path: string, keep: (j: Job) => boolean): ResourceDef<Job> {
  return {
    path,
    label: 'job',
    records: (ctx) => ctx.data.jobs.filter(keep),
    byId: (id, ctx) => {
      const j = ctx.index.jobs.get(id);
      return j && keep(j) ? j : undefined;
    },
    scope: viaApp,
    fields: jobFields,
    keyword: jobKeyword,
    wire: wireJob,
  };
}

/** `/jobstatus` has every job [SPEC]; `/job` the running and queued ones; `/jobhistory` the finished ones. */
export const jobStatusResource = jobResource('jobstatus', () => true);
export const jobResourceDef = jobResource('job', (j) => ACTIVE.has(j.status));
export const jobHistoryResource = jobResource('jobhistory', (j) => !ACTIVE.has(j.status));

/** Appliance-level events (no application) belong to no organization: only all-organization callers see them. */
const eventScope = (e: SimEvent, ctx: SimContext): readonly string[] => viaApp(e, ctx);

export const eventResource: ResourceDef<SimEvent> = {
  path: 'event',
  label: 'event',
  records: (ctx) => ctx.data.events,
  byId: (id, ctx) => ctx.data.events.find((e) => e.id === id),
  scope: eventScope,
  fields: [
    idField(),
    long('eventid', (e) => e.eventid),
    long('sequenceid', (e) => e.sequenceid),
    date('eventdate', (e) => e.eventdate),
    enm('eventstatus', ['new', 'cleared'], (e) => e.eventstatus),
    str('errorcode', (e) => e.errorcode),
    str('errormessage', (e) => e.errormessage),
    str('messagetext', (e) => e.messagetext),
    bool('requiresclearing', (e) => e.requiresclearing),
    str('component', (e) => e.component),
    str('objecttype', (e) => e.objecttype),
    str('clustertype', (e) => e.clustertype),
    long('appid', (e) => (e.appId ? Number(e.appId) : undefined)),
    str('appname', (e, ctx) => app(e.appId, ctx)?.appname),
    str('apptype', (e, ctx) => app(e.appId, ctx)?.apptype),
    str('jobname', (e) => e.jobname),
    long('clusterid', (e, ctx) => Number(ctx.index.clusters.get(e.clusterId)?.clusterid)),
    date('syncdate', (e) => e.syncdate),
    orgField(eventScope),
  ],
  keyword: {
    clustertype: (e) => e.clustertype,
    objecttype: (e) => e.objecttype,
    messagetext: (e) => e.messagetext,
    errorcode: (e) => e.errorcode,
    errormessage: (e) => e.errormessage,
    jobname: (e) => e.jobname,
    appname: (e, ctx) => app(e.appId, ctx)?.appname,
  },
  wire: (e, ctx, root) => {
    const a = app(e.appId, ctx);
    return compact({
      '@type': 'eventRest',
      id: e.id,
      href: href(root, 'event', e.id),
      syncdate: e.syncdate,
      stale: false,
      eventid: e.eventid,
      sequenceid: e.sequenceid,
      eventdate: e.eventdate,
      eventstatus: e.eventstatus,
      errorcode: e.errorcode || undefined,
      errormessage: e.errormessage || undefined,
      messagetext: e.messagetext,
      requiresclearing: e.requiresclearing,
      appname: a?.appname,
      apptype: a?.apptype,
      jobname: e.jobname || undefined,
      srcid: e.id,
      cluster: clusterRef(ctx.index.clusters.get(e.clusterId), root),
      component: { name: e.component },
      object: { type: e.objecttype, id: e.appId ?? undefined },
    });
  },
};
