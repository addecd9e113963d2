import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { applianceDiskUse, listAllAppliances, type ApplianceDiskUse } from '../../datasources/backupdr/appliances.js';
import type { BdrCluster, BdrConsole, BdrDiskPool } from '../../datasources/backupdr/model.js';
import { BackupDrApplianceDiskUse, BackupDrApplianceSummary } from '../../schema/backupdr/appliance-infrastructure.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import { BackupDrDiskPool } from '../../schema/backupdr/disk-pool.type.js';
import { consoleLoaders, consoleSource } from './sources.js';

/** An appliance's disk pools and disk use (docs/upstreams/backupdr-infrastructure.md §2). */
@Resolver(() => BackupDrAppliance)
export class BackupDrApplianceResolver {
  @FieldResolver(() => [BackupDrDiskPool], {
    description: 'The appliance\'s disk pools, by console id: the console\'s pool list (one call per console for the whole request), by each pool\'s `cluster`.',
  })
  diskPools(@Root() a: BdrCluster, @Ctx() ctx: GatewayContext): Promise<BdrDiskPool[]> {
    return consoleLoaders(ctx).diskPoolsByApplianceId.load({ instanceId: a.upstream.id, id: a.consoleId });
  }

  @FieldResolver(() => BackupDrApplianceDiskUse, { description: 'Its pools\' capacity, use and free space together (the same call as `diskPools`).' })
  async diskUse(@Root() a: BdrCluster, @Ctx() ctx: GatewayContext): Promise<ApplianceDiskUse> {
    return applianceDiskUse(await consoleLoaders(ctx).diskPoolsByApplianceId.load({ instanceId: a.upstream.id, id: a.consoleId }));
  }
}

/** How many appliances a console reaches. */
@Resolver(() => BackupDrConsole)
export class BackupDrApplianceSummaryResolver {
  @FieldResolver(() => BackupDrApplianceSummary, {
    nullable: true,
    description: 'How many of the console\'s appliances it reaches (`GET /cluster` read whole, the same call as healthReport\'s appliance check).',
  })
  async applianceSummary(@Root() c: BdrConsole, @Ctx() ctx: GatewayContext): Promise<BackupDrApplianceSummary> {
    const appliances = await listAllAppliances(consoleSource(ctx, c.upstream.id));
    const unreachable = appliances.filter((a) => a.reachable === false);
    return {
      total: appliances.length,
      reachable: appliances.filter((a) => a.reachable === true).length,
      unreachable: unreachable.length,
      unreachableAppliances: unreachable,
    };
  }
}
