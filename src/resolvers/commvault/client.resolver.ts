import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvAgent, CvBackupset, CvClient, CvJob, CvSubclient } from '../../datasources/commvault/model.js';
import { CommvaultAgent } from '../../schema/commvault/agent.type.js';
import { CommvaultBackupset } from '../../schema/commvault/backupset.type.js';
import { CommvaultClientConnection } from '../../schema/commvault/client-connection.type.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultClientsArgs } from '../../schema/commvault/clients.args.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { JobConnection } from '../../schema/unified/job-connection.type.js';
import { ScopedJobsArgs } from '../../schema/unified/scoped-jobs.args.js';
import { fanOutPage, sliceOf } from '../../paging/fan-out.js';
import { cursorScope } from '../../paging/pagination.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';
import { scopedJobs } from './scoped-jobs.js';
import { commvaultLoaders, commvaultSource } from './sources.js';

@Resolver(() => CommvaultClient)
export class CommvaultClientResolver {
  @Query(() => CommvaultClientConnection, {
    description: 'Clients of the CommServes you may see, by name. `search` matches name, display name or host name.',
  })
  async commvaultClients(
    @Args(() => CommvaultClientsArgs) args: CommvaultClientsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvClient>> {
    const needle = args.search?.trim().toLowerCase() || undefined;
    const sources = commvaultSources(ctx, args.upstream);
    // `GET /Client` is one cached list per instance; searching and paging it here costs no more calls.
    const page = await fanOutPage({
      sources,
      first: args.first,
      after: args.after,
      maxPageSize: ctx.maxPageSize,
      scope: cursorScope(['clients', sources.map((s) => s.instanceId), needle ?? null]),
      fetch: async (source, offset, first) => {
        const all = (await source.listClients())
          .filter((c) => !needle || [c.name, c.displayName, c.hostName].some((v) => v?.toLowerCase().includes(needle)))
          .sort((a, b) => byName(a.name, b.name) || a.clientId - b.clientId);
        return sliceOf(all, offset, first);
      },
      before: (a, b) => byName(a.name, b.name) < 0,
      onFailure: recordPartial(ctx, info),
    });
    return {
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.item })),
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
    };
  }

  @Query(() => CommvaultClient, { nullable: true, description: 'One client of one CommServe; null if unknown.' })
  async commvaultClient(
    @Arg('upstream', () => ID) upstream: string,
    @Arg('clientId', () => Int) clientId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<CvClient | null> {
    const source = commvaultSource(ctx, upstream);
    const client = await commvaultLoaders(ctx).clientById.load({ instanceId: source.instanceId, id: clientId });
    return client;
  }

  @FieldResolver(() => [CommvaultAgent], { nullable: true })
  agents(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<CvAgent[]> {
    return commvaultLoaders(ctx).agentsByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
  }

  @FieldResolver(() => [CommvaultBackupset], { nullable: true })
  backupsets(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<CvBackupset[]> {
    return commvaultLoaders(ctx).backupsetsByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
  }

  @FieldResolver(() => [CommvaultSubclient], { nullable: true })
  subclients(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<CvSubclient[]> {
    return commvaultLoaders(ctx).subclientsByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'Start of the newest successful backup (COMPLETED or COMPLETED_WITH_ERRORS) of any of its subclients, among its ' +
      'latest 200 backup jobs. Batched: the clients of one request share a walk of `POST /Jobs` over their finished backups ' +
      '(1000 jobs per call), not one call per client.',
  })
  lastSuccessfulBackupAt(@Root() client: CvClient, @Ctx() ctx: GatewayContext): Promise<Date | null> {
    return commvaultLoaders(ctx).lastSuccessfulBackupByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
  }

  @FieldResolver(() => JobConnection, { nullable: true, description: 'This client\'s jobs, newest start first.' })
  async jobs(
    @Root() client: CvClient,
    @Args(() => ScopedJobsArgs) args: ScopedJobsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvJob>> {
    return scopedJobs(ctx, info, client.upstream, { clientId: client.clientId }, args);
  }
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}
