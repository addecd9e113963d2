import { Field, ID, Int } from 'type-graphql';
import type { CvRef } from '../../datasources/commvault/model.js';
import type {
  CvBackupWindow, CvPlanBackupDestination, CvPlanEntityCount, CvPlanSchedule, CvPlanSla, CvRetentionRule,
} from '../../datasources/commvault/protection-model.js';
import type { CvWeekdayOfMonth } from '../../datasources/commvault/schedule-model.js';
import { ObjectType } from '../object-type.js';
import type { Holds, Same } from '../record-checks.js';
import { CommvaultNamedRef } from './admin-operations.payload.js';
import { RetentionRule } from './retention-rule.type.js';
import { CommvaultWeekdayOfMonth } from './schedule.type.js';

@ObjectType('CommvaultPlanBackupDestination', {
  description: 'A plan\'s backup destination: one storage policy copy (`GET /V4/ServerPlan/{id}/BackupDestinations`).',
})
export class CommvaultPlanBackupDestination {
  @Field(() => ID, { description: 'What `updateRetention(target:)` takes.' })
  id!: string;

  @Field(() => Int)
  planId!: number;

  @Field(() => Int, { description: 'The storage policy copy id (`planBackupDestination.id`).' })
  copyId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => CommvaultNamedRef, { nullable: true })
  storagePool!: CvRef | null;

  @Field(() => String, { nullable: true, description: 'DEDUPLICATION, SECONDARY_COPY, NON_DEDUPLICATION or SCALE_OUT.' })
  storagePoolType!: string | null;

  @Field(() => Int, { nullable: true, description: 'The pool\'s own retention, days: what the copy keeps unless it overrides it.' })
  storagePoolRetentionDays!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The pool is WORM: its retention cannot be shortened.' })
  worm!: boolean | null;

  @Field(() => String, { nullable: true, description: 'DISK, CLOUD, HYPERSCALE or TAPE.' })
  storageType!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The primary copy.' })
  isDefault!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isSnapCopy!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  isMirrorCopy!: boolean | null;

  @Field(() => String, { nullable: true, description: 'SYNCHRONOUS (every job) or SELECTIVE (some fulls).' })
  copyType!: string | null;

  @Field(() => String, { nullable: true, description: 'DEFAULT_MIRROR, DEFAULT_VAULT_REPLICA, MIRROR, VAULT_REPLICA or SNAPSHOT_PRIMARY.' })
  copyTypeName!: string | null;

  @Field(() => Int, { nullable: true, description: 'The order restores try copies in (1 = primary).' })
  copyPrecedence!: number | null;

  @Field(() => CommvaultNamedRef, { nullable: true, description: 'The copy this one copies from; null for the primary.' })
  sourceCopy!: CvRef | null;

  @Field(() => CommvaultNamedRef, { nullable: true, description: 'The region; null when none is set.' })
  region!: CvRef | null;

  @Field(() => String, { nullable: true, description: 'Which backups are copied, as Commvault spells it (`All_JOBS`, `WEEKLY_FULLS`…).' })
  backupsToCopy!: string | null;

  @Field(() => String, { nullable: true, description: 'FIRST or LAST full of each period, for selective copies.' })
  fullBackupTypesToCopy!: string | null;

  @Field(() => RetentionRule)
  retention!: CvRetentionRule;
}

@ObjectType('CommvaultBackupWindow', { description: 'When backups may run: days of the week and a span of the day, in the CommServe\'s time.' })
export class CommvaultBackupWindow {
  @Field(() => [String], { description: 'MONDAY … SUNDAY.' })
  daysOfWeek!: string[];

  @Field(() => Int, { nullable: true, description: 'Seconds after midnight.' })
  startSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Seconds after midnight.' })
  endSeconds!: number | null;
}

@ObjectType('CommvaultPlanSchedule', { description: 'A schedule of a plan\'s RPO (`rpo.backupFrequency.schedules`), in Commvault\'s terms.' })
export class CommvaultPlanSchedule {
  @Field(() => Int, { nullable: true })
  scheduleId!: number | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Int, { nullable: true, description: 'The schedule policy holding it.' })
  policyId!: number | null;

  @Field(() => String, { nullable: true, description: 'FULL, INCREMENTAL, DIFFERENTIAL, SYNTHETICFULL or TRANSACTIONLOG.' })
  backupType!: string | null;

  @Field(() => Boolean, { nullable: true })
  forDatabasesOnly!: boolean | null;

  @Field(() => String, { nullable: true, description: 'MINUTES, DAILY, WEEKLY, MONTHLY, YEARLY or AUTOMATIC.' })
  frequencyType!: string | null;

  @Field(() => Int, { nullable: true, description: 'Every this many units of the frequency type.' })
  frequency!: number | null;

  @Field(() => [String])
  weeklyDays!: string[];

  @Field(() => Int, { nullable: true })
  dayOfMonth!: number | null;

  @Field(() => String, { nullable: true })
  weekOfMonth!: string | null;

  @Field(() => String, { nullable: true })
  dayOfWeek!: string | null;

  @Field(() => String, { nullable: true })
  monthOfYear!: string | null;

  @Field(() => Int, { nullable: true, description: 'Seconds after midnight.' })
  startSeconds!: number | null;

  @Field(() => Int, { nullable: true })
  repeatIntervalMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Automatic (log) schedules: longest time between backups.' })
  maxBackupIntervalMinutes!: number | null;

  @Field(() => String, { nullable: true })
  timeZone!: string | null;

  @Field(() => [Int], { description: 'Days of the month (1–31) it does not run on (`schedulePattern.exceptions[].onDates`).' })
  exceptDaysOfMonth!: number[];

  @Field(() => [CommvaultWeekdayOfMonth], { description: 'Days by their place in the month it does not run on (`exceptions[]`: every `onWeekOfTheMonth` with every `onDayOfTheWeek` of an entry).' })
  exceptWeekdaysOfMonth!: CvWeekdayOfMonth[];
}

@ObjectType('CommvaultPlanSla')
export class CommvaultPlanSla {
  @Field(() => Int, { nullable: true, description: 'Minutes.' })
  periodMinutes!: number | null;

  @Field(() => Boolean, { nullable: true })
  useSystemDefault!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Where the SLA comes from, e.g. COMMCELL.' })
  inheritedFrom!: string | null;

  @Field(() => Boolean, { nullable: true })
  excludedFromSla!: boolean | null;
}

@ObjectType('CommvaultPlanEntityCount', { description: 'A kind of entity the plan protects, and how many.' })
export class CommvaultPlanEntityCount {
  @Field(() => Int, { nullable: true })
  id!: number | null;

  @Field(() => String, { description: 'e.g. Servers, Server groups, Virtual machines.' })
  name!: string;

  @Field(() => Int)
  count!: number;
}

export type PlanDetailChecks = [
  Holds<Same<CommvaultPlanBackupDestination, CvPlanBackupDestination>>,
  Holds<Same<CommvaultBackupWindow, CvBackupWindow>>,
  Holds<Same<CommvaultPlanSchedule, CvPlanSchedule>>,
  Holds<Same<CommvaultPlanSla, CvPlanSla>>,
  Holds<Same<CommvaultPlanEntityCount, CvPlanEntityCount>>,
];
