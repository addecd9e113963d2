import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrConsoleArgs } from '../../schema/backupdr/console.args.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import {
  BackupDrApplicationConnection,
  BackupDrConsistencyGroupConnection,
  BackupDrHostConnection,
  BackupDrLogicalGroupConnection,
} from '../../schema/backupdr/connections.type.js';
import { BackupDrApplicationsArgs, BackupDrConsistencyGroupsArgs, BackupDrHostsArgs, BackupDrLogicalGroupsArgs } from '../../schema/backupdr/list.args.js';
import { consolePage } from './list-page.js';
import { consoleUpstream, presentApplication, presentConsistencyGroup, presentHost, presentLogicalGroup } from './present.js';
import { applicationList, hostList, plainList } from '../../datasources/backupdr/list-specs.js';
import { consoleSource } from './sources.js';

/** Query.backupDr and the console's inventory lists (applications, hosts, groups). */
@Resolver(() => BackupDrConsole)
export class BackupDrConsoleResolver {
  @Query(() => BackupDrConsole, {
    description: 'A Backup and DR management console by its upstream id. BAD_USER_INPUT for an id that is not a console you may see.',
  })
  backupDr(@Args(() => BackupDrConsoleArgs) args: BackupDrConsoleArgs, @Ctx() ctx: GatewayContext): BackupDrConsole {
    consoleSource(ctx, args.upstream);
    return Object.assign(new BackupDrConsole(), { upstream: consoleUpstream(args.upstream) });
  }

  @FieldResolver(() => BackupDrApplicationConnection, { description: 'Applications (`GET /application`).' })
  applications(
    @Root() c: BackupDrConsole,
    @Args(() => BackupDrApplicationsArgs) args: BackupDrApplicationsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BackupDrApplicationConnection> {
    const list = applicationList(c.upstream.id, args.filter, args.sort);
    return consolePage(consoleSource(ctx, c.upstream.id), list, args, ctx, info, (a) => presentApplication(c.upstream, a));
  }

  @FieldResolver(() => BackupDrHostConnection, { description: 'Hosts (`GET /host`).' })
  hosts(
    @Root() c: BackupDrConsole,
    @Args(() => BackupDrHostsArgs) args: BackupDrHostsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BackupDrHostConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), hostList(args.filter, args.sort), args, ctx, info, (h) => presentHost(c.upstream, h));
  }

  @FieldResolver(() => BackupDrConsistencyGroupConnection, { description: 'Consistency groups (`GET /consistencygroup`).' })
  consistencyGroups(
    @Root() c: BackupDrConsole,
    @Args(() => BackupDrConsistencyGroupsArgs) args: BackupDrConsistencyGroupsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BackupDrConsistencyGroupConnection> {
    const list = plainList('consistencygroup', args.filter, args.sort);
    return consolePage(consoleSource(ctx, c.upstream.id), list, args, ctx, info, (g) => presentConsistencyGroup(c.upstream, g));
  }

  @FieldResolver(() => BackupDrLogicalGroupConnection, { description: 'Logical groups (`GET /logicalgroup`).' })
  logicalGroups(
    @Root() c: BackupDrConsole,
    @Args(() => BackupDrLogicalGroupsArgs) args: BackupDrLogicalGroupsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BackupDrLogicalGroupConnection> {
    const list = plainList('logicalgroup', args.filter, args.sort);
    return consolePage(consoleSource(ctx, c.upstream.id), list, args, ctx, info, (g) => presentLogicalGroup(c.upstream, g));
  }
}
