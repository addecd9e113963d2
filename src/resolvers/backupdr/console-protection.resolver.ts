import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import {
  BackupDrApplianceConnection,
  BackupDrDiskPoolConnection,
  BackupDrSlaConnection,
  BackupDrSlpConnection,
  BackupDrSltConnection,
} from '../../schema/backupdr/connections.type.js';
import { BackupDrAppliancesArgs, BackupDrDiskPoolsArgs, BackupDrSlasArgs, BackupDrSlpsArgs, BackupDrSltsArgs } from '../../schema/backupdr/list.args.js';
import { consolePage } from './list-page.js';
import { presentAppliance, presentDiskPool, presentSla, presentSlp, presentSlt } from './present.js';
import { diskPoolList, plainList } from '../../datasources/backupdr/list-specs.js';
import { consoleSource } from './sources.js';

/** The console's protection and storage lists: SLTs, SLPs, SLAs, disk pools, appliances. */
@Resolver(() => BackupDrConsole)
export class BackupDrConsoleProtectionResolver {
  @FieldResolver(() => BackupDrSltConnection, { description: 'SLA templates (`GET /slt`).' })
  slts(@Root() c: BackupDrConsole, @Args(() => BackupDrSltsArgs) args: BackupDrSltsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrSltConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('slt', args.filter, args.sort), args, ctx, info, (s) => presentSlt(c.upstream, s));
  }

  @FieldResolver(() => BackupDrSlpConnection, { description: 'SLA profiles (`GET /slp`).' })
  slps(@Root() c: BackupDrConsole, @Args(() => BackupDrSlpsArgs) args: BackupDrSlpsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrSlpConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('slp', args.filter, args.sort), args, ctx, info, (s) => presentSlp(c.upstream, s));
  }

  @FieldResolver(() => BackupDrSlaConnection, { description: 'SLAs (`GET /sla`).' })
  slas(@Root() c: BackupDrConsole, @Args(() => BackupDrSlasArgs) args: BackupDrSlasArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrSlaConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('sla', args.filter, args.sort), args, ctx, info, (s) => presentSla(c.upstream, s));
  }

  @FieldResolver(() => BackupDrDiskPoolConnection, { description: 'Disk pools (`GET /diskpool`).' })
  diskPools(@Root() c: BackupDrConsole, @Args(() => BackupDrDiskPoolsArgs) args: BackupDrDiskPoolsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrDiskPoolConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), diskPoolList(args.filter, args.sort), args, ctx, info, (p) => presentDiskPool(c.upstream, p));
  }

  @FieldResolver(() => BackupDrApplianceConnection, { description: 'Appliances (`GET /cluster`).' })
  appliances(@Root() c: BackupDrConsole, @Args(() => BackupDrAppliancesArgs) args: BackupDrAppliancesArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<BackupDrApplianceConnection> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('cluster', args.filter, args.sort), args, ctx, info, (a) => presentAppliance(c.upstream, a));
  }
}
