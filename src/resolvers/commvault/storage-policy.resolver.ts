import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvStoragePolicy, CvStoragePolicyCopy } from '../../datasources/commvault/model.js';
import { CommvaultStoragePolicy, CommvaultStoragePolicyCopy } from '../../schema/commvault/storage-policy.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { fanOutList } from '../../paging/fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';
import { commvaultLoaders } from './sources.js';

@Resolver(() => CommvaultStoragePolicy)
export class CommvaultStoragePolicyResolver {
  @Query(() => [CommvaultStoragePolicy], { description: 'Storage policies of the CommServes you may see.' })
  async commvaultStoragePolicies(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvStoragePolicy[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      (source) => source.listStoragePolicies(),
      recordPartial(ctx, info),
    );
  }

  @FieldResolver(() => [CommvaultStoragePolicyCopy], { nullable: true, description: 'The policy\'s copies (`GET /StoragePolicy/{id}`).' })
  async copies(@Root() p: CvStoragePolicy, @Ctx() ctx: GatewayContext): Promise<CvStoragePolicyCopy[]> {
    const detail = await commvaultLoaders(ctx).storagePolicyDetailById.load({ instanceId: p.upstream.id, id: p.storagePolicyId, name: p.name });
    return detail.copies ?? [];
  }
}
