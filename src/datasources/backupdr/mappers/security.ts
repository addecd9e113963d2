import { toGlobalId } from '../../../util/global-id.js';
import type { BdrAuditRecord, BdrOrganization, BdrRole, BdrUser } from '../model.js';
import type { UpstreamRef } from '../../record.js';
import { bool, field, id, int, list, micros, refs, str, type Json } from './read.js';

/** `UserRest`. */
export function toUser(u: Json, upstream: UpstreamRef): BdrUser | null {
  const userId = id(field(u, 'id'));
  if (userId === null) return null;
  return {
    __typename: 'BackupDrUser',
    id: toGlobalId('BackupDrUser', upstream.id, userId),
    upstream,
    consoleId: userId,
    name: str(field(u, 'name')),
    firstName: str(field(u, 'firstname')),
    lastName: str(field(u, 'lastname')),
    email: str(field(u, 'email')),
    timezone: str(field(u, 'timezone')),
    createdAt: micros(field(u, 'createdate')),
    modifiedAt: micros(field(u, 'modifydate')),
    roleIds: refs(field(u, 'rolelist')).map((r) => r.id),
    organizationIds: refs(field(u, 'orglist')).map((r) => r.id),
  };
}

/** `RoleRest`: rights are references named by the right's name. */
export function toRole(r: Json, upstream: UpstreamRef): BdrRole | null {
  const roleId = id(field(r, 'id'));
  if (roleId === null) return null;
  return {
    __typename: 'BackupDrRole',
    id: toGlobalId('BackupDrRole', upstream.id, roleId),
    upstream,
    consoleId: roleId,
    name: str(field(r, 'name')),
    description: str(field(r, 'description')),
    createdAt: micros(field(r, 'createdate')),
    rights: list(field(r, 'rightlist'))
      .map((x) => str(field(x, 'name')) ?? str(field(x, 'id')))
      .filter((x): x is string => x !== null),
  };
}

/** `OrganizationRest`. */
export function toOrganization(o: Json, upstream: UpstreamRef): BdrOrganization | null {
  const orgId = id(field(o, 'id'));
  if (orgId === null) return null;
  return {
    __typename: 'BackupDrOrganization',
    id: toGlobalId('BackupDrOrganization', upstream.id, orgId),
    upstream,
    consoleId: orgId,
    name: str(field(o, 'name')),
    description: str(field(o, 'description')),
    createdAt: micros(field(o, 'createdate')),
    modifiedAt: micros(field(o, 'modifydate')),
  };
}

/** `AuditRest` (`/localaudit`). */
export function toAuditRecord(a: Json, upstream: UpstreamRef): BdrAuditRecord | null {
  const auditId = id(field(a, 'id'));
  if (auditId === null) return null;
  return {
    __typename: 'BackupDrAuditRecord',
    id: toGlobalId('BackupDrAuditRecord', upstream.id, auditId),
    upstream,
    consoleId: auditId,
    issuedAt: micros(field(a, 'issuedate')),
    userName: str(field(a, 'username')),
    command: str(field(a, 'command')),
    ipAddress: str(field(a, 'ipaddress')),
    component: str(field(a, 'component')),
    status: int(field(a, 'status')),
    privileged: bool(field(a, 'privileged')),
  };
}
