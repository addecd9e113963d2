import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { CommvaultAgent } from '../../schema/commvault/agent.type.js';
import { CommvaultBackupset } from '../../schema/commvault/backupset.type.js';
import { CommvaultClientConnection } from '../../schema/commvault/client-connection.type.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultClientsArgs } from '../../schema/commvault/clients.args.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import { JobConnection } from '../../schema/unified/job-connection.type.js';
import { ScopedJobsArgs } from '../../schema/unified/scoped-jobs.args.js';
import { backupFacts } from '../../monitoring/protection.js';
import { fanOutPage, sliceOf } from '../../paging/fan-out.js';
import { cursorScope } from '../../paging/pagination.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';
import { presentClient, presentSubclient, upstreamOf } from './present.js';
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
  ): Promise<CommvaultClientConnection> {
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
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: presentClient(upstreamOf(e.node.source), e.node.item) })),
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
    };
  }

  @Query(() => CommvaultClient, { nullable: true, description: 'One client of one CommServe; null if unknown.' })
  async commvaultClient(
    @Arg('upstream', () => ID) upstream: string,
    @Arg('clientId', () => Int) clientId: number,
    @Ctx() ctx: GatewayContext,
  ): Promise<CommvaultClient | null> {
    const source = commvaultSource(ctx, upstream);
    const client = await commvaultLoaders(ctx).clientById.load({ instanceId: source.instanceId, id: clientId });
    return client && presentClient(upstreamOf(source), client);
  }

  @FieldResolver(() => [CommvaultAgent])
  async agents(@Root() client: CommvaultClient, @Ctx() ctx: GatewayContext): Promise<CommvaultAgent[]> {
    const agents = await commvaultLoaders(ctx).agentsByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
    return agents.map((a) => Object.assign(new CommvaultAgent(), a));
  }

  @FieldResolver(() => [CommvaultBackupset])
  async backupsets(@Root() client: CommvaultClient, @Ctx() ctx: GatewayContext): Promise<CommvaultBackupset[]> {
    const sets = await commvaultLoaders(ctx).backupsetsByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
    return sets.map((b) => Object.assign(new CommvaultBackupset(), b));
  }

  @FieldResolver(() => [CommvaultSubclient])
  async subclients(@Root() client: CommvaultClient, @Ctx() ctx: GatewayContext): Promise<CommvaultSubclient[]> {
    const subclients = await commvaultLoaders(ctx).subclientsByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
    return subclients.map((s) => presentSubclient(client.upstream, s));
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'Start of the newest successful backup (COMPLETED or COMPLETED_WITH_ERRORS) of any of its subclients, among its ' +
      'latest 200 backup jobs. One `GET /Job?clientId=` per client.',
  })
  async lastSuccessfulBackupAt(@Root() client: CommvaultClient, @Ctx() ctx: GatewayContext): Promise<Date | null> {
    const history = await commvaultLoaders(ctx).backupHistoryByClientId.load({ instanceId: client.upstream.id, id: client.clientId });
    return backupFacts(history).lastSuccessfulBackupAt;
  }

  @FieldResolver(() => JobConnection, { description: 'This client\'s jobs, newest start first.' })
  async jobs(
    @Root() client: CommvaultClient,
    @Args(() => ScopedJobsArgs) args: ScopedJobsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<JobConnection> {
    return scopedJobs(ctx, info, client.upstream, { clientId: client.clientId }, args);
  }
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}
