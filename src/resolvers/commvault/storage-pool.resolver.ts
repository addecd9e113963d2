import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Float, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CvBackupLocation, CvDdbStore, CvPlan, CvStorageDetail, CvStoragePool } from '../../datasources/commvault/model.js';
import { CommvaultBackupLocation } from '../../schema/commvault/backup-location.type.js';
import { CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { CommvaultPlan } from '../../schema/commvault/plan.type.js';
import { CommvaultStoragePool } from '../../schema/commvault/storage-pool.type.js';
import { CommvaultStoragePoolsArgs } from '../../schema/commvault/storage-pools.args.js';
import { Severity } from '../../schema/unified/severity.enum.js';
import { capacitySeverity } from '../../monitoring/thresholds.js';
import { fanOutList } from '../../paging/fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';
import { commvaultLoaders } from './sources.js';

@Resolver(() => CommvaultStoragePool)
export class CommvaultStoragePoolResolver {
  @Query(() => [CommvaultStoragePool], {
    description: 'Storage pools of the CommServes you may see; `medium: CLOUD` lists cloud storage only.',
  })
  async commvaultStoragePools(
    @Args(() => CommvaultStoragePoolsArgs) args: CommvaultStoragePoolsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvStoragePool[]> {
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) =>
        (await source.listStoragePools())
          .filter((p) => !args.medium || p.medium === args.medium),
      recordPartial(ctx, info),
    );
  }

  @FieldResolver(() => Severity, { nullable: true })
  severity(@Root() pool: CvStoragePool, @Ctx() ctx: GatewayContext): Severity | null {
    return capacitySeverity(pool.freePercent, ctx.thresholds.capacity);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Commvault\'s own estimate of the days until the pool is full: the soonest `estimatedSpaceRunoutDays` of the mount paths ' +
      'of its libraries (`GET /StoragePool/{id}`, then `GET /Library/{id}` per library); null when no mount path has one.',
  })
  async estimatedRunoutDays(@Root() pool: CvStoragePool, @Ctx() ctx: GatewayContext): Promise<number | null> {
    const loaders = commvaultLoaders(ctx);
    const detail = await loaders.storagePoolDetailById.load({ instanceId: pool.upstream.id, id: pool.storagePoolId });
    const libraries = await loaders.libraryById.loadMany((detail?.libraryIds ?? []).map((id) => ({ instanceId: pool.upstream.id, id })));
    const estimates = libraries.flatMap((l) => {
      if (l instanceof Error) throw l;
      return (l?.mountPaths ?? []).flatMap((m) => (m.estimatedRunoutDays === null ? [] : [m.estimatedRunoutDays]));
    });
    return estimates.length === 0 ? null : Math.min(...estimates);
  }

  @FieldResolver(() => [CommvaultDdbStore], { nullable: true, description: 'The pool\'s deduplication stores (`GET /StoragePool/{id}`).' })
  async ddbStores(@Root() pool: CvStoragePool, @Ctx() ctx: GatewayContext): Promise<CvDdbStore[]> {
    const detail = await commvaultLoaders(ctx).storagePoolDetailById.load({ instanceId: pool.upstream.id, id: pool.storagePoolId });
    const stores = await commvaultLoaders(ctx).ddbStoreById.loadMany(
      (detail?.ddbStoreIds ?? []).map((id) => ({ instanceId: pool.upstream.id, id })),
    );
    return stores.flatMap((s) => {
      if (s instanceof Error) throw s;
      return s ? [s] : [];
    });
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Bytes on disk after deduplication and compression (V4 storage details).' })
  async sizeOnDiskBytes(@Root() pool: CvStoragePool, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await storageDetail(pool, ctx))?.sizeOnDiskBytes ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Space deduplication saves, percent 0..100 (V4 storage details).' })
  async dedupeSavingsPercent(@Root() pool: CvStoragePool, @Ctx() ctx: GatewayContext): Promise<number | null> {
    return (await storageDetail(pool, ctx))?.dedupeSavingsPercent ?? null;
  }

  @FieldResolver(() => [CommvaultBackupLocation], { nullable: true, description: 'Disk mount paths or cloud buckets (V4 storage details).' })
  async backupLocations(@Root() pool: CvStoragePool, @Ctx() ctx: GatewayContext): Promise<CvBackupLocation[]> {
    return (await storageDetail(pool, ctx))?.backupLocations ?? [];
  }

  @FieldResolver(() => [CommvaultPlan], { nullable: true, description: 'Plans writing to this pool (V4 storage details; plan fields from the plan list).' })
  async associatedPlans(@Root() pool: CvStoragePool, @Ctx() ctx: GatewayContext): Promise<CvPlan[]> {
    const refs = (await storageDetail(pool, ctx))?.associatedPlans ?? [];
    const plans = await commvaultLoaders(ctx).planById.loadMany(refs.map((r) => ({ instanceId: pool.upstream.id, id: r.planId })));
    // A plan the plan list does not (yet) hold still shows, by the id and name the storage names.
    return plans.map((p, i) => {
      if (p instanceof Error) throw p;
      return p ?? refs[i];
    });
  }
}

/** V4 details exist for disk and cloud storage only; other pools have none. */
async function storageDetail(pool: CvStoragePool, ctx: GatewayContext): Promise<CvStorageDetail | null> {
  if (pool.medium !== 'DISK' && pool.medium !== 'CLOUD') return null;
  return commvaultLoaders(ctx).storageDetailById.load({ instanceId: pool.upstream.id, id: pool.storagePoolId, medium: pool.medium });
}
