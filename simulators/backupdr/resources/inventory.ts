import type { SimContext } from '../context.js';
import type { Application, ConsistencyGroup, Host, LogicalGroup } from '../data/types.js';
import { bool, date, idField, long, multi, orgField, str, type ResourceDef } from './resource.js';
import { appRef, clusterRef, compact, hostRef, href, lgRef, orgList, slaRef, sltRef } from './wire.js';

/** Appliance ids (`clusterid`, not MC ids) of every source; consolidated objects have two. */
const applianceIds = (sources: { clusterId: string }[], ctx: SimContext): number[] => sources.map((s) => Number(ctx.index.clusters.get(s.clusterId)?.clusterid));
const staleOf = (sources: { clusterId: string }[], ctx: SimContext): boolean => ctx.index.clusters.get(sources[0].clusterId)?.stale ?? false;

const appHost = (a: Application, ctx: SimContext): Host | undefined => ctx.index.hosts.get(a.hostId);
const appSlt = (a: Application, ctx: SimContext) => (a.slaId ? ctx.index.slts.get(ctx.index.slas.get(a.slaId)?.sltId ?? '') : undefined);
const appSlp = (a: Application, ctx: SimContext) => (a.slaId ? ctx.index.slps.get(ctx.index.slas.get(a.slaId)?.slpId ?? '') : undefined);

const appScope = (a: Application): readonly string[] => a.orgIds;

export const applicationResource: ResourceDef<Application> = {
  path: 'application',
  label: 'application',
  records: (ctx) => ctx.data.applications,
  byId: (id, ctx) => ctx.index.apps.get(id),
  scope: appScope,
  fields: [
    idField(),
    str('appname', (a) => a.appname),
    str('name', (a) => a.name),
    str('apptype', (a) => a.apptype),
    str('friendlytype', (a) => a.friendlytype),
    str('appclass', (a) => a.appclass),
    str('protectable', (a) => a.protectable),
    bool('managed', (a) => a.managed),
    bool('isvm', (a) => a.isvm),
    bool('isorphan', (a) => a.isorphan),
    bool('ignore', (a) => a.ignore),
    long('sensitivity', (a) => a.sensitivity),
    str('hostname', (a, ctx) => appHost(a, ctx)?.hostname),
    long('hostid', (a) => Number(a.hostId)),
    multi(long('clusterid', (a, ctx) => applianceIds(a.sources, ctx))),
    multi(long('sourcecluster', (a, ctx) => applianceIds(a.sources, ctx))),
    multi(str('appliancename', (a, ctx) => a.sources.map((s) => ctx.index.clusters.get(s.clusterId)?.name ?? ''))),
    str('sltname', (a, ctx) => appSlt(a, ctx)?.name),
    str('slpname', (a, ctx) => appSlp(a, ctx)?.name),
    long('slaid', (a) => (a.slaId ? Number(a.slaId) : undefined)),
    long('inlogicalgroupof', (a) => (a.logicalgroupId ? Number(a.logicalgroupId) : undefined)),
    long('inconsistencygroupof', (a) => (a.consistencygroupId ? Number(a.consistencygroupId) : undefined)),
    str('description', (a) => a.description),
    str('pathname', (a) => a.pathname),
    str('uniquename', (a) => a.uniquename),
    str('networkname', (a) => a.networkname),
    str('appversion', (a) => a.appversion),
    date('syncdate', (a) => a.syncdate),
    bool('stale', (a, ctx) => staleOf(a.sources, ctx)),
    orgField(appScope),
  ],
  keyword: {
    vmuuid: (a) => a.vmuuid,
    hostname: (a, ctx) => appHost(a, ctx)?.hostname,
    appname: (a) => a.appname,
    description: (a) => a.description,
    networkname: (a) => a.networkname,
    pathname: (a) => a.pathname,
    sqlinstance: (a) => a.sqlinstance,
    sqlserverag: (a) => a.sqlserverag,
  },
  wire: (a, ctx, root) => wireApplication(a, ctx, root),
};

