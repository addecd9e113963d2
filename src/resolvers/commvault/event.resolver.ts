import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { eventMatches } from '../../datasources/domain.js';
import { newestEventFirst } from '../../datasources/commvault/event-search.js';
import { clientStub } from '../../datasources/commvault/mappers/client.js';
import type { CvClient, CvEvent, CvJob } from '../../datasources/commvault/model.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultEventConnection } from '../../schema/commvault/event-connection.type.js';
import { CommvaultEvent } from '../../schema/commvault/event.type.js';
import { CommvaultEventsArgs } from '../../schema/commvault/events.args.js';
import { CommvaultJob } from '../../schema/commvault/job.type.js';
import { fanOutPage, newestFirst, sliceOf } from '../../paging/fan-out.js';
import { cursorScope } from '../../paging/pagination.js';
import { connectionOf } from '../connection-of.js';
import { recordPartial } from '../partial-errors.js';
import { clientFromId, commvaultSources } from './sources.js';
import { commvaultLoaders, commvaultSource } from './sources.js';

@Resolver(() => CommvaultEvent)
export class CommvaultEventResolver {
  @Query(() => CommvaultEventConnection, {
    description:
      'Events of the CommServes you may see, newest first. `GET /Events` is unpaged: the filters go to the ' +
      'CommServe, and the gateway pages the (cached) answer.',
  })
  async commvaultEvents(
    @Args(() => CommvaultEventsArgs) args: CommvaultEventsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvEvent>> {
    const f = args.filter ?? {};
    let sources = commvaultSources(ctx, args.upstream);
    let clientId: number | undefined;
    if (f.client) {
      const client = clientFromId(ctx, f.client);
      sources = sources.filter((s) => s.instanceId === client.source.instanceId);
      clientId = client.clientId;
    }
    const severities = f.severity && f.severity.length > 0 ? f.severity : undefined;
    const from = f.after ?? undefined;
    const to = f.before ?? undefined;
    const search = { severities, occurredAfter: from, occurredBefore: to };
    // The CommServe filters too; checking again here keeps the answer exact whatever it rounds.
    const keep = (e: CvEvent): boolean =>
      eventMatches(search, e) && (clientId === undefined || e.clientId === clientId) && (f.jobId == null || e.jobId === f.jobId);
    const page = await fanOutPage({
      sources,
      first: args.first,
      after: args.after,
      maxPageSize: ctx.maxPageSize,
      scope: cursorScope(['events', sources.map((s) => s.instanceId), severities ?? null, clientId ?? null, f.jobId ?? null, from?.getTime() ?? null, to?.getTime() ?? null]),
      fetch: async (source, offset, first) => {
        const events = await source.listEvents({ clientId, jobId: f.jobId ?? undefined, fromTime: from, toTime: to, severities });
        const all = events.filter(keep).sort(newestEventFirst);
        return sliceOf(all, offset, first);
      },
      before: (a, b) => newestFirst(a.occurredAt, b.occurredAt),
      onFailure: recordPartial(ctx, info),
    });
    return connectionOf(page);
  }

  @FieldResolver(() => CommvaultClient, { nullable: true })
  async client(@Root() e: CvEvent, @Ctx() ctx: GatewayContext): Promise<CvClient | null> {
    const { clientId, clientName } = e;
    if (clientId === null) return null;
    const client = await commvaultLoaders(ctx).clientById.load({ instanceId: e.upstream.id, id: clientId });
    return client ?? clientStub(e.upstream, clientId, clientName);
  }

  @FieldResolver(() => CommvaultJob, { nullable: true, description: 'The job the event is about (`GET /Job/{id}`).' })
  async job(@Root() e: CvEvent, @Ctx() ctx: GatewayContext): Promise<CvJob | null> {
    if (e.jobId === null) return null;
    return commvaultSource(ctx, e.upstream.id).getJob(e.jobId);
  }
}
