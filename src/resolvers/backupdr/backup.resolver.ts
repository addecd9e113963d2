import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrBackup } from '../../schema/backupdr/backup.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrDiskPool } from '../../schema/backupdr/disk-pool.type.js';
import { presentAppliance, presentApplication, presentDiskPool } from './present.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrBackup)
export class BackupDrBackupResolver {
  @FieldResolver(() => BackupDrApplication, { nullable: true })
  application(@Root() b: BackupDrBackup, @Ctx() ctx: GatewayContext): Promise<BackupDrApplication | null> {
    return related(consoleLoaders(ctx).applicationById, b.upstream, b.applicationId, presentApplication);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() b: BackupDrBackup, @Ctx() ctx: GatewayContext): Promise<BackupDrAppliance | null> {
    return related(consoleLoaders(ctx).clusterById, b.upstream, b.applianceId, presentAppliance);
  }

  @FieldResolver(() => BackupDrDiskPool, { nullable: true })
  diskPool(@Root() b: BackupDrBackup, @Ctx() ctx: GatewayContext): Promise<BackupDrDiskPool | null> {
    return related(consoleLoaders(ctx).diskpoolById, b.upstream, b.diskPoolId, presentDiskPool);
  }
}
