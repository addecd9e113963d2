import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Float, Info, Query, Resolver, Root } from 'type-graphql';
import { ddbStoreHistory, type DdbPoint } from '../../history/reader.js';
import { historyWindow } from '../../history/window.js';
import { CommvaultDdbSample } from '../../schema/commvault/ddb-sample.type.js';
import { HistoryArgs } from '../../schema/unified/history.args.js';
import { historyOf } from '../unified/history-access.js';
import type { GatewayContext } from '../../context.js';
import type { CvDdbPartition, CvDdbResync, CvDdbStore } from '../../datasources/commvault/model.js';
import { CommvaultDdbPartition, CommvaultDdbResync, CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { Severity } from '../../schema/unified/severity.enum.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { ddbPartitionSeverity, ddbStoreSeverity } from '../../monitoring/thresholds.js';
import { fanOutList } from '../../paging/fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSource, commvaultSources } from './sources.js';
import { commvaultLoaders } from './sources.js';

/** Stores are listed by the DDB-engines qoperation; health fields need `GET /DDBInformation/{id}` per store. */
@Resolver(() => CommvaultDdbStore)
export class CommvaultDdbStoreResolver {
  @Query(() => [CommvaultDdbStore], { description: 'Deduplication stores of the CommServes you may see.' })
  async commvaultDdbStores(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvDdbStore[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      (source) => source.listDdbStores(),
      recordPartial(ctx, info),
    );
  }

  @FieldResolver(() => [CommvaultDdbPartition], { nullable: true })
  async partitions(@Root() d: CvDdbStore, @Ctx() ctx: GatewayContext): Promise<CvDdbPartition[]> {
    return (await detail(d, ctx))?.partitions ?? [];
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The slowest partition\'s average Q&I time, µs.' })
  async avgQiMicros(@Root() d: CvDdbStore, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detail(d, ctx))?.avgQiMicros ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The least free space of any partition\'s volume, bytes.' })
  async freeBytes(@Root() d: CvDdbStore, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await detail(d, ctx))?.freeBytes ?? null;
  }

  @FieldResolver(() => Severity, {
    nullable: true,
    description:
      'The worst partition\'s: Q&I above the critical threshold (default 2000 µs) or an offline partition or a volume with less ' +
      'free space than the critical threshold (default 10 GiB) CRITICAL; Q&I above 1000 µs or less than 50 GiB free WARNING.',
  })
  async severity(@Root() d: CvDdbStore, @Ctx() ctx: GatewayContext): Promise<Severity | null> {
    return ddbStoreSeverity((await detail(d, ctx))?.partitions ?? null, ctx.thresholds.ddb);
  }

  @FieldResolver(() => CommvaultDdbResync, {
    nullable: true,
    description: 'Whether the store needs (or is in) a resync, from its `storeFlags` in the engine list; null when the CommServe sends no flags.',
  })
  async resync(@Root() d: CvDdbStore, @Ctx() ctx: GatewayContext): Promise<CvDdbResync | null> {
    if (d.resync !== null) return d.resync;
    // A store read from `GET /DDBInformation/{id}` (no flags there): the cached engine list has them.
    const listed = (await commvaultSource(ctx, d.upstream.id).listDdbStores()).find((s) => s.storeId === d.storeId);
    return listed?.resync ?? null;
  }

  @FieldResolver(() => [CommvaultDdbSample], {
    description: 'Stored health readings within [since, until), oldest first (docs/history.md). No upstream call.',
  })
  history(@Root() d: CvDdbStore, @Args(() => HistoryArgs) args: HistoryArgs, @Ctx() ctx: GatewayContext): Promise<DdbPoint[]> {
    const store = historyOf(ctx);
    return ddbStoreHistory(store, { upstreamId: d.upstream.id, storeId: d.id }, historyWindow(args.since, args.until, Date.now()), args.step);
  }
}

@Resolver(() => CommvaultDdbPartition)
export class CommvaultDdbPartitionResolver {
  @FieldResolver(() => Severity, {
    nullable: true,
    description: 'Offline, Q&I above 2000 µs or less than 10 GiB free CRITICAL; Q&I above 1000 µs or less than 50 GiB free WARNING (configurable).',
  })
  severity(@Root() p: CvDdbPartition, @Ctx() ctx: GatewayContext): Severity | null {
    return ddbPartitionSeverity(p, ctx.thresholds.ddb);
  }
}

/** The store with partitions: the record itself when it came from the detail call, else loaded. */
async function detail(d: CvDdbStore, ctx: GatewayContext): Promise<CvDdbStore | null> {
  if (d.partitions !== null) return d;
  return commvaultLoaders(ctx).ddbStoreById.load({ instanceId: d.upstream.id, id: d.storeId });
}
