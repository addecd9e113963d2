import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { presentStoragePool, upstreamOf } from '../commvault/present.js';
import { fanOutList } from '../fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from '../sources.js';

@Resolver()
export class StorageResolver {
  @Query(() => [StorageTarget], {
    description: 'Every storage target (Commvault storage pools, disk and cloud) of the upstreams you may see.',
  })
  async storagePools(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StorageTarget[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) => (await source.listStoragePools()).map((p) => presentStoragePool(upstreamOf(source), p)),
      recordPartial(ctx, info),
    );
  }
}
