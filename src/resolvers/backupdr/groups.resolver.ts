import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrConsistencyGroup } from '../../schema/backupdr/consistency-group.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { presentAppliance, presentHost, presentSla } from './present.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrLogicalGroup)
export class BackupDrLogicalGroupResolver {
  @FieldResolver(() => BackupDrSla, { nullable: true })
  sla(@Root() g: BackupDrLogicalGroup, @Ctx() ctx: GatewayContext): Promise<BackupDrSla | null> {
    return related(consoleLoaders(ctx).slaById, g.upstream, g.slaId, presentSla);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() g: BackupDrLogicalGroup, @Ctx() ctx: GatewayContext): Promise<BackupDrAppliance | null> {
    return related(consoleLoaders(ctx).clusterById, g.upstream, g.applianceId, presentAppliance);
  }
}

@Resolver(() => BackupDrConsistencyGroup)
export class BackupDrConsistencyGroupResolver {
  @FieldResolver(() => BackupDrHost, { nullable: true })
  host(@Root() g: BackupDrConsistencyGroup, @Ctx() ctx: GatewayContext): Promise<BackupDrHost | null> {
    return related(consoleLoaders(ctx).hostById, g.upstream, g.hostId, presentHost);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() g: BackupDrConsistencyGroup, @Ctx() ctx: GatewayContext): Promise<BackupDrAppliance | null> {
    return related(consoleLoaders(ctx).clusterById, g.upstream, g.applianceId, presentAppliance);
  }
}
