import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { alertsFirst, ascendingNullsLast } from '../../monitoring/alerts.js';
import { ddbStoreSeverity } from '../../monitoring/thresholds.js';
import { fanOutList } from '../../paging/fan-out.js';
import { CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { recordPartial } from '../partial-errors.js';
import type { CvDdbStore } from '../../datasources/commvault/model.js';
import { ddbStoresWithPartitions } from './ddb-health.js';
import { commvaultSources } from './sources.js';

/** Commvault's own monitoring field: deduplication store health (no other product has DDBs). */
@Resolver()
export class CommvaultMonitoringResolver {
  @Query(() => [CommvaultDdbStore], {
    description:
      'Deduplication stores with severity WARNING or CRITICAL (`CommvaultDdbStore.severity`: Q&I time, offline partitions, ' +
      'free space): CRITICAL first, then slowest first. ' +
      'One `GET /DDBInformation/{id}` per store.',
  })
  async ddbAlerts(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvDdbStore[]> {
    const stores = await fanOutList(commvaultSources(ctx, args.upstream), (source) => ddbStoresWithPartitions(ctx, source), recordPartial(ctx, info));
    return alertsFirst(
      stores,
      (d) => ddbStoreSeverity(d.partitions, ctx.thresholds.ddb),
      (a, b) => ascendingNullsLast(negate(a.avgQiMicros), negate(b.avgQiMicros)),
    );
  }
}

const negate = (n: number | null): number | null => (n === null ? null : -n);
