import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrApplication, BdrLogicalGroup, BdrSla, BdrSlp, BdrSlt } from '../../datasources/backupdr/model.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { BackupDrSlp } from '../../schema/backupdr/slp.type.js';
import { BackupDrSlt } from '../../schema/backupdr/slt.type.js';
import { related } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrSla)
export class BackupDrSlaResolver {
  @FieldResolver(() => BackupDrApplication, { nullable: true, description: 'The protected application (null for a logical group\'s SLA).' })
  application(@Root() s: BdrSla, @Ctx() ctx: GatewayContext): Promise<BdrApplication | null> {
    return related(consoleLoaders(ctx).applicationById, s.upstream, s.applicationId);
  }

  @FieldResolver(() => BackupDrLogicalGroup, { nullable: true, description: 'The protected logical group, if the SLA is a group\'s.' })
  logicalGroup(@Root() s: BdrSla, @Ctx() ctx: GatewayContext): Promise<BdrLogicalGroup | null> {
    return related(consoleLoaders(ctx).logicalGroupById, s.upstream, s.logicalGroupId);
  }

  @FieldResolver(() => BackupDrSlt, { nullable: true })
  slt(@Root() s: BdrSla, @Ctx() ctx: GatewayContext): Promise<BdrSlt | null> {
    return related(consoleLoaders(ctx).sltById, s.upstream, s.sltId);
  }

  @FieldResolver(() => BackupDrSlp, { nullable: true })
  slp(@Root() s: BdrSla, @Ctx() ctx: GatewayContext): Promise<BdrSlp | null> {
    return related(consoleLoaders(ctx).slpById, s.upstream, s.slpId);
  }
}
