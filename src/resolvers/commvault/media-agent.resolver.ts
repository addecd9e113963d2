import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvMediaAgent } from '../../datasources/commvault/model.js';
import { CommvaultMediaAgent } from '../../schema/commvault/media-agent.type.js';
import { CommvaultMediaAgentsArgs } from '../../schema/commvault/media-agents.args.js';
import { fanOutList } from '../../paging/fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';

@Resolver(() => CommvaultMediaAgent)
export class CommvaultMediaAgentResolver {
  @Query(() => [CommvaultMediaAgent], { description: 'MediaAgents of the CommServes you may see, optionally only online or offline ones.' })
  async commvaultMediaAgents(
    @Args(() => CommvaultMediaAgentsArgs) args: CommvaultMediaAgentsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvMediaAgent[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) =>
        (await source.listMediaAgents())
          .filter((m) => args.online === null || args.online === undefined || m.online === args.online),
      recordPartial(ctx, info),
    );
  }
}