export function wireApplication(a: Application, ctx: SimContext, root: string): Record<string, unknown> {
  const host = appHost(a, ctx);
  const cluster = ctx.index.clusterOfApp(a);
  const sla = a.slaId ? ctx.index.slas.get(a.slaId) : undefined;
  const cg = a.consistencygroupId ? ctx.index.apps.get(a.consistencygroupId) : undefined;
  return compact({
    '@type': 'applicationRest',
    id: a.id,
    href: href(root, 'application', a.id),
    syncdate: a.syncdate,
    stale: staleOf(a.sources, ctx),
    appname: a.appname,
    name: a.name,
    apptype: a.apptype,
    friendlytype: a.friendlytype,
    appclass: a.appclass,
    protectable: a.protectable,
    managed: a.managed,
    scheduleoff: sla ? sla.scheduleoff === 'true' : false,
    isvm: a.isvm,
    isorphan: a.isorphan,
    ignore: a.ignore,
    isclustered: a.isclustered,
    sensitivity: a.sensitivity,
    srcid: a.sources[0].srcid,
    uniquename: a.uniquename,
    description: a.description,
    pathname: a.pathname,
    friendlypath: a.pathname,
    sourcecluster: cluster?.clusterid,
    appversion: a.appversion,
    networkname: a.networkname,
    networkip: a.networkip,
    vmuuid: a.vmuuid || undefined,
    sqlinstance: a.sqlinstance || undefined,
    sqlserverag: a.sqlserverag || undefined,
    host: hostRef(host, root),
    cluster: clusterRef(cluster, root),
    sla: slaRef(sla, ctx, root),
    logicalgroup: lgRef(a.logicalgroupId ? ctx.index.lgs.get(a.logicalgroupId) : undefined, root),
    consistencygroup: appRef(cg, root),
    sources: a.sources.length > 1 ? a.sources.map((s) => compact({ id: a.id, srcid: s.srcid, sourcecluster: ctx.index.clusters.get(s.clusterId)?.clusterid, cluster: clusterRef(ctx.index.clusters.get(s.clusterId), root) })) : undefined,
    orglist: orgList(a.orgIds, ctx, root),
    managedBy: 'MS',
  });
}

const hostScope = (h: Host): readonly string[] => h.orgIds;

export const hostResource: ResourceDef<Host> = {
  path: 'host',
  label: 'host',
  records: (ctx) => ctx.data.hosts,
  byId: (id, ctx) => ctx.index.hosts.get(id),
  scope: hostScope,
  fields: [
    idField(),
    str('name', (h) => h.name),
    str('hostname', (h) => h.hostname),
    str('uniquename', (h) => h.uniquename),
    str('hosttype', (h) => h.hosttype),
    str('ostype', (h) => h.ostype),
    str('ostype_special', (h) => h.ostype_special),
    str('osversion', (h) => h.osversion),
    str('ipaddress', (h) => h.ipaddress),
    multi(long('clusterid', (h, ctx) => applianceIds(h.sources, ctx))),
    multi(long('sourcecluster', (h, ctx) => applianceIds(h.sources, ctx))),
    bool('isvm', (h) => h.isvm),
    str('vmtype', (h) => h.vmtype),
    bool('isvcenterhost', (h) => h.isvcenterhost),
    bool('isesxhost', (h) => h.isesxhost),
    bool('isclusterhost', (h) => h.isclusterhost),
    bool('isproxyhost', (h) => h.isproxyhost),
    bool('hasagent', (h) => h.hasagent),
    long('vcenterhostid', (h) => (h.vcenterhostId ? Number(h.vcenterhostId) : undefined)),
    long('originalhostid', (h) => Number(h.originalhostid)),
    str('zone', (h) => h.zone),
    str('projectid', (h) => h.projectid),
    str('description', (h) => h.description),
    date('modifydate', (h) => h.modifydate),
    date('syncdate', (h) => h.syncdate),
    bool('stale', (h, ctx) => staleOf(h.sources, ctx)),
    orgField(hostScope),
  ],
  keyword: {
    uniquename: (h) => h.uniquename,
    hostname: (h) => h.hostname,
    friendlypath: (h) => h.friendlypath,
    svcname: (h) => h.svcname,
    description: (h) => h.description,
    ipaddress: (h) => h.ipaddress,
  },
  wire: (h, ctx, root) => {
    const cluster = ctx.index.clusters.get(h.sources[0].clusterId);
    return compact({
      '@type': 'hostRest',
      id: h.id,
      href: href(root, 'host', h.id),
      syncdate: h.syncdate,
      stale: staleOf(h.sources, ctx),
      name: h.name,
      hostname: h.hostname,
      uniquename: h.uniquename,
      hosttype: h.hosttype,
      ostype: h.ostype,
      ostype_special: h.ostype_special,
      osversion: h.osversion,
      ipaddress: h.ipaddress,
      description: h.description,
      friendlypath: h.friendlypath,
      clusterid: cluster?.clusterid,
      sourcecluster: cluster?.clusterid,
      srcid: h.sources[0].srcid,
      originalhostid: h.originalhostid,
      vcenterhostid: h.vcenterhostId ?? undefined,
      isvm: h.isvm,
      vmtype: h.vmtype,
      isvcenterhost: h.isvcenterhost,
      isesxhost: h.isesxhost,
      isclusterhost: h.isclusterhost,
      isproxyhost: h.isproxyhost,
      hasagent: h.hasagent,
      svcname: h.svcname || undefined,
      zone: h.zone,
      projectid: h.projectid,
      modifydate: h.modifydate,
      appliance: clusterRef(cluster, root),
      sources: h.sources.length > 1 ? h.sources.map((s) => compact({ id: h.id, srcid: s.srcid, clusterid: ctx.index.clusters.get(s.clusterId)?.clusterid, appliance: clusterRef(ctx.index.clusters.get(s.clusterId), root) })) : undefined,
      orglist: orgList(h.orgIds, ctx, root),
      managedby: 'MS',
    });
  },
};

