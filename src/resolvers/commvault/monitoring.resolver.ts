import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { alertsFirst, ascendingNullsLast } from '../../monitoring/alerts.js';
import { fanOutList } from '../../paging/fan-out.js';
import { CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { recordPartial } from '../partial-errors.js';
import type { CvDdbStore } from '../../datasources/commvault/model.js';
import { commvaultLoaders, commvaultSources } from './sources.js';

/** Commvault's own monitoring field: deduplication store health (no other product has DDBs). */
@Resolver()
export class CommvaultMonitoringResolver {
  @Query(() => [CommvaultDdbStore], {
    description:
      'Deduplication stores with severity WARNING (Q&I > 1000 µs) or CRITICAL (> 2000 µs): CRITICAL first, then slowest first. ' +
      'One `GET /DDBInformation/{id}` per store.',
  })
  async ddbAlerts(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvDdbStore[]> {
    const stores = await fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) => {
        const listed = await source.listDdbStores();
        const details = await commvaultLoaders(ctx).ddbStoreById.loadMany(listed.map((d) => ({ instanceId: source.instanceId, id: d.storeId })));
        return listed.flatMap((d, i) => {
          const detail = details[i];
          if (detail instanceof Error) throw detail;
          if (!detail) return [];
          // The detail answer has partitions; the engine list names policy and copy.
          return [{ ...detail, storagePolicyName: detail.storagePolicyName ?? d.storagePolicyName, copyName: detail.copyName ?? d.copyName }];
        });
      },
      recordPartial(ctx, info),
    );
    return alertsFirst(
      stores,
      (d) => d.severity,
      (a, b) => ascendingNullsLast(negate(a.avgQiMicros), negate(b.avgQiMicros)),
    );
  }
}

const negate = (n: number | null): number | null => (n === null ? null : -n);
