import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { CommvaultStoragePool } from '../../schema/commvault/storage-pool.type.js';
import { CommvaultStoragePoolsArgs } from '../../schema/commvault/storage-pools.args.js';
import { fanOutList } from '../fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from '../sources.js';
import { presentDdbStore, presentStoragePool, upstreamOf } from './present.js';

@Resolver(() => CommvaultStoragePool)
export class CommvaultStoragePoolResolver {
  @Query(() => [CommvaultStoragePool], {
    description: 'Storage pools of the CommServes you may see; `medium: CLOUD` lists cloud storage only.',
  })
  async commvaultStoragePools(
    @Args(() => CommvaultStoragePoolsArgs) args: CommvaultStoragePoolsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommvaultStoragePool[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) =>
        (await source.listStoragePools())
          .filter((p) => !args.medium || p.medium === args.medium)
          .map((p) => presentStoragePool(upstreamOf(source), p)),
      recordPartial(ctx, info),
    );
  }

  @FieldResolver(() => [CommvaultDdbStore], { description: 'The pool\'s deduplication stores (`GET /StoragePool/{id}`).' })
  async ddbStores(@Root() pool: CommvaultStoragePool, @Ctx() ctx: GatewayContext): Promise<CommvaultDdbStore[]> {
    const detail = await ctx.loaders.storagePoolDetailById.load({ instanceId: pool.upstream.id, id: pool.storagePoolId });
    const stores = await ctx.loaders.ddbStoreById.loadMany(
      (detail?.ddbStoreIds ?? []).map((id) => ({ instanceId: pool.upstream.id, id })),
    );
    return stores.flatMap((s) => {
      if (s instanceof Error) throw s;
      return s ? [presentDdbStore(pool.upstream, s)] : [];
    });
  }
}
