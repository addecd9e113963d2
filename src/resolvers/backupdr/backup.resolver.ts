import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrApplication, BdrBackup, BdrCluster, BdrDiskPool } from '../../datasources/backupdr/model.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrBackup } from '../../schema/backupdr/backup.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrDiskPool } from '../../schema/backupdr/disk-pool.type.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrBackup)
export class BackupDrBackupResolver {
  @FieldResolver(() => BackupDrApplication, { nullable: true })
  application(@Root() b: BdrBackup, @Ctx() ctx: GatewayContext): Promise<BdrApplication | null> {
    return related(consoleLoaders(ctx).applicationById, b.upstream, b.applicationId);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() b: BdrBackup, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, b.upstream, b.applianceId);
  }

  @FieldResolver(() => BackupDrDiskPool, { nullable: true })
  diskPool(@Root() b: BdrBackup, @Ctx() ctx: GatewayContext): Promise<BdrDiskPool | null> {
    return related(consoleLoaders(ctx).diskpoolById, b.upstream, b.diskPoolId);
  }
}
