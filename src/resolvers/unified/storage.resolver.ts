import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { fanOutList } from '../../paging/fan-out.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { recordPartial } from '../partial-errors.js';
import { sourcesByProduct } from './product-sources.js';

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
    const onFailure = recordPartial(ctx, info);
    const parts = await Promise.all(
      sourcesByProduct(ctx, args.upstream ? [args.upstream] : undefined, (p) => p.storageTargets !== undefined).map(({ product, sources }) =>
        fanOutList(sources, (source) => product.storageTargets!(ctx, source), onFailure),
      ),
    );
    return parts.flat();
  }
}
