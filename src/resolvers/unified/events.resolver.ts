import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { EventConditions } from '../../datasources/domain.js';
import type { UpstreamSource } from '../../datasources/upstream-source.js';
import { fanOutPage, newestFirst } from '../../paging/fan-out.js';
import { cursorScope } from '../../paging/pagination.js';
import type { BackupEvent } from '../../schema/unified/backup-event.type.js';
import { BackupEventConnection } from '../../schema/unified/event-connection.type.js';
import { EventsArgs } from '../../schema/unified/events.args.js';
import { connectionOf } from '../connection-of.js';
import { recordPartial } from '../partial-errors.js';
import type { ProductEvents } from '../product.js';
import { selectsField } from '../selection.js';
import { sourcesByProduct } from './product-sources.js';

@Resolver()
export class EventsResolver {
  @Query(() => BackupEventConnection, {
    description:
      'Events and alerts of every upstream you may see (or those in filter.upstream), newest first: CommServe events, ' +
      'triggered Commvault alerts and console events. An upstream that fails leaves its events out and adds an error ' +
      'with this field\'s path; the others stand.',
  })
  async events(@Args(() => EventsArgs) args: EventsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupEventConnection> {
    const filter = args.filter ?? {};
    const search: EventConditions = { severities: filter.severity, occurredAfter: filter.after, occurredBefore: filter.before };
    const wantTotal = selectsField(info, 'totalCount');
    const streamOf = new Map<UpstreamSource, ProductEvents<UpstreamSource>>();
    for (const { product, sources } of sourcesByProduct(ctx, filter.upstream, (p) => p.events !== undefined)) {
      const stream = product.events!(search, wantTotal);
      for (const source of sources) streamOf.set(source, stream);
    }
    const sources = [...streamOf.keys()];
    const page = await fanOutPage<BackupEvent, UpstreamSource>({
      sources,
      first: args.first,
      after: args.after,
      maxPageSize: ctx.maxPageSize,
      scope: cursorScope([
        'backupEvents',
        sources.map((s) => s.instanceId),
        [...(filter.severity ?? [])].sort(),
        filter.after?.getTime() ?? null,
        filter.before?.getTime() ?? null,
      ]),
      fetch: (source, offset, first) => (streamOf.get(source) as ProductEvents<UpstreamSource>).fetch(source, offset, first),
      before: (a, b) => newestFirst(a.occurredAt, b.occurredAt),
      onFailure: recordPartial(ctx, info),
    });
    return connectionOf(page);
  }
}
