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
import {
  APPLIANCE_SORT,
  APPLICATION_SORT,
  AUDIT_RECORD_SORT,
  BACKUP_SORT,
  CONSISTENCY_GROUP_SORT,
  DISK_POOL_SORT,
  EVENT_SORT,
  HOST_SORT,
  JOB_SORT,
  LOGICAL_GROUP_SORT,
  ORGANIZATION_SORT,
  ROLE_SORT,
  SLA_SORT,
  SLP_SORT,
  SLT_SORT,
  USER_SORT,
} from './sort-fields.js';
import type { BackupDrSortKey, SortInput } from './sort.input.js';

/** `first`, `after`, a resource's filter and its typed `sort`: the arguments of every console list. */
export function BackupDrListArgs<F extends BackupDrListFilter>(filter: ClassType<F>, sort: SortInput<string>) {
  @ArgsType()
  abstract class ListArgs extends PageArgs {
    @Field(() => filter, { nullable: true })
    filter?: F | null;

    @Field(() => [sort.input], {
      nullable: true,
      description: 'Sort keys, in order. Default: the order the list field names, else console id ascending.',
    })
    sort?: BackupDrSortKey[] | null;
  }
  return ListArgs;
}

@ArgsType()
export class BackupDrApplicationsArgs extends BackupDrListArgs(BackupDrApplicationFilter, APPLICATION_SORT) {}
@ArgsType()
export class BackupDrHostsArgs extends BackupDrListArgs(BackupDrHostFilter, HOST_SORT) {}
@ArgsType()
export class BackupDrConsistencyGroupsArgs extends BackupDrListArgs(BackupDrListFilter, CONSISTENCY_GROUP_SORT) {}
@ArgsType()
export class BackupDrLogicalGroupsArgs extends BackupDrListArgs(BackupDrListFilter, LOGICAL_GROUP_SORT) {}
@ArgsType()
export class BackupDrBackupsArgs extends BackupDrListArgs(BackupDrBackupFilter, BACKUP_SORT) {}
@ArgsType()
export class BackupDrJobsArgs extends BackupDrListArgs(BackupDrJobFilter, JOB_SORT) {}
@ArgsType()
export class BackupDrEventsArgs extends BackupDrListArgs(BackupDrEventFilter, EVENT_SORT) {}
@ArgsType()
export class BackupDrAuditArgs extends BackupDrListArgs(BackupDrAuditFilter, AUDIT_RECORD_SORT) {}
@ArgsType()
export class BackupDrSltsArgs extends BackupDrListArgs(BackupDrListFilter, SLT_SORT) {}
@ArgsType()
export class BackupDrSlpsArgs extends BackupDrListArgs(BackupDrListFilter, SLP_SORT) {}
@ArgsType()
export class BackupDrSlasArgs extends BackupDrListArgs(BackupDrListFilter, SLA_SORT) {}
@ArgsType()
export class BackupDrDiskPoolsArgs extends BackupDrListArgs(BackupDrDiskPoolFilter, DISK_POOL_SORT) {}
@ArgsType()
export class BackupDrAppliancesArgs extends BackupDrListArgs(BackupDrListFilter, APPLIANCE_SORT) {}
@ArgsType()
export class BackupDrUsersArgs extends BackupDrListArgs(BackupDrListFilter, USER_SORT) {}
@ArgsType()
export class BackupDrRolesArgs extends BackupDrListArgs(BackupDrListFilter, ROLE_SORT) {}
@ArgsType()
export class BackupDrOrganizationsArgs extends BackupDrListArgs(BackupDrListFilter, ORGANIZATION_SORT) {}
