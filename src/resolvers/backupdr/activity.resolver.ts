import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrEvent } from '../../schema/backupdr/event.type.js';
import { BackupDrOrganization } from '../../schema/backupdr/organization.type.js';
import { BackupDrRole } from '../../schema/backupdr/role.type.js';
import { BackupDrUser } from '../../schema/backupdr/user.type.js';
import { presentAppliance, presentOrganization, presentRole } from './present.js';
import { related, relatedMany } from './related.js';
import { consoleLoaders } from './sources.js';

@Resolver(() => BackupDrEvent)
export class BackupDrEventResolver {
  @FieldResolver(() => BackupDrAppliance, { nullable: true, description: 'The appliance that raised the event.' })
  appliance(@Root() e: BackupDrEvent, @Ctx() ctx: GatewayContext): Promise<BackupDrAppliance | null> {
    return related(consoleLoaders(ctx).clusterById, e.upstream, e.applianceId, presentAppliance);
  }
}

@Resolver(() => BackupDrUser)
export class BackupDrUserResolver {
  @FieldResolver(() => [BackupDrRole])
  roles(@Root() u: BackupDrUser, @Ctx() ctx: GatewayContext): Promise<BackupDrRole[]> {
    return relatedMany(consoleLoaders(ctx).roleById, u.upstream, u.roleIds, presentRole);
  }

  @FieldResolver(() => [BackupDrOrganization], { description: 'The user\'s organizations that you may see.' })
  organizations(@Root() u: BackupDrUser, @Ctx() ctx: GatewayContext): Promise<BackupDrOrganization[]> {
    return relatedMany(consoleLoaders(ctx).orgById, u.upstream, u.organizationIds, presentOrganization);
  }
}
