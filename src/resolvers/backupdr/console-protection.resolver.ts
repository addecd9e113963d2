import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrCluster, BdrConsole, BdrDiskPool, BdrSla, BdrSlp, BdrSlt } from '../../datasources/backupdr/model.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import {
  BackupDrApplianceConnection,
  BackupDrDiskPoolConnection,
  BackupDrSlaConnection,
  BackupDrSlpConnection,
  BackupDrSltConnection,
} from '../../schema/backupdr/connections.type.js';
import { BackupDrAppliancesArgs, BackupDrDiskPoolsArgs, BackupDrSlasArgs, BackupDrSlpsArgs, BackupDrSltsArgs } from '../../schema/backupdr/list.args.js';
import { consolePage, type ConsolePage } from './list-page.js';
import { diskPoolList, plainList } from '../../datasources/backupdr/list-specs.js';
import { consoleSource } from './sources.js';

/** The console's protection and storage lists: SLTs, SLPs, SLAs, disk pools, appliances. */
@Resolver(() => BackupDrConsole)
export class BackupDrConsoleProtectionResolver {
  @FieldResolver(() => BackupDrSltConnection, { nullable: true, description: 'SLA templates (`GET /slt`).' })
  slts(@Root() c: BdrConsole, @Args(() => BackupDrSltsArgs) args: BackupDrSltsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrSlt>> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('slt', args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrSlpConnection, { nullable: true, description: 'SLA profiles (`GET /slp`).' })
  slps(@Root() c: BdrConsole, @Args(() => BackupDrSlpsArgs) args: BackupDrSlpsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrSlp>> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('slp', args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrSlaConnection, { nullable: true, description: 'SLAs (`GET /sla`).' })
  slas(@Root() c: BdrConsole, @Args(() => BackupDrSlasArgs) args: BackupDrSlasArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrSla>> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('sla', args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrDiskPoolConnection, { nullable: true, description: 'Disk pools (`GET /diskpool`).' })
  diskPools(@Root() c: BdrConsole, @Args(() => BackupDrDiskPoolsArgs) args: BackupDrDiskPoolsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrDiskPool>> {
    return consolePage(consoleSource(ctx, c.upstream.id), diskPoolList(args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrApplianceConnection, { nullable: true, description: 'Appliances (`GET /cluster`).' })
  appliances(@Root() c: BdrConsole, @Args(() => BackupDrAppliancesArgs) args: BackupDrAppliancesArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConsolePage<BdrCluster>> {
    return consolePage(consoleSource(ctx, c.upstream.id), plainList('cluster', args.filter, args.sort), args, ctx, info);
  }
}
