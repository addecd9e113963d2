import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type {
  CvArrayAccessNode, CvReplicationGroup, CvReplicationKind, CvReplicationPair, CvSnapConfiguration, CvStorageArray, CvStorageArrayDetail,
} from '../arrays-replication-model.js';
import { bool, field, int, list, str, unixSeconds } from './read.js';
import { positive, refOf } from './virtualization.js';

/** Shapes: docs/upstreams/commvault-arrays-replication.md. */

/** `GET /V4/StorageArrays` → `{arrays: [{id, name, userName, vendor, flags, description, controlHost, assocFlag, VSVendor}]}`. */
export function toStorageArrays(body: unknown, upstream: UpstreamRef): CvStorageArray[] {
  const out: CvStorageArray[] = [];
  for (const a of list(field(body, 'arrays'))) {
    const arrayId = int(field(a, 'id'));
    if (arrayId === null) continue;
    out.push({
      __typename: 'CommvaultStorageArray',
      id: toGlobalId('CommvaultStorageArray', upstream.id, arrayId),
      upstream,
      arrayId,
      name: str(field(a, 'name')) ?? String(arrayId),
      vendor: str(field(a, 'vendor')),
      controlHost: str(field(a, 'controlHost')),
      userName: str(field(a, 'userName')),
      description: str(field(a, 'description')),
      flags: int(field(a, 'flags')),
    });
  }
  return out;
}

/**
 * `GET /V4/StorageArrays/{id}` → `{general: {snapVendor, array, controlHost, credential, region, flags, arrayType,
 * uniqueIdentifier, description}, accessNodes: [{id, name, displayName, pruning}], snapConfigurations: [{masterConfigId,
 * name, type, value, values, isEnabled}]}`. `region` is an object `{id, name}` or a plain string depending on the release.
 */
export function toStorageArrayDetail(body: unknown): CvStorageArrayDetail {
  const general = field(body, 'general');
  const region = field(general, 'region');
  const accessNodes: CvArrayAccessNode[] = [];
  for (const n of list(field(body, 'accessNodes'))) {
    const mediaAgentId = int(field(n, 'id'));
    if (mediaAgentId === null) continue;
    accessNodes.push({
      mediaAgentId,
      name: str(field(n, 'name')) ?? str(field(n, 'displayName')) ?? String(mediaAgentId),
      displayName: str(field(n, 'displayName')),
      pruning: bool(field(n, 'pruning')),
    });
  }
  const snapConfigurations: CvSnapConfiguration[] = [];
  for (const c of list(field(body, 'snapConfigurations'))) {
    const configId = int(field(c, 'masterConfigId', 'id'));
    if (configId === null) continue;
    snapConfigurations.push({
      configId,
      name: str(field(c, 'name')) ?? String(configId),
      type: int(field(c, 'type')),
      value: str(field(c, 'value')),
      values: list(field(c, 'values'))
        .map((v) => str(v) ?? str(field(v, 'name')))
        .filter((v): v is string => v !== null),
      enabled: bool(field(c, 'isEnabled', 'enabled')),
    });
  }
  return {
    snapVendor: refOf(field(general, 'snapVendor'), 'id', 'name'),
    arrayType: int(field(general, 'arrayType')),
    region: str(region) ?? str(field(region, 'name')),
    uniqueIdentifier: str(field(general, 'uniqueIdentifier')),
    accessNodes,
    snapConfigurations,
  };
}

/** `GET /V4/ReplicationGroup` → `{replicationGroups: [{id, taskId, name, source, destination, type, replicationGroupType, state}]}`. */
export function toReplicationGroups(body: unknown, upstream: UpstreamRef): CvReplicationGroup[] {
  const out: CvReplicationGroup[] = [];
  for (const g of list(field(body, 'replicationGroups'))) {
    const taskId = positive(int(field(g, 'taskId')));
    const groupId = positive(int(field(g, 'id'))) ?? taskId;
    if (groupId === null) continue;
    const kind = str(field(g, 'replicationGroupType'))?.toUpperCase() ?? null;
    out.push({
      __typename: 'CommvaultReplicationGroup',
      id: toGlobalId('CommvaultReplicationGroup', upstream.id, groupId),
      upstream,
      groupId,
      taskId,
      name: str(field(g, 'name')) ?? String(groupId),
      source: refOf(field(g, 'source'), 'id', 'name'),
      destination: refOf(field(g, 'destination'), 'id', 'name'),
      type: str(field(g, 'type')),
      // The OAS spells it CONTINOUS.
      replicationType: kind === 'CONTINOUS' ? 'CONTINUOUS' : kind,
      state: str(field(g, 'state'))?.toUpperCase() ?? null,
    });
  }
  return out;
}

/** Periodic (Live Sync) `status` codes of the streaming monitor (cvpysdk constants). */
const SYNC_STATUS = [
  'NEVER_HAS_BEEN_SYNCED', 'IN_SYNC', 'NEEDS_SYNC', 'SYNC_IN_PROGRESS', 'SYNC_PAUSED', 'SYNC_FAILED',
  'SYNC_DISABLED', 'SYNC_ENABLED', 'VALIDATION_FAILED', 'SYNC_QUEUED', 'REVERT_FAILED', 'SYNC_STARTING',
] as const;

