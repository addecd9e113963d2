import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrApplication, BdrBackup, BdrCluster, BdrHost, BdrJob, BdrSla } from '../../datasources/backupdr/model.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrBackup } from '../../schema/backupdr/backup.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrJob } from '../../schema/backupdr/job.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrJob)
export class BackupDrJobResolver {
  @FieldResolver(() => BackupDrApplication, { nullable: true })
  application(@Root() j: BdrJob, @Ctx() ctx: GatewayContext): Promise<BdrApplication | null> {
    return related(consoleLoaders(ctx).applicationById, j.upstream, j.applicationId);
  }

  @FieldResolver(() => BackupDrHost, { nullable: true, description: 'From the job\'s own `hostid`, in parallel with its application.' })
  host(@Root() j: BdrJob, @Ctx() ctx: GatewayContext): Promise<BdrHost | null> {
    return related(consoleLoaders(ctx).hostById, j.upstream, j.hostId);
  }

  @FieldResolver(() => BackupDrSla, { nullable: true, description: 'The SLA protecting the job\'s application.' })
  async sla(@Root() j: BdrJob, @Ctx() ctx: GatewayContext): Promise<BdrSla | null> {
    if (!j.applicationId) return null;
    const app = await consoleLoaders(ctx).applicationById.load({ instanceId: j.upstream.id, id: j.applicationId });
    return related(consoleLoaders(ctx).slaById, j.upstream, app?.slaId);
  }

  @FieldResolver(() => BackupDrBackup, { nullable: true, description: 'The image the job made, if any.' })
  backup(@Root() j: BdrJob, @Ctx() ctx: GatewayContext): Promise<BdrBackup | null> {
    return related(consoleLoaders(ctx).backupById, j.upstream, j.backupId);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() j: BdrJob, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, j.upstream, j.applianceId);
  }
}
