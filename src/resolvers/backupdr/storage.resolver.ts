import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrDiskPool } from '../../schema/backupdr/disk-pool.type.js';
import { BackupDrSlp } from '../../schema/backupdr/slp.type.js';
import { presentAppliance, presentDiskPool } from './present.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrDiskPool)
export class BackupDrDiskPoolResolver {
  @FieldResolver(() => BackupDrAppliance, { nullable: true, description: 'The appliance the pool belongs to.' })
  appliance(@Root() p: BackupDrDiskPool, @Ctx() ctx: GatewayContext): Promise<BackupDrAppliance | null> {
    return related(consoleLoaders(ctx).clusterById, p.upstream, p.applianceId, presentAppliance);
  }
}

@Resolver(() => BackupDrSlp)
export class BackupDrSlpResolver {
  @FieldResolver(() => BackupDrDiskPool, { nullable: true, description: 'The OnVault pool the profile copies to, if any.' })
  vaultPool(@Root() s: BackupDrSlp, @Ctx() ctx: GatewayContext): Promise<BackupDrDiskPool | null> {
    return related(consoleLoaders(ctx).diskpoolById, s.upstream, s.vaultPoolId, presentDiskPool);
  }
}
