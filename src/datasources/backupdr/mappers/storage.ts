import { toGlobalId } from '../../../util/global-id.js';
import { freePercentOf } from '../../domain.js';
import type { BdrCluster, BdrDiskPool } from '../model.js';
import type { UpstreamRef } from '../../record.js';
import { bool, field, id, int, micros, num, refId, str, type Json } from './read.js';

const MB = 1024 * 1024;

/** `DiskPoolRest`: capacities in MB on the wire (`capacity_mb`, `usage_mb`, `free_mb`), bytes here. */
export function toDiskPool(p: Json, upstream: UpstreamRef): BdrDiskPool | null {
  const poolId = id(field(p, 'id'));
  if (poolId === null) return null;
  const capacity = mb(field(p, 'capacity_mb'));
  const used = mb(field(p, 'usage_mb'));
  // Some pools report only capacity and usage.
  const free = mb(field(p, 'free_mb')) ?? (capacity !== null && used !== null ? Math.max(0, capacity - used) : null);
  const freePercent = freePercentOf(capacity, free);
  return {
    __typename: 'BackupDrDiskPool',
    id: toGlobalId('BackupDrDiskPool', upstream.id, poolId),
    upstream,
    consoleId: poolId,
    syncedAt: micros(field(p, 'syncdate')),
    stale: bool(field(p, 'stale')),
    name: str(field(p, 'name')) ?? poolId,
    poolType: str(field(p, 'pooltype')),
    poolTypeDisplayName: str(field(p, 'pooltypedisplayname')),
    state: str(field(p, 'state')),
    status: str(field(p, 'status')),
    capacityBytes: capacity,
    usedBytes: used,
    freeBytes: free,
    freePercent,
    usedPercent: num(field(p, 'pct')),
    warnPercent: num(field(p, 'warnpct')),
    safePercent: num(field(p, 'safepct')),
    immutable: bool(field(p, 'immutable')),
    applianceId: refId(field(p, 'cluster')),
    modifiedAt: micros(field(p, 'modifydate')),
  };
}

/**
 * `ClusterRest` (an appliance) with its `clusterstatus` (`ClusterStatusRest`, docs/upstreams/backupdr-infrastructure.md §1).
 * Reachable unless the console says it cannot access it (`accessible: false`) or could not sync it lately (`stale`).
 */
export function toCluster(c: Json, upstream: UpstreamRef): BdrCluster | null {
  const clusterId = id(field(c, 'id'));
  if (clusterId === null) return null;
  const status = field(c, 'clusterstatus');
  const accessible = bool(field(status, 'accessible'));
  const stale = bool(field(c, 'stale'));
  const reachable = accessible === false || stale === true ? false : accessible === true || stale === false ? true : null;
  return {
    __typename: 'BackupDrAppliance',
    id: toGlobalId('BackupDrAppliance', upstream.id, clusterId),
    upstream,
    consoleId: clusterId,
    syncedAt: micros(field(c, 'syncdate')),
    stale: bool(field(c, 'stale')),
    applianceId: str(field(c, 'clusterid')),
    name: str(field(c, 'name')),
    type: str(field(c, 'type')),
    ipAddress: str(field(c, 'ipaddress')),
    version: str(field(c, 'version')),
    timezone: str(field(c, 'timezone')),
    region: str(field(c, 'region')),
    zone: str(field(c, 'zone')),
    projectId: str(field(c, 'projectid')),
    description: str(field(c, 'description')),
    supportStatus: str(field(c, 'supportstatus')),
    lastSyncAt: micros(field(c, 'lastsync')),
    status: reachable === null ? null : reachable ? 'online' : 'unreachable',
    accessible,
    reachable,
    vdiskCount: int(field(status, 'vdiskcount')),
    vdiskLimit: int(field(status, 'vdisklimit')),
    vdiskColor: str(field(status, 'vdiskcolor')),
    localSnapshotColor: str(field(status, 'localsnapshotcolor')),
    localDedupColor: str(field(status, 'localdedupcolor')),
    remoteProtectionColor: str(field(status, 'remoteprotectioncolor')),
    copyData: num(field(status, 'copydata')),
  };
}

function mb(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : n * MB;
}
