import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import { BackupDrOrganizationConnection, BackupDrRoleConnection, BackupDrUserConnection } from '../../schema/backupdr/connections.type.js';
import { BackupDrOrganizationsArgs, BackupDrRolesArgs, BackupDrUsersArgs } from '../../schema/backupdr/list.args.js';
import { consolePage } from './list-page.js';
import { presentOrganization, presentRole, presentUser } from './present.js';
import { plainList } from '../../datasources/backupdr/list-specs.js';
import { consoleSource } from './sources.js';

/** The console's users, roles and organizations. */
@Resolver(() => BackupDrConsole)
export class BackupDrConsoleSecurityResolver {
  @FieldResolver(() => BackupDrUserConnection, { description: 'Console users (`GET /user`).' })
  users(@Root() c: BackupDrConsole, @Args(() => BackupDrUsersArgs) args: BackupDrUsersArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrUserConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('user', args.filter, args.sort), args, ctx, info, (u) => presentUser(c.upstream, u));
  }

  @FieldResolver(() => BackupDrRoleConnection, { description: 'Console roles (`GET /role`).' })
  roles(@Root() c: BackupDrConsole, @Args(() => BackupDrRolesArgs) args: BackupDrRolesArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrRoleConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('role', args.filter, args.sort), args, ctx, info, (r) => presentRole(c.upstream, r));
  }

  @FieldResolver(() => BackupDrOrganizationConnection, { description: 'Organizations (`GET /org`).' })
  organizations(@Root() c: BackupDrConsole, @Args(() => BackupDrOrganizationsArgs) args: BackupDrOrganizationsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrOrganizationConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('org', args.filter, args.sort), args, ctx, info, (o) => presentOrganization(c.upstream, o));
  }
}
