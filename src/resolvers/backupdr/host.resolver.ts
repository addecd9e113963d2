import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrApplication, BdrCluster, BdrHost } from '../../datasources/backupdr/model.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrApplicationConnection } from '../../schema/backupdr/connections.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { PageArgs } from '../../schema/unified/page.args.js';
import { consolePage, type ConsolePage } from './list-page.js';
import { related } from './related.js';
import { ID_ORDER } from '../../datasources/backupdr/list-specs.js';
import { consoleLoaders, consoleSource } from './sources.js';

@Resolver(() => BackupDrHost)
export class BackupDrHostResolver {
  @FieldResolver(() => BackupDrAppliance, { nullable: true, description: 'The appliance holding the host (the first, when consolidated).' })
  appliance(@Root() h: BdrHost, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, h.upstream, h.applianceId);
  }

  @FieldResolver(() => BackupDrApplicationConnection, { nullable: true, description: 'Applications on this host.' })
  applications(
    @Root() h: BdrHost,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrApplication>> {
    const spec = { conditions: [{ field: 'hostid', op: 'EQ' as const, value: h.consoleId }], defaultSort: ID_ORDER };
    return consolePage(consoleSource(ctx, h.upstream.id), { resource: 'application', spec }, args, ctx, info);
  }
}
