import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrConsole, BdrOrganization, BdrRole, BdrUser } from '../../datasources/backupdr/model.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import { BackupDrOrganizationConnection, BackupDrRoleConnection, BackupDrUserConnection } from '../../schema/backupdr/connections.type.js';
import { BackupDrOrganizationsArgs, BackupDrRolesArgs, BackupDrUsersArgs } from '../../schema/backupdr/list.args.js';
import { consolePage, type ConsolePage } from './list-page.js';
import { plainList } from '../../datasources/backupdr/list-specs.js';
import { consoleSource } from './sources.js';

/** The console's users, roles and organizations. */
@Resolver(() => BackupDrConsole)
export class BackupDrConsoleSecurityResolver {
  @FieldResolver(() => BackupDrUserConnection, { nullable: true, description: 'Console users (`GET /user`).' })
  users(@Root() c: BdrConsole, @Args(() => BackupDrUsersArgs) args: BackupDrUsersArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrUser>> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('user', args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrRoleConnection, { nullable: true, description: 'Console roles (`GET /role`).' })
  roles(@Root() c: BdrConsole, @Args(() => BackupDrRolesArgs) args: BackupDrRolesArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrRole>> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('role', args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrOrganizationConnection, { nullable: true, description: 'Organizations (`GET /org`).' })
  organizations(@Root() c: BdrConsole, @Args(() => BackupDrOrganizationsArgs) args: BackupDrOrganizationsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrOrganization>> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('org', args.filter, args.sort), args, ctx, info);
  }
}
