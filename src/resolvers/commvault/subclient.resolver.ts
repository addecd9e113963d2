import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { clientStub } from '../../datasources/commvault/mappers/client.js';
import type { CvClient, CvJob, CvPlan, CvStoragePolicy, CvSubclient, CvSubclientDetail } from '../../datasources/commvault/model.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultStoragePolicy } from '../../schema/commvault/storage-policy.type.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import { JobConnection } from '../../schema/unified/job-connection.type.js';
import { ScopedJobsArgs } from '../../schema/unified/scoped-jobs.args.js';
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
  ): Promise<CvSubclient | null> {
    const source = commvaultSource(ctx, upstream);
    return commvaultLoaders(ctx).subclientById.load({ instanceId: source.instanceId, id: subclientId });
  }

  @FieldResolver(() => CommvaultClient, { nullable: true })
  async client(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<CvClient | null> {
    if (s.clientId === null) return null;
    const client = await commvaultLoaders(ctx).clientById.load({ instanceId: s.upstream.id, id: s.clientId });
    return client ?? clientStub(s.upstream, s.clientId, s.clientName);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Its client\'s host name (ProtectedWorkload), from the cached client list.' })
  async hostName(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<string | null> {
    if (s.clientId === null) return null;
    return (await commvaultLoaders(ctx).clientById.load({ instanceId: s.upstream.id, id: s.clientId }))?.hostName ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'Start of the newest successful backup (COMPLETED or COMPLETED_WITH_ERRORS) of this subclient, among its latest 200 ' +
      'backup jobs. Batched: the subclients of one request share a walk of `POST /Jobs` over their clients\' finished backups.',
  })
  lastSuccessfulBackupAt(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<Date | null> {
    return commvaultLoaders(ctx).lastSuccessfulBackupBySubclientId.load({ instanceId: s.upstream.id, id: s.subclientId, clientId: s.clientId });
  }

  @FieldResolver(() => String, { nullable: true })
  async description(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<string | null> {
    return (await detail(s, ctx))?.description ?? null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether backups of this subclient are enabled.' })
  async backupEnabled(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<boolean | null> {
    return (await detail(s, ctx))?.backupEnabled ?? null;
  }

  @FieldResolver(() => [String], { description: 'Content paths: what is backed up (file system subclients). From `GET /Subclient/{id}`.' })
  async contentPaths(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<string[]> {
    return (await properties(s, ctx))?.contentPaths ?? [];
  }

  @FieldResolver(() => [String], { description: 'Filters: paths and patterns excluded from the content (`excludePath`). From `GET /Subclient/{id}`.' })
  async filters(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<string[]> {
    return (await properties(s, ctx))?.filters ?? [];
  }

  @FieldResolver(() => [String], { description: 'Exceptions: paths backed up although a filter matches them (`includePath`). From `GET /Subclient/{id}`.' })
  async exceptions(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<string[]> {
    return (await properties(s, ctx))?.exceptions ?? [];
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Data readers (streams) a backup of this subclient uses (`numberOfBackupStreams`). From `GET /Subclient/{id}`.' })
  async streamCount(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await properties(s, ctx))?.streamCount ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When this subclient was last backed up, as the CommServe records it (`lastBackupTime`, whatever the outcome); null if never. From `GET /Subclient/{id}`.',
  })
  async lastBackupAt(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<Date | null> {
    return (await properties(s, ctx))?.lastBackupAt ?? null;
  }

  @FieldResolver(() => CommvaultPlan, { nullable: true })
  async plan(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<CvPlan | null> {
    return (await detail(s, ctx))?.plan ?? null;
  }

  @FieldResolver(() => CommvaultStoragePolicy, { nullable: true })
  async storagePolicy(@Root() s: CvSubclient, @Ctx() ctx: GatewayContext): Promise<CvStoragePolicy | null> {
    return (await detail(s, ctx))?.storagePolicy ?? null;
  }

  @FieldResolver(() => JobConnection, { nullable: true, description: 'This subclient\'s jobs, newest start first (filtered from its client\'s jobs).' })
  async jobs(
    @Root() s: CvSubclient,
    @Args(() => ScopedJobsArgs) args: ScopedJobsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvJob>> {
    return scopedJobs(ctx, info, s.upstream, { clientId: s.clientId ?? undefined, subclientId: s.subclientId }, args);
  }
}

/** The full properties, always from `GET /Subclient/{id}` (a listing may carry less), once per subclient and request. */
async function properties(s: CvSubclient, ctx: GatewayContext): Promise<CvSubclientDetail | null> {
  return (await commvaultLoaders(ctx).subclientPropertiesById.load({ instanceId: s.upstream.id, id: s.subclientId }))?.detail ?? null;
}

async function detail(s: CvSubclient, ctx: GatewayContext): Promise<CvSubclientDetail | null> {
  return s.detail ?? (await commvaultLoaders(ctx).subclientById.load({ instanceId: s.upstream.id, id: s.subclientId, clientId: s.clientId }))?.detail ?? null;
}
