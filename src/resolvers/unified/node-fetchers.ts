import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
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
} from '../commvault/present.js';

type Fetcher = (ctx: GatewayContext, source: CommvaultSource, id: number) => Promise<Node | null>;

const key = (source: CommvaultSource, id: number) => ({ instanceId: source.instanceId, id });

/**
 * How `Query.node` fetches each Commvault type back from its local id: through the request's loaders
 * where one exists (a page of node() calls batches like any other), else the source's detail call.
 */
export const COMMVAULT_NODE_FETCHERS: Readonly<Record<string, Fetcher>> = {
  CommvaultJob: async (_ctx, s, id) => {
    const job = await s.getJob(id);
    return job && presentJob(upstreamOf(s), job);
  },
  CommvaultClient: async (ctx, s, id) => {
    const client = await ctx.loaders.clientById.load(key(s, id));
    return client && presentClient(upstreamOf(s), client);
  },
  CommvaultSubclient: async (ctx, s, id) => {
    const subclient = await ctx.loaders.subclientById.load(key(s, id));
    return subclient && presentSubclient(upstreamOf(s), subclient);
  },
  CommvaultPlan: async (ctx, s, id) => {
    const plan = await ctx.loaders.planById.load(key(s, id));
    return plan && presentPlan(upstreamOf(s), plan);
  },
  CommvaultStoragePolicy: async (ctx, s, id) => {
    const policy = await ctx.loaders.storagePolicyById.load(key(s, id));
    return policy && presentStoragePolicy(upstreamOf(s), policy);
  },
  CommvaultMediaAgent: async (ctx, s, id) => {
    const ma = await ctx.loaders.mediaAgentById.load(key(s, id));
    return ma && presentMediaAgent(upstreamOf(s), ma);
  },
  CommvaultStoragePool: async (ctx, s, id) => {
    const pool = await ctx.loaders.storagePoolById.load(key(s, id));
    return pool && presentStoragePool(upstreamOf(s), pool);
  },
  CommvaultLibrary: async (ctx, s, id) => {
    const library = await ctx.loaders.libraryById.load(key(s, id));
    return library && presentLibrary(upstreamOf(s), library);
  },
  CommvaultDdbStore: async (ctx, s, id) => {
    const store = await ctx.loaders.ddbStoreById.load(key(s, id));
    return store && presentDdbStore(upstreamOf(s), store);
  },
  CommvaultEvent: async (_ctx, s, id) => {
    const event = await s.getEvent(id);
    return event && presentEvent(upstreamOf(s), event);
  },
};
