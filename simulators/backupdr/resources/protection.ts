import type { SimContext } from '../context.js';
import type { Policy, Sla, Slp, Slt } from '../data/types.js';
import { bool, date, enm, idField, long, orgField, str, type ResourceDef } from './resource.js';
import { appRef, clusterRef, compact, href, lgRef, orgList, poolRef, slpRef, sltRef } from './wire.js';

const sltScope = (s: Slt): readonly string[] => s.orgIds;

export const sltResource: ResourceDef<Slt> = {
  path: 'slt',
  label: 'slt',
  records: (ctx) => ctx.data.slts,
  byId: (id, ctx) => ctx.index.slts.get(id),
  scope: sltScope,
  fields: [
    idField(),
    str('name', (s) => s.name),
    str('description', (s) => s.description),
    str('override', (s) => s.override),
    str('sourcename', (s) => s.sourcename),
    bool('managedbyagm', (s) => s.managedbyagm),
    long('policycount', (s) => s.policyIds.length),
    date('modifydate', (s) => s.modifydate),
    orgField(sltScope),
  ],
  keyword: { name: (s) => s.name, description: (s) => s.description },
  wire: (s, ctx, root) => ({
    '@type': 'sltRest',
    id: s.id,
    href: href(root, 'slt', s.id),
    syncdate: s.modifydate,
    stale: false,
    name: s.name,
    description: s.description,
    override: s.override,
    sourcename: s.sourcename,
    managedbyagm: s.managedbyagm,
    usedbycloudapp: false,
    policy_href: `${href(root, 'slt', s.id)}/policy`,
    option_href: `${href(root, 'slt', s.id)}/option`,
    orglist: orgList(s.orgIds, ctx, root),
    managedby: 'MS',
  }),
};

const POLICY_OPS = ['snap', 'dedup', 'cloud', 'log'] as const;

/** Not top-level (docs/upstreams/backupdr.md §4.1): listed under `/slt/{id}/policy`, visible with its template. */
export const policyResource: ResourceDef<Policy> = {
  path: 'policy',
  label: 'policy',
  records: (ctx) => ctx.data.policies,
  byId: (id, ctx) => ctx.index.policies.get(id),
  scope: (p, ctx) => ctx.index.slts.get(p.sltId)?.orgIds ?? [],
  fields: [
    idField(),
    str('name', (p) => p.name),
    enm('op', POLICY_OPS, (p) => p.op),
    str('retention', (p) => p.retention),
    str('rpo', (p) => p.rpo),
    str('scheduletype', (p) => p.scheduletype),
    str('priority', (p) => p.priority),
  ],
  keyword: { name: (p) => p.name },
  wire: (p, ctx, root) => ({
    '@type': 'policyRest',
    id: p.id,
    href: `${href(root, 'slt', p.sltId)}/policy/${p.id}`,
    name: p.name,
    op: p.op,
    priority: p.priority,
    retention: p.retention,
    retentionm: p.retentionm,
    rpo: p.rpo,
    rpom: p.rpom,
    starttime: p.starttime,
    endtime: p.endtime,
    scheduletype: p.scheduletype,
    iscontinuous: p.iscontinuous,
    exclusiontype: 'none',
    verification: false,
    slt: sltRef(ctx.index.slts.get(p.sltId), root),
  }),
};

const slpScope = (s: Slp): readonly string[] => s.orgIds;

