import type DataLoader from 'dataloader';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CommvaultLoaders, IdKey } from '../../datasources/commvault/loaders.js';
import { commvaultLoaders } from './sources.js';
import type { Upstream } from '../../schema/unified/upstream.type.js';
import type { GatewayContext } from '../../context.js';
import type { Node } from '../../schema/unified/node.type.js';
import {
  presentClient,
  presentDdbStore,
  presentEvent,
  presentJob,
  presentLibrary,
  presentMediaAgent,
  presentPlan,
  presentStoragePolicy,
  presentStoragePool,
  presentSubclient,
  upstreamOf,
} from './present.js';

type Fetcher = (ctx: GatewayContext, source: CommvaultSource, id: number) => Promise<Node | null>;

type IdLoader<T> = DataLoader<IdKey, T | null, string>;

/** Fetches through one of the request's loaders, so a page of node() calls batches like any other. */
function viaLoader<T>(pick: (loaders: CommvaultLoaders) => IdLoader<T>, present: (up: Upstream, value: T) => Node): Fetcher {
  return async (ctx, source, id) => {
    const value = await pick(commvaultLoaders(ctx)).load({ instanceId: source.instanceId, id });
    return value && present(upstreamOf(source), value);
  };
}

/**
 * How `Query.node` fetches each Commvault type back from its local id: through the request's loaders
 * where one exists, else the source's detail call.
 */
export const COMMVAULT_NODE_FETCHERS: Readonly<Record<string, Fetcher>> = {
  CommvaultJob: async (_ctx, s, id) => {
    const job = await s.getJob(id);
    return job && presentJob(upstreamOf(s), job);
  },
  CommvaultClient: viaLoader((l) => l.clientById, presentClient),
  CommvaultSubclient: viaLoader((l) => l.subclientById, presentSubclient),
  CommvaultPlan: viaLoader((l) => l.planById, presentPlan),
  CommvaultStoragePolicy: viaLoader((l) => l.storagePolicyById, presentStoragePolicy),
  CommvaultMediaAgent: viaLoader((l) => l.mediaAgentById, presentMediaAgent),
  CommvaultStoragePool: viaLoader((l) => l.storagePoolById, presentStoragePool),
  CommvaultLibrary: viaLoader((l) => l.libraryById, presentLibrary),
  CommvaultDdbStore: viaLoader((l) => l.ddbStoreById, presentDdbStore),
  CommvaultEvent: async (_ctx, s, id) => {
    const event = await s.getEvent(id);
    return event && presentEvent(upstreamOf(s), event);
  },
};
