import type DataLoader from 'dataloader';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import { commvaultLoaders } from './sources.js';
import { virtualizationLoaders } from './virtualization-sources.js';
import type { CommvaultLoaders, IdKey } from '../../datasources/commvault/loaders.js';
import type { GatewayContext } from '../../context.js';
import type { NodeRecord } from '../../datasources/record.js';

type Fetcher = (ctx: GatewayContext, source: CommvaultSource, id: number) => Promise<NodeRecord | null>;

type IdLoader<T> = DataLoader<IdKey, T | null, string>;

/** Fetches through one of the request's loaders, so a page of node() calls batches like any other. */
function viaLoader<T extends NodeRecord>(pick: (loaders: CommvaultLoaders) => IdLoader<T>): Fetcher {
  return (ctx, source, id) => pick(commvaultLoaders(ctx)).load({ instanceId: source.instanceId, id });
}

/**
 * How `Query.node` fetches each Commvault type back from its local id: through the request's loaders
 * where one exists, else the source's detail call.
 */
export const COMMVAULT_NODE_FETCHERS: Readonly<Record<string, Fetcher>> = {
  CommvaultJob: (_ctx, s, id) => s.getJob(id),
  CommvaultClient: viaLoader((l) => l.clientById),
  CommvaultSubclient: viaLoader((l) => l.subclientById),
  CommvaultPlan: viaLoader((l) => l.planById),
  CommvaultStoragePolicy: viaLoader((l) => l.storagePolicyById),
  CommvaultMediaAgent: viaLoader((l) => l.mediaAgentById),
  CommvaultStoragePool: viaLoader((l) => l.storagePoolById),
  CommvaultLibrary: viaLoader((l) => l.libraryById),
  CommvaultDdbStore: viaLoader((l) => l.ddbStoreById),
  CommvaultEvent: (_ctx, s, id) => s.getEvent(id),
  CommvaultHypervisor: (ctx, s, id) => virtualizationLoaders(ctx).hypervisorById.load({ instanceId: s.instanceId, id }),
  CommvaultVirtualMachine: (ctx, s, id) => virtualizationLoaders(ctx).virtualMachineById.load({ instanceId: s.instanceId, id }),
  // No by-id form of these: the (cached) lists.
  CommvaultStorageArray: async (_ctx, s, id) => (await s.listStorageArrays()).find((a) => a.arrayId === id) ?? null,
  CommvaultReplicationGroup: async (_ctx, s, id) => (await s.listReplicationGroups()).find((g) => g.groupId === id) ?? null,
  CommvaultTriggeredAlert: async (_ctx, s, id) => (await s.listTriggeredAlerts()).find((a) => a.alertId === id) ?? null,
  CommvaultAlertRule: async (_ctx, s, id) => (await s.listAlertRules()).find((r) => r.alertId === id) ?? null,
};

/**
 * Types whose local id is not a number. A replication pair's is its kind's letter and the monitor's
 * pair id (`p12`, `c3`): the two monitors number their pairs apart (docs/upstreams/commvault-arrays-replication.md).
 */
export const COMMVAULT_TEXT_ID_FETCHERS: Readonly<Record<string, (ctx: GatewayContext, source: CommvaultSource, localId: string) => Promise<NodeRecord | null>>> = {
  CommvaultReplicationPair: async (_ctx, s, localId) => {
    const m = /^([pc])(\d{1,15})$/.exec(localId);
    if (!m) return null;
    const kind = m[1] === 'p' ? 'PERIODIC' : 'CONTINUOUS';
    const pairId = Number(m[2]);
    return (await s.listReplicationPairs()).find((p) => p.kind === kind && p.pairId === pairId) ?? null;
  },
};