const cgScope = (g: ConsistencyGroup, ctx: SimContext): readonly string[] => ctx.index.hosts.get(g.hostId)?.orgIds ?? [];

export const consistencyGroupResource: ResourceDef<ConsistencyGroup> = {
  path: 'consistencygroup',
  label: 'consistencygroup',
  records: (ctx) => ctx.data.consistencygroups,
  byId: (id, ctx) => ctx.index.cgs.get(id),
  scope: cgScope,
  fields: [
    idField(),
    str('groupname', (g) => g.groupname),
    str('description', (g) => g.description),
    long('hostid', (g) => Number(g.hostId)),
    str('hostname', (g, ctx) => ctx.index.hosts.get(g.hostId)?.hostname),
    long('clusterid', (g, ctx) => Number(ctx.index.clusters.get(g.clusterId)?.clusterid)),
    long('membercount', (g) => g.memberAppIds.length),
    date('syncdate', (g) => g.syncdate),
    orgField(cgScope),
  ],
  keyword: { groupname: (g) => g.groupname, description: (g) => g.description },
  wire: (g, ctx, root) =>
    compact({
      '@type': 'consistencyGroupRest',
      id: g.id,
      href: href(root, 'consistencygroup', g.id),
      syncdate: g.syncdate,
      stale: ctx.index.clusters.get(g.clusterId)?.stale ?? false,
      groupname: g.groupname,
      description: g.description,
      membercount: g.memberAppIds.length,
      application: appRef(ctx.index.apps.get(g.id), root),
      cluster: clusterRef(ctx.index.clusters.get(g.clusterId), root),
      host: hostRef(ctx.index.hosts.get(g.hostId), root),
    }),
};

const lgScope = (g: LogicalGroup): readonly string[] => g.orgIds;

export const logicalGroupResource: ResourceDef<LogicalGroup> = {
  path: 'logicalgroup',
  label: 'logicalgroup',
  records: (ctx) => ctx.data.logicalgroups,
  byId: (id, ctx) => ctx.index.lgs.get(id),
  scope: lgScope,
  fields: [
    idField(),
    str('name', (g) => g.name),
    str('description', (g) => g.description),
    bool('managed', (g) => g.managed),
    bool('scheduleoff', (g) => g.scheduleoff),
    long('membercount', (g) => g.memberAppIds.length),
    long('clusterid', (g, ctx) => Number(ctx.index.clusters.get(g.clusterId)?.clusterid)),
    str('sltname', (g, ctx) => (g.slaId ? ctx.index.slts.get(ctx.index.slas.get(g.slaId)?.sltId ?? '')?.name : undefined)),
    date('modifydate', (g) => g.modifydate),
    date('syncdate', (g) => g.syncdate),
    orgField(lgScope),
  ],
  keyword: { name: (g) => g.name, description: (g) => g.description },
  wire: (g, ctx, root) => {
    const sla = g.slaId ? ctx.index.slas.get(g.slaId) : undefined;
    return compact({
      '@type': 'logicalGroupRest',
      id: g.id,
      href: href(root, 'logicalgroup', g.id),
      syncdate: g.syncdate,
      stale: ctx.index.clusters.get(g.clusterId)?.stale ?? false,
      name: g.name,
      description: g.description,
      managed: g.managed,
      scheduleoff: g.scheduleoff,
      membercount: g.memberAppIds.length,
      srcid: g.srcid,
      modifydate: g.modifydate,
      sla: sla && { ...slaRef(sla, ctx, root), slt: sltRef(ctx.index.slts.get(sla.sltId), root) },
      cluster: clusterRef(ctx.index.clusters.get(g.clusterId), root),
      orglist: orgList(g.orgIds, ctx, root),
    });
  },
};
