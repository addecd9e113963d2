import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrApplication, BdrConsistencyGroup, BdrConsole, BdrHost, BdrLogicalGroup } from '../../datasources/backupdr/model.js';
import { BackupDrConsoleArgs } from '../../schema/backupdr/console.args.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import {
  BackupDrApplicationConnection,
  BackupDrConsistencyGroupConnection,
  BackupDrHostConnection,
  BackupDrLogicalGroupConnection,
} from '../../schema/backupdr/connections.type.js';
import { BackupDrApplicationsArgs, BackupDrConsistencyGroupsArgs, BackupDrHostsArgs, BackupDrLogicalGroupsArgs } from '../../schema/backupdr/list.args.js';
import { consolePage, type ConsolePage } from './list-page.js';
import { applicationList, hostList, plainList } from '../../datasources/backupdr/list-specs.js';
import { consoleSource } from './sources.js';

/** Query.backupDr and the console's inventory lists (applications, hosts, groups). */
@Resolver(() => BackupDrConsole)
export class BackupDrConsoleResolver {
  @Query(() => BackupDrConsole, {
    nullable: true,
    description:
      'A Backup and DR management console by its upstream id. BAD_USER_INPUT for an id that is not a console you may see. Nullable, and so is each of its lists: a console that fails nulls its own fields only, never the rest of the answer.',
  })
  backupDr(@Args(() => BackupDrConsoleArgs) args: BackupDrConsoleArgs, @Ctx() ctx: GatewayContext): BdrConsole {
    return { upstream: consoleSource(ctx, args.upstream).upstream };
  }

  @FieldResolver(() => BackupDrApplicationConnection, { nullable: true, description: 'Applications (`GET /application`).' })
  applications(
    @Root() c: BdrConsole,
    @Args(() => BackupDrApplicationsArgs) args: BackupDrApplicationsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrApplication>> {
    const list = applicationList(c.upstream.id, args.filter, args.sort);
    return consolePage(consoleSource(ctx, c.upstream.id), list, args, ctx, info);
  }

  @FieldResolver(() => BackupDrHostConnection, { nullable: true, description: 'Hosts (`GET /host`).' })
  hosts(
    @Root() c: BdrConsole,
    @Args(() => BackupDrHostsArgs) args: BackupDrHostsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrHost>> {
    return consolePage(consoleSource(ctx, c.upstream.id), hostList(args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrConsistencyGroupConnection, { nullable: true, description: 'Consistency groups (`GET /consistencygroup`).' })
  consistencyGroups(
    @Root() c: BdrConsole,
    @Args(() => BackupDrConsistencyGroupsArgs) args: BackupDrConsistencyGroupsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrConsistencyGroup>> {
    const list = plainList('consistencygroup', args.filter, args.sort);
    return consolePage(consoleSource(ctx, c.upstream.id), list, args, ctx, info);
  }

  @FieldResolver(() => BackupDrLogicalGroupConnection, { nullable: true, description: 'Logical groups (`GET /logicalgroup`).' })
  logicalGroups(
    @Root() c: BdrConsole,
    @Args(() => BackupDrLogicalGroupsArgs) args: BackupDrLogicalGroupsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrLogicalGroup>> {
    const list = plainList('logicalgroup', args.filter, args.sort);
    return consolePage(consoleSource(ctx, c.upstream.id), list, args, ctx, info);
  }
}
