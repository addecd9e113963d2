/**
 * Nested `…Rest` references as the console embeds them (`cluster : @{id=7188; href=…; clusterid=…;
 * ipaddress=…}`, docs/upstreams/backupdr.md §4.4). Every top-level object also carries `@type`, `id`, `href`, `syncdate`
 * and `stale`.
 */
import type { SimContext } from '../context.js';
import type { Application, Cluster, DiskPool, Host, LogicalGroup, Organization, Role, Sla, Slp, Slt } from '../data/types.js';

export function href(root: string, path: string, id: string): string {
  return `${root}/${path}/${encodeURIComponent(id)}`;
}

export function clusterRef(c: Cluster | undefined, root: string): Record<string, unknown> | undefined {
  return c && { id: c.id, href: href(root, 'cluster', c.id), clusterid: c.clusterid, name: c.name, ipaddress: c.ipaddress, type: c.type };
}

export function hostRef(h: Host | undefined, root: string): Record<string, unknown> | undefined {
  return h && { id: h.id, href: href(root, 'host', h.id), name: h.name, hostname: h.hostname };
}

export function appRef(a: Application | undefined, root: string): Record<string, unknown> | undefined {
  return a && { id: a.id, href: href(root, 'application', a.id), appname: a.appname, apptype: a.apptype };
}

export function sltRef(s: Slt | undefined, root: string): Record<string, unknown> | undefined {
  return s && { id: s.id, href: href(root, 'slt', s.id), name: s.name };
}

export function slpRef(s: Slp | undefined, root: string): Record<string, unknown> | undefined {
  return s && { id: s.id, href: href(root, 'slp', s.id), name: s.name };
}

export function poolRef(p: DiskPool | undefined, root: string): Record<string, unknown> | undefined {
  return p && { id: p.id, href: href(root, 'diskpool', p.id), name: p.name, pooltype: p.pooltype };
}

export function lgRef(g: LogicalGroup | undefined, root: string): Record<string, unknown> | undefined {
  return g && { id: g.id, href: href(root, 'logicalgroup', g.id), name: g.name };
}

export function slaRef(s: Sla | undefined, ctx: SimContext, root: string): Record<string, unknown> | undefined {
  return (
    s && {
      id: s.id,
      href: href(root, 'sla', s.id),
      scheduleoff: s.scheduleoff,
      slt: sltRef(ctx.index.slts.get(s.sltId), root),
      slp: slpRef(ctx.index.slps.get(s.slpId), root),
    }
  );
}

export function orgList(ids: readonly string[], ctx: SimContext, root: string): Record<string, unknown>[] {
  return ids.flatMap((id) => {
    const o: Organization | undefined = ctx.index.orgs.get(id);
    return o ? [{ id: o.id, href: href(root, 'org', o.id), name: o.name }] : [];
  });
}

export function roleRef(r: Role, root: string): Record<string, unknown> {
  return { id: r.id, href: href(root, 'role', r.id), name: r.name };
}

export function rightRef(name: string, root: string): Record<string, unknown> {
  return { id: name, href: href(root, 'right', name), name };
}

/** Drops undefined so absent references are left out rather than sent as null. */
export function compact(o: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
