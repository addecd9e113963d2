import { toGlobalId } from '../../../util/global-id.js';
import type { BdrApplication, BdrConsistencyGroup, BdrHost, BdrLogicalGroup } from '../model.js';
import type { UpstreamRef } from '../../record.js';
import { bool, field, id, int, micros, named, refId, sources, str, type Json } from './read.js';

/** `ApplicationRest` (docs/upstreams/backupdr.md §4). */
export function toApplication(a: Json, upstream: UpstreamRef): BdrApplication | null {
  const appId = id(field(a, 'id'));
  if (appId === null) return null;
  const host = field(a, 'host');
  return {
    __typename: 'BackupDrApplication',
    id: toGlobalId('BackupDrApplication', upstream.id, appId),
    upstream,
    consoleId: appId,
    syncedAt: micros(field(a, 'syncdate')),
    stale: bool(field(a, 'stale')),
    appName: str(field(a, 'appname')),
    name: str(field(a, 'name')) ?? str(field(a, 'appname')) ?? appId,
    appType: str(field(a, 'apptype')),
    friendlyType: str(field(a, 'friendlytype')),
    appClass: str(field(a, 'appclass')),
    protectable: str(field(a, 'protectable')),
    managed: bool(field(a, 'managed')),
    isVm: bool(field(a, 'isvm')),
    isOrphan: bool(field(a, 'isorphan')),
    ignore: bool(field(a, 'ignore')),
    sensitivity: int(field(a, 'sensitivity')),
    uniqueName: str(field(a, 'uniquename')),
    description: str(field(a, 'description')),
    pathName: str(field(a, 'pathname')),
    appVersion: str(field(a, 'appversion')),
    networkName: str(field(a, 'networkname')),
    hostId: id(field(host, 'id')),
    hostName: str(field(host, 'hostname')),
    slaId: id(field(field(a, 'sla'), 'id')),
    logicalGroupId: id(field(field(a, 'logicalgroup'), 'id')),
    consistencyGroupId: id(field(field(a, 'consistencygroup'), 'id')),
    applianceId: refId(field(a, 'cluster')),
    sources: sources(field(a, 'sources')),
    organizations: named(field(a, 'orglist')),
  };
}

/** `HostRest`. */
export function toHost(h: Json, upstream: UpstreamRef): BdrHost | null {
  const hostId = id(field(h, 'id'));
  if (hostId === null) return null;
  return {
    __typename: 'BackupDrHost',
    id: toGlobalId('BackupDrHost', upstream.id, hostId),
    upstream,
    consoleId: hostId,
    syncedAt: micros(field(h, 'syncdate')),
    stale: bool(field(h, 'stale')),
    name: str(field(h, 'name')),
    hostName: str(field(h, 'hostname')),
    uniqueName: str(field(h, 'uniquename')),
    hostType: str(field(h, 'hosttype')),
    osType: str(field(h, 'ostype')),
    osVersion: str(field(h, 'osversion')),
    ipAddress: str(field(h, 'ipaddress')),
    description: str(field(h, 'description')),
    isVm: bool(field(h, 'isvm')),
    vmType: str(field(h, 'vmtype')),
    zone: str(field(h, 'zone')),
    projectId: str(field(h, 'projectid')),
    hasAgent: bool(field(h, 'hasagent')),
    modifiedAt: micros(field(h, 'modifydate')),
    applianceId: refId(field(h, 'appliance')),
    sources: sources(field(h, 'sources')),
    organizations: named(field(h, 'orglist')),
  };
}

/** `ConsistencyGroupRest`. */
export function toConsistencyGroup(g: Json, upstream: UpstreamRef): BdrConsistencyGroup | null {
  const groupId = id(field(g, 'id'));
  if (groupId === null) return null;
  return {
    __typename: 'BackupDrConsistencyGroup',
    id: toGlobalId('BackupDrConsistencyGroup', upstream.id, groupId),
    upstream,
    consoleId: groupId,
    syncedAt: micros(field(g, 'syncdate')),
    stale: bool(field(g, 'stale')),
    groupName: str(field(g, 'groupname')),
    description: str(field(g, 'description')),
    memberCount: int(field(g, 'membercount')),
    hostId: id(field(field(g, 'host'), 'id')),
    applianceId: refId(field(g, 'cluster')),
  };
}

/** `LogicalGroupRest`. */
export function toLogicalGroup(g: Json, upstream: UpstreamRef): BdrLogicalGroup | null {
  const groupId = id(field(g, 'id'));
  if (groupId === null) return null;
  return {
    __typename: 'BackupDrLogicalGroup',
    id: toGlobalId('BackupDrLogicalGroup', upstream.id, groupId),
    upstream,
    consoleId: groupId,
    syncedAt: micros(field(g, 'syncdate')),
    stale: bool(field(g, 'stale')),
    name: str(field(g, 'name')),
    description: str(field(g, 'description')),
    managed: bool(field(g, 'managed')),
    scheduleOff: bool(field(g, 'scheduleoff')),
    memberCount: int(field(g, 'membercount')),
    slaId: id(field(field(g, 'sla'), 'id')),
    applianceId: refId(field(g, 'cluster')),
    modifiedAt: micros(field(g, 'modifydate')),
    organizations: named(field(g, 'orglist')),
  };
}
