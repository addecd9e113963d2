import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrCluster, BdrConsistencyGroup, BdrHost, BdrLogicalGroup, BdrSla } from '../../datasources/backupdr/model.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrConsistencyGroup } from '../../schema/backupdr/consistency-group.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrLogicalGroup)
export class BackupDrLogicalGroupResolver {
  @FieldResolver(() => BackupDrSla, { nullable: true })
  sla(@Root() g: BdrLogicalGroup, @Ctx() ctx: GatewayContext): Promise<BdrSla | null> {
    return related(consoleLoaders(ctx).slaById, g.upstream, g.slaId);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() g: BdrLogicalGroup, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, g.upstream, g.applianceId);
  }
}

@Resolver(() => BackupDrConsistencyGroup)
export class BackupDrConsistencyGroupResolver {
  @FieldResolver(() => BackupDrHost, { nullable: true })
  host(@Root() g: BdrConsistencyGroup, @Ctx() ctx: GatewayContext): Promise<BdrHost | null> {
    return related(consoleLoaders(ctx).hostById, g.upstream, g.hostId);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() g: BdrConsistencyGroup, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, g.upstream, g.applianceId);
  }
}
