import { toGlobalId } from '../../../util/global-id.js';
import type { BdrPolicy, BdrSla, BdrSlp, BdrSlt } from '../model.js';
import type { UpstreamRef } from '../../record.js';
import { bool, field, flag, id, micros, named, refId, str, type Json } from './read.js';

/** `SltRest` (a policy template). */
export function toSlt(s: Json, upstream: UpstreamRef): BdrSlt | null {
  const sltId = id(field(s, 'id'));
  if (sltId === null) return null;
  return {
    __typename: 'BackupDrSlt',
    id: toGlobalId('BackupDrSlt', upstream.id, sltId),
    upstream,
    consoleId: sltId,
    name: str(field(s, 'name')),
    description: str(field(s, 'description')),
    override: str(field(s, 'override')),
    sourceName: str(field(s, 'sourcename')),
    managedByAgm: bool(field(s, 'managedbyagm')),
    organizations: named(field(s, 'orglist')),
  };
}

/** `PolicyRest` (`/slt/{id}/policy`). */
export function toPolicy(p: Json): BdrPolicy | null {
  const policyId = id(field(p, 'id'));
  if (policyId === null) return null;
  return {
    consoleId: policyId,
    name: str(field(p, 'name')),
    op: str(field(p, 'op')),
    priority: str(field(p, 'priority')),
    retention: str(field(p, 'retention')),
    rpo: str(field(p, 'rpo')),
    startTime: str(field(p, 'starttime')),
    endTime: str(field(p, 'endtime')),
    scheduleType: str(field(p, 'scheduletype')),
    isContinuous: bool(field(p, 'iscontinuous')),
  };
}

/** `SlpRest` (a resource profile). */
export function toSlp(s: Json, upstream: UpstreamRef): BdrSlp | null {
  const slpId = id(field(s, 'id'));
  if (slpId === null) return null;
  return {
    __typename: 'BackupDrSlp',
    id: toGlobalId('BackupDrSlp', upstream.id, slpId),
    upstream,
    consoleId: slpId,
    name: str(field(s, 'name')),
    description: str(field(s, 'description')),
    localNode: str(field(s, 'localnode')),
    performancePool: str(field(s, 'performancepool')),
    applianceId: str(field(s, 'clusterid')),
    createdAt: micros(field(s, 'createdate')),
    modifiedAt: micros(field(s, 'modifydate')),
    vaultPoolId: refId(field(s, 'vaultpool')),
    organizations: named(field(s, 'orglist')),
  };
}

/** `SlaRest`: the switches are strings "true"/"false", except `logexpirationoff` (a boolean). */
export function toSla(s: Json, upstream: UpstreamRef): BdrSla | null {
  const slaId = id(field(s, 'id'));
  if (slaId === null) return null;
  return {
    __typename: 'BackupDrSla',
    id: toGlobalId('BackupDrSla', upstream.id, slaId),
    upstream,
    consoleId: slaId,
    description: str(field(s, 'description')),
    applicationId: id(field(field(s, 'application'), 'id')),
    logicalGroupId: id(field(field(s, 'group'), 'id')),
    sltId: refId(field(s, 'slt')),
    slpId: refId(field(s, 'slp')),
    scheduleOff: flag(field(s, 'scheduleoff')),
    expirationOff: flag(field(s, 'expirationoff')),
    dedupAsyncOff: flag(field(s, 'dedupasyncoff')),
    logExpirationOff: flag(field(s, 'logexpirationoff')),
    modifiedAt: micros(field(s, 'modifydate')),
  };
}
