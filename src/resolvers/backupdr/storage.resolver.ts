import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrCluster, BdrDiskPool, BdrSlp } from '../../datasources/backupdr/model.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrDiskPool } from '../../schema/backupdr/disk-pool.type.js';
import { BackupDrSlp } from '../../schema/backupdr/slp.type.js';
import { Severity } from '../../schema/unified/severity.enum.js';
import { capacitySeverity } from '../../monitoring/thresholds.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrDiskPool)
export class BackupDrDiskPoolResolver {
  @FieldResolver(() => BackupDrAppliance, { nullable: true, description: 'The appliance the pool belongs to.' })
  appliance(@Root() p: BdrDiskPool, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, p.upstream, p.applianceId);
  }

  @FieldResolver(() => Severity, { nullable: true })
  severity(@Root() p: BdrDiskPool, @Ctx() ctx: GatewayContext): Severity | null {
    return capacitySeverity(p.freePercent, ctx.thresholds.capacity);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Always null: a console gives no estimate of when a pool fills.' })
  estimatedRunoutDays(): number | null {
    return null;
  }
}

@Resolver(() => BackupDrSlp)
export class BackupDrSlpResolver {
  @FieldResolver(() => BackupDrDiskPool, { nullable: true, description: 'The OnVault pool the profile copies to, if any.' })
  vaultPool(@Root() s: BdrSlp, @Ctx() ctx: GatewayContext): Promise<BdrDiskPool | null> {
    return related(consoleLoaders(ctx).diskpoolById, s.upstream, s.vaultPoolId);
  }
}
