import { ArgsType, Field, type ClassType } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';
import { BackupDrListFilter } from './list-filter.input.js';
import {
  BackupDrApplicationFilter,
  BackupDrAuditFilter,
  BackupDrBackupFilter,
  BackupDrDiskPoolFilter,
  BackupDrEventFilter,
  BackupDrHostFilter,
  BackupDrJobFilter,
} from './resource-filters.input.js';
import { BackupDrSort } from './sort.input.js';

/** `first`, `after`, a resource's filter and `sort`: the arguments of every console list. */
export function BackupDrListArgs<F extends BackupDrListFilter>(filter: ClassType<F>) {
  @ArgsType()
  abstract class ListArgs extends PageArgs {
    @Field(() => filter, { nullable: true })
    filter?: F | null;

    @Field(() => [BackupDrSort], { nullable: true, description: 'Console sort keys, in order (fields of the console\'s `sortablefields`). Default: the order the list field names, else console id ascending.' })
    sort?: BackupDrSort[] | null;
  }
  return ListArgs;
}

@ArgsType()
export class BackupDrPlainListArgs extends BackupDrListArgs(BackupDrListFilter) {}
@ArgsType()
export class BackupDrApplicationsArgs extends BackupDrListArgs(BackupDrApplicationFilter) {}
@ArgsType()
export class BackupDrHostsArgs extends BackupDrListArgs(BackupDrHostFilter) {}
@ArgsType()
export class BackupDrBackupsArgs extends BackupDrListArgs(BackupDrBackupFilter) {}
@ArgsType()
export class BackupDrJobsArgs extends BackupDrListArgs(BackupDrJobFilter) {}
@ArgsType()
export class BackupDrDiskPoolsArgs extends BackupDrListArgs(BackupDrDiskPoolFilter) {}
@ArgsType()
export class BackupDrEventsArgs extends BackupDrListArgs(BackupDrEventFilter) {}
@ArgsType()
export class BackupDrAuditArgs extends BackupDrListArgs(BackupDrAuditFilter) {}
