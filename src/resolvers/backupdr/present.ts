/**
 * Console records → schema objects: each gets its global id, its `upstream` and the console ids its
 * relation resolvers follow. Class instances, because type-graphql resolves interfaces by `instanceof`.
 * Each is built once per record and kept beside it (presentedOnce): the records of a cached answer
 * are shared, and presenting a warm 100-job page afresh per request was most of its cost.
 */
import type {
  BdrApplication,
  BdrAuditRecord,
  BdrBackup,
  BdrCluster,
  BdrConsistencyGroup,
  BdrDiskPool,
  BdrEvent,
  BdrHost,
  BdrJob,
  BdrLogicalGroup,
  BdrOrganization,
  BdrPolicy,
  BdrRef,
  BdrRole,
  BdrSla,
  BdrSlp,
  BdrSlt,
  BdrSourceRef,
  BdrUser,
} from '../../datasources/backupdr/model.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrAuditRecord } from '../../schema/backupdr/audit-record.type.js';
import { BackupDrBackup } from '../../schema/backupdr/backup.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrConsistencyGroup } from '../../schema/backupdr/consistency-group.type.js';
import { BackupDrDiskPool } from '../../schema/backupdr/disk-pool.type.js';
import { BackupDrEvent } from '../../schema/backupdr/event.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrJob } from '../../schema/backupdr/job.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrNamedRef } from '../../schema/backupdr/named-ref.type.js';
import { BackupDrObjectSource } from '../../schema/backupdr/object-source.type.js';
import { BackupDrOrganization } from '../../schema/backupdr/organization.type.js';
import { BackupDrPolicy } from '../../schema/backupdr/policy.type.js';
import { BackupDrRole } from '../../schema/backupdr/role.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { BackupDrSlp } from '../../schema/backupdr/slp.type.js';
import { BackupDrSlt } from '../../schema/backupdr/slt.type.js';
import { BackupDrUser } from '../../schema/backupdr/user.type.js';
import { toGlobalId } from '../../util/global-id.js';
import type { Upstream } from '../../schema/unified/upstream.type.js';
import { presentUpstream } from '../commvault/present.js';
import { presentedOnce } from '../presented-once.js';

/** The `upstream` of every object a console returns. */
export const consoleUpstream = (instanceId: string): Upstream => presentUpstream(instanceId, 'backupdr');

/** Id, upstream and console id: what every console node starts with. */
function node(typeName: string, up: Upstream, consoleId: string) {
  return { id: toGlobalId(typeName, up.id, consoleId), upstream: up, consoleId };
}

const named = (refs: readonly BdrRef[]): BackupDrNamedRef[] =>
  refs.map((r) => Object.assign(new BackupDrNamedRef(), { consoleId: r.id, name: r.name }));

const copies = (sources: readonly BdrSourceRef[]): BackupDrObjectSource[] =>
  sources.map((s) => Object.assign(new BackupDrObjectSource(), { srcId: s.srcId, applianceId: s.applianceId, applianceName: s.appliance?.name ?? null }));

export function presentApplication(up: Upstream, a: BdrApplication): BackupDrApplication {
  return presentInventory(BackupDrApplication, 'BackupDrApplication', up, a);
}

export function presentHost(up: Upstream, h: BdrHost): BackupDrHost {
  return presentInventory(BackupDrHost, 'BackupDrHost', up, h);
}

/** Applications and hosts alike: copies on appliances, organizations and the appliance that owns them. */
function presentInventory<T extends { upstream: Upstream }>(Type: new () => T, typeName: string, up: Upstream, r: BdrApplication | BdrHost): T {
  return presentedOnce(typeName, up, r, () => {
    const { id: _id, appliance, sources, organizations, ...rest } = r;
    return Object.assign(new Type(), rest, node(typeName, up, r.id), {
      sources: copies(sources),
      organizations: named(organizations),
      applianceId: appliance?.id ?? null,
    });
  });
}

export function presentBackup(up: Upstream, b: BdrBackup): BackupDrBackup {
  return presentedOnce('BackupDrBackup', up, b, () => {
    const { id: _id, appliance, diskPool, ...rest } = b;
    return Object.assign(new BackupDrBackup(), rest, node('BackupDrBackup', up, b.id), {
      applianceId: appliance?.id ?? null,
      diskPoolId: diskPool?.id ?? null,
    });
  });
}

export function presentJob(up: Upstream, j: BdrJob): BackupDrJob {
  return presentedOnce('BackupDrJob', up, j, () => {
    const { id: _id, appliance, jobClass, ...rest } = j;
    return Object.assign(new BackupDrJob(), rest, node('BackupDrJob', up, j.id), {
      jobType: jobClass,
      sizeBytes: null,
      applianceId: appliance?.id ?? null,
    });
  });
}

