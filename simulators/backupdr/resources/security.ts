import type { SimContext } from '../context.js';
import type { AuditRecord, Organization, Right, Role, User } from '../data/types.js';
import { bool, date, idField, long, orgField, str, type ResourceDef } from './resource.js';
import { href, orgList, rightRef, roleRef } from './wire.js';

const userScope = (u: User): readonly string[] => u.orgIds;

export function wireUser(u: User, ctx: SimContext, root: string): Record<string, unknown> {
  const roles = u.roleIds.flatMap((id) => ctx.index.roles.get(id) ?? []);
  const rights = [...new Set(roles.flatMap((r) => r.rights))];
  return {
    '@type': 'userRest',
    id: u.id,
    href: href(root, 'user', u.id),
    name: u.name,
    firstname: u.firstname,
    lastname: u.lastname,
    email: u.email,
    comments: u.comments,
    timezone: u.timezone,
    dataaccesslevel: u.dataaccesslevel,
    localonly: u.localonly,
    version: u.version,
    createdate: u.createdate,
    modifydate: u.modifydate,
    lastpasswordchangedate: u.lastpasswordchangedate,
    rolelist: roles.map((r) => roleRef(r, root)),
    orglist: orgList(u.orgIds, ctx, root),
    rightlist: rights.map((r) => rightRef(r, root)),
  };
}

export const userResource: ResourceDef<User> = {
  path: 'user',
  label: 'user',
  records: (ctx) => ctx.data.users,
  byId: (id, ctx) => ctx.index.users.get(id),
  scope: userScope,
  fields: [
    idField(),
    str('name', (u) => u.name),
    str('firstname', (u) => u.firstname),
    str('lastname', (u) => u.lastname),
    str('email', (u) => u.email),
    str('timezone', (u) => u.timezone),
    long('dataaccesslevel', (u) => u.dataaccesslevel),
    bool('localonly', (u) => u.localonly),
    date('createdate', (u) => u.createdate),
    date('modifydate', (u) => u.modifydate),
    orgField(userScope),
  ],
  keyword: { name: (u) => u.name, email: (u) => u.email, firstname: (u) => u.firstname, lastname: (u) => u.lastname },
  wire: wireUser,
};

export const roleResource: ResourceDef<Role> = {
  path: 'role',
  label: 'role',
  records: (ctx) => ctx.data.roles,
  byId: (id, ctx) => ctx.index.roles.get(id),
  scope: () => 'global',
  // The General Concepts' OPTIONS /role example (docs/upstreams/backupdr.md §3.4) lists exactly these (plus organizationid: roles are global here).
  fields: [idField(), str('name', (r) => r.name), str('description', (r) => r.description), date('createdate', (r) => r.createdate)],
  keyword: { name: (r) => r.name, description: (r) => r.description },
  wire: (r, _ctx, root) => ({
    '@type': 'roleRest',
    id: r.id,
    href: href(root, 'role', r.id),
    name: r.name,
    description: r.description,
    createdate: r.createdate,
    modifydate: r.modifydate,
    rightlist: r.rights.map((name) => rightRef(name, root)),
  }),
};

export const rightResource: ResourceDef<Right> = {
  path: 'right',
  label: 'right',
  records: (ctx) => ctx.data.rights,
  byId: (id, ctx) => ctx.data.rights.find((r) => r.id === id),
  scope: () => 'global',
  fields: [str('id', (r) => r.id), str('name', (r) => r.name)],
  keyword: { name: (r) => r.name },
  wire: (r, _ctx, root) => ({ '@type': 'rightRest', ...rightRef(r.name, root) }),
};

/** An organization is visible to the callers that belong to it. */
const orgScope = (o: Organization): readonly string[] => [o.id];

export const orgResource: ResourceDef<Organization> = {
  path: 'org',
  label: 'org',
  records: (ctx) => ctx.data.organizations,
  byId: (id, ctx) => ctx.index.orgs.get(id),
  scope: orgScope,
  fields: [idField(), str('name', (o) => o.name), str('description', (o) => o.description), date('createdate', (o) => o.createdate), date('modifydate', (o) => o.modifydate), orgField(orgScope)],
  keyword: { name: (o) => o.name, description: (o) => o.description },
  wire: (o, ctx, root) => {
    const idsIn = (list: readonly { id: string; orgIds: string[] }[]): string[] => list.filter((x) => x.orgIds.includes(o.id)).map((x) => x.id);
    const collection: Record<string, unknown> = {};
    const lists: Record<string, string[]> = {
      applist: idsIn(ctx.data.applications),
      hostlist: idsIn(ctx.data.hosts),
      lglist: idsIn(ctx.data.logicalgroups),
      poollist: idsIn(ctx.data.diskpools),
      slplist: idsIn(ctx.data.slps),
      sltlist: idsIn(ctx.data.slts),
      userlist: idsIn(ctx.data.users),
    };
    for (const [k, v] of Object.entries(lists)) {
      collection[k] = v;
      collection[`${k}count`] = v.length;
    }
    return { '@type': 'organizationRest', id: o.id, href: href(root, 'org', o.id), name: o.name, description: o.description, version: o.version, createdate: o.createdate, modifydate: o.modifydate, resourcecollection: collection };
  },
};

/** Audit records follow their user's organizations; records of unknown users only all-org callers see. */
const auditScope = (a: AuditRecord, ctx: SimContext): readonly string[] => ctx.index.usersByName.get(a.username)?.orgIds ?? [];

export const auditResource: ResourceDef<AuditRecord> = {
  path: 'localaudit',
  label: 'localaudit',
  records: (ctx) => ctx.data.audits,
  byId: (id, ctx) => ctx.data.audits.find((a) => a.id === id),
  scope: auditScope,
  fields: [
    idField(),
    date('issuedate', (a) => a.issuedate),
    str('username', (a) => a.username),
    str('command', (a) => a.command),
    str('ipaddress', (a) => a.ipaddress),
    str('component', (a) => a.component),
    long('status', (a) => a.status),
    bool('privileged', (a) => a.privileged),
    orgField(auditScope),
  ],
  keyword: { username: (a) => a.username, command: (a) => a.command, ipaddress: (a) => a.ipaddress },
  wire: (a, _ctx, root) => ({ '@type': 'auditRest', id: a.id, href: href(root, 'localaudit', a.id), issuedate: a.issuedate, username: a.username, command: a.command, ipaddress: a.ipaddress, component: a.component, status: a.status, proxy: a.proxy, privileged: a.privileged }),
};