/** `FailoverStatus` codes of the streaming monitor. */
const FAILOVER_STATUS = [
  'NONE', 'FAILOVER_COMPLETE', 'FAILOVER_RUNNING', 'FAILOVER_PAUSED', 'FAILOVER_FAILED', 'FAILBACK_COMPLETE',
  'FAILBACK_RUNNING', 'FAILBACK_PAUSED', 'FAILBACK_FAILED', 'FAILBACK_PARTIAL', 'FAILOVER_PARTIAL',
] as const;

/** Continuous (BLR) `status` codes of the continuous monitor. */
const BLR_STATUS = [
  'NOT_SYNCED', 'BACKING_UP', 'RESTORING', 'RESYNCING', 'REPLICATING', 'SUSPENDED', 'STOPPED', 'VERIFYING', 'PROBLEM',
  'FAILED', 'STARTING', 'STOPPING', 'SUSPENDING', 'RESUMING', 'FAILING_OVER', 'FAILOVER_FAILED', 'FAILOVER_DONE',
  'FAILING_BACK', 'FAILBACK_FAILED', 'SWITCHING_ROLES', 'SWITCH_ROLES_FAILED',
] as const;

/** `VMReplInfoProperties` ids: the last replication job and the last successful one (values are strings). */
const LAST_REPLICATION_JOB = 2215;
const LAST_SUCCESSFUL_REPLICATION_JOB = 2208;

function codeName(names: readonly string[], code: number | null): string | null {
  return code === null ? null : (names[code] ?? null);
}

function replicationProperty(pair: unknown, propertyId: number): number | null {
  const entry = list(field(pair, 'VMReplInfoProperties')).find((p) => int(field(p, 'propertyId')) === propertyId);
  return positive(int(field(entry, 'propertyValue')));
}

/**
 * `GET /Replications/Monitors/streaming?subclientId=0` → `{siteInfo: [{replicationId, status, FailoverStatus,
 * sourceName, sourceGuid, destinationName, destinationGuid, destinationInstance, lastSyncedBkpJob,
 * VMReplInfoProperties, replicationGroup, VMSyncedTillTime, lastBackupTime, lastRestoreTime, ...}]}`.
 */
export function toStreamingPairs(body: unknown, upstream: UpstreamRef): CvReplicationPair[] {
  return pairsOf(body, upstream, 'PERIODIC', (p) => {
    const statusCode = int(field(p, 'status'));
    return {
      pairId: int(field(p, 'replicationId')),
      sourceClientId: null,
      destinationClient: refOf(field(p, 'destinationInstance'), 'clientId', 'clientName'),
      statusCode,
      status: codeName(SYNC_STATUS, statusCode),
      failoverStatus: codeName(FAILOVER_STATUS, int(field(p, 'FailoverStatus'))),
      lastSyncedBackupJobId: positive(int(field(p, 'lastSyncedBkpJob'))),
      syncedTill: unixSeconds(field(p, 'VMSyncedTillTime')),
      lastReplicationAt: unixSeconds(field(p, 'lastRestoreTime')),
      lastReplicationJobId: replicationProperty(p, LAST_REPLICATION_JOB),
      lastSuccessfulReplicationJobId: replicationProperty(p, LAST_SUCCESSFUL_REPLICATION_JOB),
      lagSeconds: null,
    };
  });
}

/**
 * `GET /Replications/Monitors/continuous` → `{summary, siteInfo: [{id, sourceName, destinationName, srcClientId,
 * destClientId, sourceGuid, destinationGuid, lagTime, status, replicationGroup, ...}]}`.
 */
export function toContinuousPairs(body: unknown, upstream: UpstreamRef): CvReplicationPair[] {
  return pairsOf(body, upstream, 'CONTINUOUS', (p) => {
    const statusCode = int(field(p, 'status'));
    const destClientId = positive(int(field(p, 'destClientId')));
    return {
      pairId: int(field(p, 'id')),
      sourceClientId: positive(int(field(p, 'srcClientId'))),
      destinationClient: destClientId === null ? null : { id: destClientId, name: String(destClientId) },
      statusCode,
      status: codeName(BLR_STATUS, statusCode),
      failoverStatus: null,
      lastSyncedBackupJobId: null,
      syncedTill: null,
      lastReplicationAt: null,
      lastReplicationJobId: null,
      lastSuccessfulReplicationJobId: null,
      lagSeconds: int(field(p, 'lagTime')),
    };
  });
}

type KindFields = Omit<CvReplicationPair, '__typename' | 'id' | 'upstream' | 'kind' | 'name' | 'sourceGuid' | 'destinationName' | 'destinationGuid' | 'groupName' | 'pairId'> & {
  pairId: number | null;
};

function pairsOf(body: unknown, upstream: UpstreamRef, kind: CvReplicationKind, read: (p: unknown) => KindFields): CvReplicationPair[] {
  const out: CvReplicationPair[] = [];
  for (const p of list(field(body, 'siteInfo'))) {
    const { pairId, ...rest } = read(p);
    if (pairId === null) continue;
    out.push({
      __typename: 'CommvaultReplicationPair',
      // Periodic and continuous pair ids are separate sequences: the kind is part of the global id.
      id: toGlobalId('CommvaultReplicationPair', upstream.id, `${kind === 'PERIODIC' ? 'p' : 'c'}${pairId}`),
      upstream,
      pairId,
      kind,
      name: str(field(p, 'sourceName')) ?? String(pairId),
      sourceGuid: str(field(p, 'sourceGuid')),
      destinationName: str(field(p, 'destinationName')),
      destinationGuid: str(field(p, 'destinationGuid')),
      groupName: str(field(field(p, 'replicationGroup'), 'replicationGroupName')),
      ...rest,
    });
  }
  return out;
}
