import { Field, ID, InputType } from 'type-graphql';
import { JobCategory } from '../unified/job-category.enum.js';
import { JobStatus } from '../unified/job-status.enum.js';
import { BackupDrListFilter } from './list-filter.input.js';

/*
 * Per-resource filters: typed shortcuts for the common questions, translated into console conditions
 * by the resolvers; `conditions` (inherited) reaches every field the console lists in OPTIONS.
 */

@InputType()
export class BackupDrApplicationFilter extends BackupDrListFilter {
  @Field(() => [String], { nullable: true, description: '`apptype` is one of these (e.g. `VMBackup`, `SqlInstance`).' })
  appType?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Protected by an SLA (`managed`).' })
  managed?: boolean | null;

  @Field(() => String, { nullable: true, description: '`appname` contains this, case-insensitively.' })
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'A BackupDrHost global id.' })
  host?: string | null;
}

@InputType()
export class BackupDrHostFilter extends BackupDrListFilter {
  @Field(() => [String], { nullable: true, description: '`hosttype` is one of these.' })
  hostType?: string[] | null;

  @Field(() => String, { nullable: true, description: '`hostname` contains this, case-insensitively.' })
  nameContains?: string | null;
}

@InputType()
export class BackupDrBackupFilter extends BackupDrListFilter {
  @Field(() => ID, { nullable: true, description: 'A BackupDrApplication global id.' })
  application?: string | null;

  @Field(() => [String], { nullable: true, description: '`jobclass` is one of these (e.g. `snapshot`, `OnVault`).' })
  jobClass?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Consistency date at or after this time.' })
  consistentAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Consistency date at or before this time.' })
  consistentBefore?: Date | null;
}

@InputType()
export class BackupDrJobFilter extends BackupDrListFilter {
  @Field(() => JobCategory, { nullable: true, description: 'ACTIVE reads `/job`, FINISHED `/jobhistory`, ALL (default) `/jobstatus`.' })
  category?: JobCategory | null;

  @Field(() => [JobStatus], { nullable: true, description: 'Unified statuses, sent as the console statuses they stand for.' })
  status?: JobStatus[] | null;

  @Field(() => [String], { nullable: true, description: '`jobclass` is one of these (e.g. `snapshot`, `OnVault`, `mount`).' })
  jobClass?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A BackupDrApplication global id.' })
  application?: string | null;

  @Field(() => Date, { nullable: true, description: 'Started at or after this time.' })
  startedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Started before this time.' })
  startedBefore?: Date | null;
}

@InputType()
export class BackupDrDiskPoolFilter extends BackupDrListFilter {
  @Field(() => [String], { nullable: true, description: '`pooltype` is one of these: `perf`, `dedup`, `vault`.' })
  poolType?: string[] | null;
}

@InputType()
export class BackupDrEventFilter extends BackupDrListFilter {
  @Field(() => Date, { nullable: true, description: 'Raised at or after this time.' })
  since?: Date | null;
}

@InputType()
export class BackupDrAuditFilter extends BackupDrListFilter {
  @Field(() => Date, { nullable: true, description: 'Issued at or after this time.' })
  since?: Date | null;

  @Field(() => String, { nullable: true, description: 'Issued by this user name (exact).' })
  userName?: string | null;
}
