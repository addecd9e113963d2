import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrApplication, BdrCluster, BdrConsistencyGroup, BdrHost, BdrLogicalGroup, BdrSla } from '../../datasources/backupdr/model.js';
import { BackupDrApplicationConnection } from '../../schema/backupdr/connections.type.js';
import { PageArgs } from '../../schema/unified/page.args.js';
import { consolePage, type ConsolePage } from './list-page.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrConsistencyGroup } from '../../schema/backupdr/consistency-group.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { related } from './related.js';
import { consoleLoaders, consoleSource } from './sources.js';

/**
 * A group's member applications: the application list view filtered by `inlogicalgroupof` /
 * `inconsistencygroupof` (docs/upstreams/backupdr-infrastructure.md §3), so members page, count and
 * order like every console list; by console id.
 */
function membersPage(
  g: BdrLogicalGroup | BdrConsistencyGroup,
  field: 'inlogicalgroupof' | 'inconsistencygroupof',
  args: PageArgs,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<ConsolePage<BdrApplication>> {
  const spec = { conditions: [{ field, op: 'EQ' as const, value: g.consoleId }], defaultSort: 'id:asc' };
  return consolePage(consoleSource(ctx, g.upstream.id), { resource: 'application', spec }, args, ctx, info);
}

const MEMBERS = 'Its member applications, by console id (`GET /application?filter=%s:==<id>`); totalCount is a HEAD with the same filter.';

@Resolver(() => BackupDrLogicalGroup)
export class BackupDrLogicalGroupResolver {
  @FieldResolver(() => BackupDrSla, { nullable: true })
  sla(@Root() g: BdrLogicalGroup, @Ctx() ctx: GatewayContext): Promise<BdrSla | null> {
    return related(consoleLoaders(ctx).slaById, g.upstream, g.slaId);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() g: BdrLogicalGroup, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, g.upstream, g.applianceId);
  }

  @FieldResolver(() => BackupDrApplicationConnection, { nullable: true, description: MEMBERS.replace('%s', 'inlogicalgroupof') })
  members(
    @Root() g: BdrLogicalGroup,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrApplication>> {
    return membersPage(g, 'inlogicalgroupof', args, ctx, info);
  }
}

@Resolver(() => BackupDrConsistencyGroup)
export class BackupDrConsistencyGroupResolver {
  @FieldResolver(() => BackupDrHost, { nullable: true })
  host(@Root() g: BdrConsistencyGroup, @Ctx() ctx: GatewayContext): Promise<BdrHost | null> {
    return related(consoleLoaders(ctx).hostById, g.upstream, g.hostId);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true })
  appliance(@Root() g: BdrConsistencyGroup, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, g.upstream, g.applianceId);
  }

  @FieldResolver(() => BackupDrApplicationConnection, { nullable: true, description: MEMBERS.replace('%s', 'inconsistencygroupof') })
  members(
    @Root() g: BdrConsistencyGroup,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrApplication>> {
    return membersPage(g, 'inconsistencygroupof', args, ctx, info);
  }
}
