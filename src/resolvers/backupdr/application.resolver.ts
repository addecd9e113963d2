import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { BackupDrApplication } from '../../schema/backupdr/application.type.js';
import { BackupDrAppliance } from '../../schema/backupdr/cluster.type.js';
import { BackupDrBackupConnection, BackupDrJobConnection } from '../../schema/backupdr/connections.type.js';
import { BackupDrConsistencyGroup } from '../../schema/backupdr/consistency-group.type.js';
import { BackupDrHost } from '../../schema/backupdr/host.type.js';
import { BackupDrLogicalGroup } from '../../schema/backupdr/logical-group.type.js';
import { BackupDrSla } from '../../schema/backupdr/sla.type.js';
import { PageArgs } from '../../schema/unified/page.args.js';
import { consolePage } from './list-page.js';
import {
  presentAppliance,
  presentBackup,
  presentConsistencyGroup,
  presentHost,
  presentJob,
  presentLogicalGroup,
  presentSla,
} from './present.js';
import { related } from './related.js';
import { JOB_ORDER } from '../../datasources/backupdr/list-specs.js';
import { consoleLoaders, consoleSource } from './sources.js';

@Resolver(() => BackupDrApplication)
export class BackupDrApplicationResolver {
  @FieldResolver(() => BackupDrHost, { nullable: true })
  host(@Root() a: BackupDrApplication, @Ctx() ctx: GatewayContext): Promise<BackupDrHost | null> {
    return related(consoleLoaders(ctx).hostById, a.upstream, a.hostId, presentHost);
  }

  @FieldResolver(() => BackupDrSla, { nullable: true })
  sla(@Root() a: BackupDrApplication, @Ctx() ctx: GatewayContext): Promise<BackupDrSla | null> {
    return related(consoleLoaders(ctx).slaById, a.upstream, a.slaId, presentSla);
  }

  @FieldResolver(() => BackupDrLogicalGroup, { nullable: true })
  logicalGroup(@Root() a: BackupDrApplication, @Ctx() ctx: GatewayContext): Promise<BackupDrLogicalGroup | null> {
    return related(consoleLoaders(ctx).logicalGroupById, a.upstream, a.logicalGroupId, presentLogicalGroup);
  }

  @FieldResolver(() => BackupDrConsistencyGroup, { nullable: true })
  consistencyGroup(@Root() a: BackupDrApplication, @Ctx() ctx: GatewayContext): Promise<BackupDrConsistencyGroup | null> {
    return related(consoleLoaders(ctx).consistencyGroupById, a.upstream, a.consistencyGroupId, presentConsistencyGroup);
  }

  @FieldResolver(() => BackupDrAppliance, { nullable: true, description: 'The appliance holding the application (the first, when consolidated).' })
  appliance(@Root() a: BackupDrApplication, @Ctx() ctx: GatewayContext): Promise<BackupDrAppliance | null> {
    return related(consoleLoaders(ctx).clusterById, a.upstream, a.applianceId, presentAppliance);
  }

  @FieldResolver(() => BackupDrBackupConnection, { description: 'The application\'s images, newest consistency date first.' })
  backups(
    @Root() a: BackupDrApplication,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BackupDrBackupConnection> {
    const spec = { conditions: [{ field: 'appid', op: 'EQ' as const, value: a.consoleId }], defaultSort: 'consistencydate:desc,id:desc' };
    return consolePage(consoleSource(ctx, a.upstream.id), { resource: 'backup', spec }, args, ctx, info, (b) => presentBackup(a.upstream, b));
  }

  @FieldResolver(() => BackupDrJobConnection, { description: 'The application\'s jobs, newest start first.' })
  jobs(
    @Root() a: BackupDrApplication,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BackupDrJobConnection> {
    const spec = { conditions: [{ field: 'appid', op: 'EQ' as const, value: a.consoleId }], defaultSort: JOB_ORDER };
    return consolePage(consoleSource(ctx, a.upstream.id), { resource: 'job', spec }, args, ctx, info, (j) => presentJob(a.upstream, j));
  }
}
