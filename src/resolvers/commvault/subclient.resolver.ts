import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvSubclient } from '../../datasources/commvault/model.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultStoragePolicy } from '../../schema/commvault/storage-policy.type.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import { JobConnection } from '../../schema/unified/job-connection.type.js';
import { ScopedJobsArgs } from '../../schema/unified/scoped-jobs.args.js';
import { presentClient, presentClientStub, presentPlan, presentStoragePolicy, presentSubclient, upstreamOf } from './present.js';
import { scopedJobs } from './scoped-jobs.js';
import { commvaultLoaders, commvaultSource } from './sources.js';

/**
 * Subclients met inside a job carry only their basic fields; the fields below that need the
 * subclient's properties load them through `subclientById` (one `GET /Subclient?clientId=` per client).
 */
@Resolver(() => CommvaultSubclient)
export class CommvaultSubclientResolver {
  @Query(() => CommvaultSubclient, { nullable: true, description: 'One subclient of one CommServe; null if unknown.' })
  async commvaultSubclient(
    @Arg('upstream', () => ID) upstream: string,
    @Arg('subclientId', () => Int) subclientId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultSubclient | null> {
    const source = commvaultSource(ctx, upstream);
    const subclient = await commvaultLoaders(ctx).subclientById.load({ instanceId: source.instanceId, id: subclientId });
    return subclient && presentSubclient(upstreamOf(source), subclient);
  }

  @FieldResolver(() => CommvaultClient, { nullable: true })
  async client(@Root() s: CommvaultSubclient, @Ctx() ctx: GatewayContext): Promise<CommvaultClient | null> {
    if (s.clientId === null) return null;
    const client = await commvaultLoaders(ctx).clientById.load({ instanceId: s.upstream.id, id: s.clientId });
    return client ? presentClient(s.upstream, client) : presentClientStub(s.upstream, s.clientId, s.clientName);
  }

  @FieldResolver(() => String, { nullable: true })
  async description(@Root() s: CommvaultSubclient, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detail(s, ctx))?.description ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether backups of this subclient are enabled.' })
  async backupEnabled(@Root() s: CommvaultSubclient, @Ctx() ctx: GatewayContext): Promise<boolean | null> {
    return (await detail(s, ctx))?.backupEnabled ?? null;
  }

  @FieldResolver(() => [String], { description: 'Content paths (file system subclients).' })
  async contentPaths(@Root() s: CommvaultSubclient, @Ctx() ctx: GatewayContext): Promise<string[]> {
    return (await detail(s, ctx))?.contentPaths ?? [];
  }

  @FieldResolver(() => CommvaultPlan, { nullable: true })
  async plan(@Root() s: CommvaultSubclient, @Ctx() ctx: GatewayContext): Promise<CommvaultPlan | null> {
    const plan = (await detail(s, ctx))?.plan;
    return plan ? presentPlan(s.upstream, plan) : null;
  }

  @FieldResolver(() => CommvaultStoragePolicy, { nullable: true })
  async storagePolicy(@Root() s: CommvaultSubclient, @Ctx() ctx: GatewayContext): Promise<CommvaultStoragePolicy | null> {
    const policy = (await detail(s, ctx))?.storagePolicy;
    return policy ? presentStoragePolicy(s.upstream, policy) : null;
  }

  @FieldResolver(() => JobConnection, { description: 'This subclient\'s jobs, newest start first (filtered from its client\'s jobs).' })
  async jobs(
    @Root() s: CommvaultSubclient,
    @Args(() => ScopedJobsArgs) args: ScopedJobsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<JobConnection> {
    return scopedJobs(ctx, info, s.upstream, { clientId: s.clientId ?? undefined, subclientId: s.subclientId }, args);
  }
}

async function detail(s: CommvaultSubclient, ctx: GatewayContext): Promise<CvSubclient | null> {
  return s.detail ?? commvaultLoaders(ctx).subclientById.load({ instanceId: s.upstream.id, id: s.subclientId, clientId: s.clientId });
}