export function presentPolicy(p: BdrPolicy): BackupDrPolicy {
  const { id, ...rest } = p;
  return Object.assign(new BackupDrPolicy(), rest, { consoleId: id });
}

export function presentSlt(up: Upstream, s: BdrSlt): BackupDrSlt {
  return presentedOnce('BackupDrSlt', up, s, () => {
    const { id: _id, organizations, ...rest } = s;
    return Object.assign(new BackupDrSlt(), rest, node('BackupDrSlt', up, s.id), { organizations: named(organizations) });
  });
}

export function presentSlp(up: Upstream, s: BdrSlp): BackupDrSlp {
  return presentedOnce('BackupDrSlp', up, s, () => {
    const { id: _id, organizations, vaultPool, ...rest } = s;
    return Object.assign(new BackupDrSlp(), rest, node('BackupDrSlp', up, s.id), {
      organizations: named(organizations),
      vaultPoolId: vaultPool?.id ?? null,
    });
  });
}

export function presentSla(up: Upstream, s: BdrSla): BackupDrSla {
  return presentedOnce('BackupDrSla', up, s, () => {
    const { id: _id, ...rest } = s;
    return Object.assign(new BackupDrSla(), rest, node('BackupDrSla', up, s.id));
  });
}

export function presentDiskPool(up: Upstream, p: BdrDiskPool): BackupDrDiskPool {
  return presentedOnce('BackupDrDiskPool', up, p, () => {
    const { id: _id, appliance, ...rest } = p;
    return Object.assign(new BackupDrDiskPool(), rest, node('BackupDrDiskPool', up, p.id), { applianceId: appliance?.id ?? null });
  });
}

export function presentAppliance(up: Upstream, c: BdrCluster): BackupDrAppliance {
  return presentedOnce('BackupDrAppliance', up, c, () => {
    const { id: _id, ...rest } = c;
    return Object.assign(new BackupDrAppliance(), rest, node('BackupDrAppliance', up, c.id));
  });
}

export function presentEvent(up: Upstream, e: BdrEvent): BackupDrEvent {
  return presentedOnce('BackupDrEvent', up, e, () => {
    const { id: _id, appliance, syncedAt: _s, stale: _st, ...rest } = e;
    return Object.assign(new BackupDrEvent(), rest, node('BackupDrEvent', up, e.id), { applianceId: appliance?.id ?? null });
  });
}

export function presentUser(up: Upstream, u: BdrUser): BackupDrUser {
  return presentedOnce('BackupDrUser', up, u, () => {
    const { id: _id, roles, organizations, ...rest } = u;
    return Object.assign(new BackupDrUser(), rest, node('BackupDrUser', up, u.id), {
      roleIds: roles.map((r) => r.id),
      organizationIds: organizations.map((o) => o.id),
    });
  });
}

export function presentRole(up: Upstream, r: BdrRole): BackupDrRole {
  return presentedOnce('BackupDrRole', up, r, () => {
    const { id: _id, ...rest } = r;
    return Object.assign(new BackupDrRole(), rest, node('BackupDrRole', up, r.id));
  });
}

export function presentOrganization(up: Upstream, o: BdrOrganization): BackupDrOrganization {
  return presentedOnce('BackupDrOrganization', up, o, () => {
    const { id: _id, ...rest } = o;
    return Object.assign(new BackupDrOrganization(), rest, node('BackupDrOrganization', up, o.id));
  });
}

export function presentAuditRecord(up: Upstream, a: BdrAuditRecord): BackupDrAuditRecord {
  return presentedOnce('BackupDrAuditRecord', up, a, () => {
    const { id: _id, ...rest } = a;
    return Object.assign(new BackupDrAuditRecord(), rest, node('BackupDrAuditRecord', up, a.id));
  });
}

export function presentConsistencyGroup(up: Upstream, g: BdrConsistencyGroup): BackupDrConsistencyGroup {
  return presentedOnce('BackupDrConsistencyGroup', up, g, () => {
    const { id: _id, appliance, ...rest } = g;
    return Object.assign(new BackupDrConsistencyGroup(), rest, node('BackupDrConsistencyGroup', up, g.id), { applianceId: appliance?.id ?? null });
  });
}

export function presentLogicalGroup(up: Upstream, g: BdrLogicalGroup): BackupDrLogicalGroup {
  return presentedOnce('BackupDrLogicalGroup', up, g, () => {
    const { id: _id, appliance, organizations, ...rest } = g;
    return Object.assign(new BackupDrLogicalGroup(), rest, node('BackupDrLogicalGroup', up, g.id), {
      applianceId: appliance?.id ?? null,
      organizations: named(organizations),
    });
  });
}
