import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrCluster, BdrEvent, BdrOrganization, BdrRole, BdrUser } from '../../datasources/backupdr/model.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrEvent } from '../../schema/backupdr/event.type.js';
import { BackupDrOrganization } from '../../schema/backupdr/organization.type.js';
import { BackupDrRole } from '../../schema/backupdr/role.type.js';
import { BackupDrUser } from '../../schema/backupdr/user.type.js';
import { related, relatedMany } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrEvent)
export class BackupDrEventResolver {
  @FieldResolver(() => BackupDrAppliance, { nullable: true, description: 'The appliance that raised the event.' })
  appliance(@Root() e: BdrEvent, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, e.upstream, e.applianceId);
  }
}

@Resolver(() => BackupDrUser)
export class BackupDrUserResolver {
  @FieldResolver(() => [BackupDrRole], { nullable: true })
  roles(@Root() u: BdrUser, @Ctx() ctx: GatewayContext): Promise<BdrRole[]> {
    return relatedMany(consoleLoaders(ctx).roleById, u.upstream, u.roleIds);
  }

  @FieldResolver(() => [BackupDrOrganization], { nullable: true, description: 'The user\'s organizations that you may see.' })
  organizations(@Root() u: BdrUser, @Ctx() ctx: GatewayContext): Promise<BdrOrganization[]> {
    return relatedMany(consoleLoaders(ctx).orgById, u.upstream, u.organizationIds);
  }
}