export const slpResource: ResourceDef<Slp> = {
  path: 'slp',
  label: 'slp',
  records: (ctx) => ctx.data.slps,
  byId: (id, ctx) => ctx.index.slps.get(id),
  scope: slpScope,
  fields: [
    idField(),
    str('name', (s) => s.name),
    str('description', (s) => s.description),
    long('clusterid', (s, ctx) => Number(ctx.index.clusters.get(s.clusterId)?.clusterid)),
    str('localnode', (s) => s.localnode),
    str('performancepool', (s, ctx) => ctx.index.pools.get(s.performancepoolId)?.name),
    date('createdate', (s) => s.createdate),
    date('modifydate', (s) => s.modifydate),
    orgField(slpScope),
  ],
  keyword: { name: (s) => s.name, description: (s) => s.description, localnode: (s) => s.localnode },
  wire: (s, ctx, root) => {
    const cluster = ctx.index.clusters.get(s.clusterId);
    return compact({
      '@type': 'slpRest',
      id: s.id,
      href: href(root, 'slp', s.id),
      syncdate: s.modifydate,
      stale: cluster?.stale ?? false,
      name: s.name,
      description: s.description,
      clusterid: cluster?.clusterid,
      srcid: s.srcid,
      cid: s.cid,
      localnode: s.localnode,
      performancepool: ctx.index.pools.get(s.performancepoolId)?.name,
      dedupasyncnode: s.dedupPoolId ? s.localnode : undefined,
      vaultpool: poolRef(s.vaultPoolId ? ctx.index.pools.get(s.vaultPoolId) : undefined, root),
      createdate: s.createdate,
      modifydate: s.modifydate,
      orglist: orgList(s.orgIds, ctx, root),
    });
  },
};

const ON_OFF = ['true', 'false'] as const;
/** An SLA belongs to its application's organizations, or its logical group's. */
export const slaScope = (s: Sla, ctx: SimContext): readonly string[] =>
  (s.appId ? ctx.index.apps.get(s.appId)?.orgIds : ctx.index.lgs.get(s.groupId ?? '')?.orgIds) ?? [];

export const slaResource: ResourceDef<Sla> = {
  path: 'sla',
  label: 'sla',
  records: (ctx) => ctx.data.slas,
  byId: (id, ctx) => ctx.index.slas.get(id),
  scope: slaScope,
  fields: [
    idField(),
    long('appid', (s) => (s.appId ? Number(s.appId) : undefined)),
    str('appname', (s, ctx) => (s.appId ? ctx.index.apps.get(s.appId)?.appname : undefined)),
    long('groupid', (s) => (s.groupId ? Number(s.groupId) : undefined)),
    long('sltid', (s) => Number(s.sltId)),
    str('sltname', (s, ctx) => ctx.index.slts.get(s.sltId)?.name),
    long('slpid', (s) => Number(s.slpId)),
    str('slpname', (s, ctx) => ctx.index.slps.get(s.slpId)?.name),
    enm('scheduleoff', ON_OFF, (s) => s.scheduleoff),
    enm('expirationoff', ON_OFF, (s) => s.expirationoff),
    enm('dedupasyncoff', ON_OFF, (s) => s.dedupasyncoff),
    bool('logexpirationoff', (s) => s.logexpirationoff),
    str('description', (s) => s.description),
    date('modifydate', (s) => s.modifydate),
    orgField(slaScope),
  ],
  keyword: { description: (s) => s.description, appname: (s, ctx) => (s.appId ? ctx.index.apps.get(s.appId)?.appname : undefined), sltname: (s, ctx) => ctx.index.slts.get(s.sltId)?.name, slpname: (s, ctx) => ctx.index.slps.get(s.slpId)?.name },
  wire: (s, ctx, root) => wireSla(s, ctx, root),
};

export function wireSla(s: Sla, ctx: SimContext, root: string): Record<string, unknown> {
  const slp = ctx.index.slps.get(s.slpId);
  return compact({
    '@type': 'slaRest',
    id: s.id,
    href: href(root, 'sla', s.id),
    syncdate: s.syncdate,
    stale: false,
    description: s.description,
    application: appRef(s.appId ? ctx.index.apps.get(s.appId) : undefined, root),
    group: lgRef(s.groupId ? ctx.index.lgs.get(s.groupId) : undefined, root),
    slt: sltRef(ctx.index.slts.get(s.sltId), root),
    slp: slp && { ...slpRef(slp, root), cluster: clusterRef(ctx.index.clusters.get(slp.clusterId), root) },
    scheduleoff: s.scheduleoff,
    expirationoff: s.expirationoff,
    dedupasyncoff: s.dedupasyncoff,
    logexpirationoff: s.logexpirationoff,
    modifydate: s.modifydate,
    managedBy: 'MS',
  });
}
