import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { UpstreamRef } from '../../datasources/record.js';
import { storageTargetHistory, targetForecast, type CapacityPoint, type ForecastAnswer } from '../../history/reader.js';
import { historyWindow } from '../../history/window.js';
import { CapacityForecast } from '../../schema/unified/capacity-forecast.type.js';
import { CapacitySample } from '../../schema/unified/capacity-sample.type.js';
import { HistoryArgs } from '../../schema/unified/history.args.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { historyOf } from './history-access.js';

/** Every storage target's stored capacity and forecast, by its global id (inherited by each product's type). */
@Resolver(() => StorageTarget)
export class StorageTargetHistoryResolver {
  @FieldResolver(() => [CapacitySample], {
    description: 'Stored capacity readings within [since, until), oldest first (docs/history.md). No upstream call.',
  })
  history(@Root() target: { id: string; upstream: UpstreamRef }, @Args(() => HistoryArgs) args: HistoryArgs, @Ctx() ctx: GatewayContext): Promise<CapacityPoint[]> {
    const store = historyOf(ctx);
    return storageTargetHistory(store, { upstreamId: target.upstream.id, targetId: target.id }, historyWindow(args.since, args.until, Date.now()), args.step);
  }

  @FieldResolver(() => CapacityForecast, {
    description:
      'When the target fills, from its stored history (a least-squares line, docs/history.md "Capacity forecast"). ' +
      'The upstream\'s own estimate is `estimatedRunoutDays`. No upstream call.',
  })
  forecast(@Root() target: { id: string; upstream: UpstreamRef }, @Ctx() ctx: GatewayContext): Promise<ForecastAnswer> {
    return targetForecast(historyOf(ctx), { upstreamId: target.upstream.id, targetId: target.id }, Date.now(), ctx.forecast);
  }
}
