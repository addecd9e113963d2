import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrAuditRecord, BdrBackup, BdrConsole, BdrEvent, BdrJob } from '../../datasources/backupdr/model.js';
import { BackupDrConsole } from '../../schema/backupdr/console.type.js';
import {
  BackupDrAuditRecordConnection,
  BackupDrBackupConnection,
  BackupDrEventConnection,
  BackupDrJobConnection,
} from '../../schema/backupdr/connections.type.js';
import { BackupDrAuditArgs, BackupDrBackupsArgs, BackupDrEventsArgs, BackupDrJobsArgs } from '../../schema/backupdr/list.args.js';
import { consolePage, type ConsolePage } from './list-page.js';
import { auditList, backupList, eventList, jobList } from '../../datasources/backupdr/list-specs.js';
import { consoleSource } from './sources.js';

/** The console's activity lists: images, jobs, events, audit records. */
@Resolver(() => BackupDrConsole)
export class BackupDrConsoleActivityResolver {
  @FieldResolver(() => BackupDrBackupConnection, { nullable: true, description: 'Backup images (`GET /backup`), newest consistency date first by default.' })
  backups(
    @Root() c: BdrConsole,
    @Args(() => BackupDrBackupsArgs) args: BackupDrBackupsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrBackup>> {
    const list = backupList(c.upstream.id, args.filter, args.sort);
    return consolePage(consoleSource(ctx, c.upstream.id), list, args, ctx, info);
  }

  @FieldResolver(() => BackupDrJobConnection, { nullable: true, description: 'Jobs (`/jobstatus`, or `/job` / `/jobhistory` by category), newest start first by default.' })
  async jobs(
    @Root() c: BdrConsole,
    @Args(() => BackupDrJobsArgs) args: BackupDrJobsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrJob>> {
    const source = consoleSource(ctx, c.upstream.id);
    return consolePage(source, await jobList(source, args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrEventConnection, { nullable: true, description: 'Appliance events (`GET /event`), newest first by default.' })
  events(
    @Root() c: BdrConsole,
    @Args(() => BackupDrEventsArgs) args: BackupDrEventsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrEvent>> {
    return consolePage(consoleSource(ctx, c.upstream.id), eventList(args.filter, args.sort), args, ctx, info);
  }

  @FieldResolver(() => BackupDrAuditRecordConnection, { nullable: true, description: 'The console\'s own audit records (`GET /localaudit`), newest first by default.' })
  auditRecords(
    @Root() c: BdrConsole,
    @Args(() => BackupDrAuditArgs) args: BackupDrAuditArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConsolePage<BdrAuditRecord>> {
    return consolePage(consoleSource(ctx, c.upstream.id), auditList(args.filter, args.sort), args, ctx, info);
  }
}
