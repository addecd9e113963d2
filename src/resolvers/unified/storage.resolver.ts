import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { fanOutProducts } from './product-sources.js';

@Resolver()
export class StorageResolver {
  @Query(() => [StorageTarget], {
    description:
      'Every storage target of the upstreams you may see: Commvault storage pools (disk and cloud) and console disk pools.',
  })
  async storagePools(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StorageTarget[]> {
    return fanOutProducts(ctx, info, args.upstream, (p) => p.storageTargets && ((source) => p.storageTargets!(ctx, source)));
  }
}
