import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrApplication, BdrBackup, BdrCluster, BdrConsistencyGroup, BdrHost, BdrJob, BdrLogicalGroup, BdrSla } from '../../datasources/backupdr/model.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrBackupConnection, BackupDrJobConnection } from '../../schema/backupdr/connections.type.js';
import { BackupDrConsistencyGroup } from '../../schema/backupdr/consistency-group.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { PageArgs } from '../../schema/unified/page.args.js';
import { consolePage, type ConsolePage } from './list-page.js';
import { related } from './related.js';
import { JOB_ORDER } from '../../datasources/backupdr/list-specs.js';
import { consoleLoaders, consoleSource } from './sources.js';

@Resolver(() => BackupDrApplication)
export class BackupDrApplicationResolver {
  @FieldResolver(() => BackupDrHost, { nullable: true })
  host(@Root() a: BdrApplication, @Ctx() ctx: GatewayContext): Promise<BdrHost | null> {
    return related(consoleLoaders(ctx).hostById, a.upstream, a.hostId);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'Start of the newest successful capture job (snapshot, dedup, DirectOnVault) in the console\'s job history. Batched: one ' +
      '`/jobstatus` id union per 200 applications of the request (a second one for those without a success among its 1000 newest jobs).',
  })
  async lastSuccessfulBackupAt(@Root() a: BdrApplication, @Ctx() ctx: GatewayContext): Promise<Date | null> {
    return (await consoleLoaders(ctx).backupFactsByApplicationId.load({ instanceId: a.upstream.id, id: a.consoleId })).lastSuccessfulBackupAt;
  }

  @FieldResolver(() => BackupDrSla, { nullable: true })
  sla(@Root() a: BdrApplication, @Ctx() ctx: GatewayContext): Promise<BdrSla | null> {
    return related(consoleLoaders(ctx).slaById, a.upstream, a.slaId);
  }

  @FieldResolver(() => BackupDrLogicalGroup, { nullable: true })
  logicalGroup(@Root() a: BdrApplication, @Ctx() ctx: GatewayContext): Promise<BdrLogicalGroup | null> {
    return related(consoleLoaders(ctx).logicalGroupById, a.upstream, a.logicalGroupId);
  }

  @FieldResolver(() => BackupDrConsistencyGroup, { nullable: true })
  consistencyGroup(@Root() a: BdrApplication, @Ctx() ctx: GatewayContext): Promise<BdrConsistencyGroup | null> {
    return related(consoleLoaders(ctx).consistencyGroupById, a.upstream, a.consistencyGroupId);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true, description: 'The appliance holding the application (the first, when consolidated).' })
  appliance(@Root() a: BdrApplication, @Ctx() ctx: GatewayContext): Promise<BdrCluster | null> {
    return related(consoleLoaders(ctx).clusterById, a.upstream, a.applianceId);
  }

  @FieldResolver(() => BackupDrBackupConnection, { nullable: true, description: 'The application\'s images, newest consistency date first.' })
  backups(
    @Root() a: BdrApplication,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrBackup>> {
    const spec = { conditions: [{ field: 'appid', op: 'EQ' as const, value: a.consoleId }], defaultSort: 'consistencydate:desc,id:desc' };
    return consolePage(consoleSource(ctx, a.upstream.id), { resource: 'backup', spec }, args, ctx, info);
  }

  @FieldResolver(() => BackupDrJobConnection, { nullable: true, description: 'The application\'s jobs, newest start first.' })
  jobs(
    @Root() a: BdrApplication,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrJob>> {
    const spec = { conditions: [{ field: 'appid', op: 'EQ' as const, value: a.consoleId }], defaultSort: JOB_ORDER };
    return consolePage(consoleSource(ctx, a.upstream.id), { resource: 'job', spec }, args, ctx, info);
  }
}
