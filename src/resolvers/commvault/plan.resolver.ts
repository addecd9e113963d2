import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvPlan, CvPlanDetail } from '../../datasources/commvault/model.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { fanOutList } from '../../paging/fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';
import { commvaultLoaders } from './sources.js';

@Resolver(() => CommvaultPlan)
export class CommvaultPlanResolver {
  @Query(() => [CommvaultPlan], { description: 'Plans of the CommServes you may see (`GET /V2/Plan`).' })
  async commvaultPlans(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvPlan[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      (source) => source.listPlans(),
      recordPartial(ctx, info),
    );
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Commvault plan type code.' })
  async type(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detail(p, ctx))?.type ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Commvault plan subtype code.' })
  async subtype(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detail(p, ctx))?.subtype ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Recovery point objective, minutes.' })
  async rpoMinutes(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detail(p, ctx))?.rpoMinutes ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Entities (subclients, VMs…) associated with the plan.' })
  async associatedEntities(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detail(p, ctx))?.associatedEntities ?? null;
  }

  @FieldResolver(() => Int, { nullable: true })
  async copiesCount(@Root() p: CvPlan, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detail(p, ctx))?.copiesCount ?? null;
  }
}

/** Plans met inside a job carry id and name; the rest comes from the cached plan list. */
async function detail(p: CvPlan, ctx: GatewayContext): Promise<CvPlanDetail | null> {
  return p.detail ?? (await commvaultLoaders(ctx).planById.load({ instanceId: p.upstream.id, id: p.planId }))?.detail ?? null;
}
