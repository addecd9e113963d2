import type { Scope } from '../context.js';
import { ok, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';
import type { SimReplicationGroup, SimReplicationPair, SimStorageArray } from '../data/types.js';

/**
 * IntelliSnap arrays and replication, in the shapes of docs/upstreams/commvault-arrays-replication.md:
 * `GET /V4/StorageArrays[/{id}]`, `GET /V4/ReplicationGroup` and the V1 replication monitors. None of the
 * seed's invented paths (`/V4/StorageArray`, `/V4/ReplicationPairs`) is served.
 */
export const arraysReplicationRoutes: RouteDef[] = [
  { method: 'GET', template: '/V4/StorageArrays', handle: listArrays },
  { method: 'GET', template: '/V4/StorageArrays/{arrayId}', handle: arrayDetail },
  { method: 'GET', template: '/V4/ReplicationGroup', handle: listReplicationGroups },
  { method: 'GET', template: '/Replications/Monitors/streaming', handle: streamingMonitor },
  { method: 'GET', template: '/Replications/Monitors/continuous', handle: continuousMonitor },
];

const NOT_FOUND: ApiResult = { status: 404, body: { errorMessage: 'Requested Details not found', errorCode: 404 }, xmlRoot: 'CvEntities_GenericResp' };

/** `GET /V4/StorageArrays` → `{arrays: [{id, name, userName, vendor, flags, description, controlHost, assocFlag, VSVendor}]}`. */
function listArrays(_req: ApiRequest, ctx: SimContext): ApiResult {
  const arrays = ctx.data.storageArrays.map((a) => ({
    id: a.arrayId,
    name: a.name,
    userName: a.userName,
    vendor: a.vendorName,
    flags: a.flags,
    description: a.description,
    controlHost: a.controlHost,
    assocFlag: false,
    VSVendor: 'NONE',
  }));
  return ok({ arrays }, 'Api_StorageArraysResp');
}

/** `GET /V4/StorageArrays/{arrayId}` → `{general, accessNodes, snapConfigurations, security, labels}`; 404 for an unknown id. */
function arrayDetail(req: ApiRequest, ctx: SimContext): ApiResult {
  const array = ctx.data.storageArrays.find((a) => a.arrayId === Number(req.params.arrayId));
  return array ? ok(arrayDetailBody(ctx, array), 'Api_StorageArrayResp') : NOT_FOUND;
}

function arrayDetailBody(ctx: SimContext, a: SimStorageArray): Record<string, unknown> {
  return {
    general: {
      snapVendor: { id: a.vendorId, name: a.vendorName },
      array: { id: a.arrayId, name: a.name },
      controlHost: a.controlHost,
      credential: { userName: a.userName },
      region: a.region === '' ? {} : { name: a.region },
      flags: a.flags,
      arrayType: a.arrayType,
      uniqueIdentifier: a.uniqueIdentifier,
      description: a.description,
    },
    accessNodes: a.accessNodeIds.map((id) => {
      const ma = ctx.data.mediaAgents.find((m) => m.mediaAgentId === id)!;
      return { id, name: ma.mediaAgentName, displayName: ma.mediaAgentName, pruning: a.pruningNodeIds.includes(id) };
    }),
    snapConfigurations: a.snapConfigs.map((c) => ({
      masterConfigId: c.masterConfigId,
      name: c.name,
      type: c.type,
      value: c.value,
      values: [],
      isEnabled: c.enabled,
    })),
    security: [],
    labels: [],
  };
}

function clientRef(ctx: SimContext, clientId: number): { id: number; name: string } {
  return { id: clientId, name: ctx.index.clients.get(clientId)?.clientName ?? '' };
}

/** `GET /V4/ReplicationGroup` → `{replicationGroups: [{id, taskId, name, source, destination, type, replicationGroupType, state}]}`. */
function listReplicationGroups(_req: ApiRequest, ctx: SimContext): ApiResult {
  const replicationGroups = ctx.data.replicationGroups.map((g) => ({
    id: g.groupId,
    taskId: g.taskId,
    name: g.name,
    source: clientRef(ctx, g.sourceHypervisorId),
    destination: clientRef(ctx, g.destinationHypervisorId),
    type: 'VIRTUAL_MACHINE',
    replicationGroupType: g.kind,
    state: g.state,
  }));
  return ok({ replicationGroups }, 'Api_ReplicationGroupsResp');
}

/** The pairs of one kind whose source VM the caller's company may see, narrowed by the monitors' filters. */
function pairsOf(req: ApiRequest, ctx: SimContext, kind: SimReplicationGroup['kind']): Array<{ pair: SimReplicationPair; group: SimReplicationGroup }> {
  const pairId = req.query.int('replicationPairId');
  const taskId = req.query.int('taskId');
  const out: Array<{ pair: SimReplicationPair; group: SimReplicationGroup }> = [];
  for (const pair of ctx.data.replicationPairs) {
    const group = ctx.data.replicationGroups.find((g) => g.groupId === pair.groupId)!;
    const vmClient = ctx.index.clients.get(pair.sourceVmClientId);
    if (group.kind !== kind || !vmClient || !(req.scope as Scope).company(vmClient.companyId)) continue;
    if (pairId !== undefined && pairId !== null && pair.pairId !== pairId) continue;
    if (taskId !== undefined && taskId !== null && group.taskId !== taskId) continue;
    out.push({ pair, group });
  }
  return out;
}

/**
 * `GET /Replications/Monitors/streaming?subclientId=0[&replicationPairId=&taskId=]` → `{siteInfo: [...]}`:
 * periodic (Live Sync) pairs; `FailoverStatus` with a capital F, `propertyValue` strings.
 */
function streamingMonitor(req: ApiRequest, ctx: SimContext): ApiResult {
  const siteInfo = pairsOf(req, ctx, 'PERIODIC').map(({ pair, group }) => {
    const vm = ctx.data.virtualMachines.find((v) => v.clientId === pair.sourceVmClientId)!;
    const dest = ctx.data.hypervisors.find((h) => h.clientId === group.destinationHypervisorId)!;
    const job = pair.lastSyncedBackupJobId ? ctx.index.jobs.get(pair.lastSyncedBackupJobId) : undefined;
    return {
      replicationId: pair.pairId,
      replicationGuid: `${vm.guid.slice(0, 24)}${String(pair.pairId).padStart(12, '0')}`,
      status: pair.status,
      FailoverStatus: pair.failoverStatus,
      sourceName: vm.name,
      sourceGuid: vm.guid,
      destinationName: pair.destinationName,
      destinationGuid: pair.destinationGuid,
      destinationInstance: {
        clientId: dest.clientId,
        clientName: ctx.index.clients.get(dest.clientId)?.clientName ?? '',
        instanceId: dest.instanceId,
        instanceName: dest.instanceName,
      },
      destProxy: { clientId: dest.clientId, clientName: ctx.index.clients.get(dest.clientId)?.clientName ?? '' },
      lastSyncedBkpJob: pair.lastSyncedBackupJobId,
      isWarmSyncPair: false,
      // Replication jobs are not in the seeded job list: no job ids are named.
      VMReplInfoProperties: [],
      replicationGroup: { replicationGroupName: group.name },
      subTask: { taskId: group.taskId },
      VMSyncedTillTime: pair.syncedTill,
      lastBackupTime: job?.startTime ?? 0,
      lastRestoreTime: pair.lastRestoreTime,
      SLAStatus: 0,
      ValidationFailCount: 0,
    };
  });
  return ok({ siteInfo }, 'Replication_MonitorResp');
}

/** `GET /Replications/Monitors/continuous[?replicationPairId=]` → `{summary, siteInfo: [...]}`: BLR pairs with `lagTime`. */
function continuousMonitor(req: ApiRequest, ctx: SimContext): ApiResult {
  const siteInfo = pairsOf(req, ctx, 'CONTINOUS').map(({ pair, group }) => {
    const vm = ctx.data.virtualMachines.find((v) => v.clientId === pair.sourceVmClientId)!;
    return {
      id: pair.pairId,
      sourceName: vm.name,
      destinationName: pair.destinationName,
      srcClientId: vm.clientId,
      headClientId: vm.hypervisorId,
      destClientId: group.destinationHypervisorId,
      tailClientId: group.destinationHypervisorId,
      sourceGuid: vm.guid,
      destinationGuid: pair.destinationGuid,
      srcEndPointType: 1,
      destEndPointType: 1,
      lagTime: pair.lagSeconds,
      pendingStatusCode: pair.status === 4 ? 0 : 1,
      status: pair.status,
      replicationGroup: { replicationGroupName: group.name },
      blrRecoveryOpts: { recoveryType: 4 },
      statsList: [],
    };
  });
  const summary = { totalPairs: siteInfo.length };
  return ok({ summary, siteInfo }, 'Replication_BlrMonitorResp');
}
