import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrBackup } from '../../schema/backupdr/backup.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrJob } from '../../schema/backupdr/job.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { presentAppliance, presentApplication, presentBackup, presentHost, presentSla } from './present.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrJob)
export class BackupDrJobResolver {
  @FieldResolver(() => BackupDrApplication, { nullable: true })
  application(@Root() j: BackupDrJob, @Ctx() ctx: GatewayContext): Promise<BackupDrApplication | null> {
    return related(consoleLoaders(ctx).applicationById, j.upstream, j.applicationId, presentApplication);
  }

  @FieldResolver(() => BackupDrHost, { nullable: true, description: 'From the job\'s own `hostid`, in parallel with its application.' })
  host(@Root() j: BackupDrJob, @Ctx() ctx: GatewayContext): Promise<BackupDrHost | null> {
    return related(consoleLoaders(ctx).hostById, j.upstream, j.hostId, presentHost);
  }

  @FieldResolver(() => BackupDrSla, { nullable: true, description: 'The SLA protecting the job\'s application.' })
  async sla(@Root() j: BackupDrJob, @Ctx() ctx: GatewayContext): Promise<BackupDrSla | null> {
    if (!j.applicationId) return null;
    const app = await consoleLoaders(ctx).applicationById.load({ instanceId: j.upstream.id, id: j.applicationId });
    return related(consoleLoaders(ctx).slaById, j.upstream, app?.slaId, presentSla);
  }

  @FieldResolver(() => BackupDrBackup, { nullable: true, description: 'The image the job made, if any.' })
  backup(@Root() j: BackupDrJob, @Ctx() ctx: GatewayContext): Promise<BackupDrBackup | null> {
    return related(consoleLoaders(ctx).backupById, j.upstream, j.backupId, presentBackup);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() j: BackupDrJob, @Ctx() ctx: GatewayContext): Promise<BackupDrAppliance | null> {
    return related(consoleLoaders(ctx).clusterById, j.upstream, j.applianceId, presentAppliance);
  }
}
