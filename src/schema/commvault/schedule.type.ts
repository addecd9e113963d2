import { Field, ID, Int } from 'type-graphql';
import type { UpstreamRef } from '../../datasources/record.js';
import type { CvSchedule, CvScheduleAssociation, CvSchedulePattern, CvWeekdayOfMonth } from '../../datasources/commvault/schedule-model.js';
import type { CvRelativeDay, CvRelativeWeek } from '../../datasources/commvault/schedule-names.js';
import { ObjectType } from '../object-type.js';
import { CommvaultRelativeDay, CommvaultRelativeWeek } from './schedule.enums.js';
import type { Holds, Same } from '../record-checks.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultWeekdayOfMonth', { description: 'A day by its place in the month, e.g. the last Sunday or the first weekday (as a relative pattern counts them).' })
export class CommvaultWeekdayOfMonth {
  @Field(() => CommvaultRelativeWeek)
  week!: CvRelativeWeek;

  @Field(() => CommvaultRelativeDay)
  day!: CvRelativeDay;
}

@ObjectType('CommvaultSchedulePattern', {
  description: 'A schedule\'s pattern in the CommServe\'s own terms (`pattern`): dates are Unix seconds at 00:00 UTC of the date, times seconds after midnight; 0 means unset.',
})
export class CommvaultSchedulePattern {
  @Field(() => Int, { nullable: true, description: '`freq_type`: 1 one time, 2 on demand, 4 daily, 8 weekly, 16 monthly, 32 monthly relative, 64 yearly, 128 yearly relative, 1024 automatic, 4096 continuous.' })
  freqType!: number | null;

  @Field(() => String, { nullable: true, description: '`freq_type` when it came as a name (e.g. `After_Job_Completes`).' })
  freqTypeName!: string | null;

  @Field(() => Int, { nullable: true, description: '`freq_interval`: weekly a bitmask (Sunday 1 … Saturday 64), monthly the day, relative the day kind (1 Sunday … 7 Saturday, 8 day, 9 weekday, 10 weekend day).' })
  freqInterval!: number | null;

  @Field(() => Int, { nullable: true, description: '`freq_recurrence_factor`: every N days, weeks or months; yearly the month.' })
  freqRecurrenceFactor!: number | null;

  @Field(() => Int, { nullable: true, description: '`freq_relative_interval`: 1 first … 4 fourth, 5 last.' })
  freqRelativeInterval!: number | null;

  @Field(() => Int, { nullable: true, description: '`freq_subday_interval`: seconds between repeats within a day, until `activeEndTime`.' })
  freqSubdayInterval!: number | null;

  @Field(() => Int, { nullable: true })
  activeStartDate!: number | null;

  @Field(() => Int, { nullable: true })
  activeStartTime!: number | null;

  @Field(() => Int, { nullable: true })
  activeEndDate!: number | null;

  @Field(() => Int, { nullable: true })
  activeEndTime!: number | null;

  @Field(() => Int, { nullable: true, description: '`active_end_occurence` (sic): at most this many runs.' })
  activeEndOccurrence!: number | null;

  @Field(() => Int, { nullable: true })
  patternId!: number | null;

  @Field(() => String, { nullable: true, description: 'The CommServe\'s own description, when it sends one.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: '`timeZone.TimeZoneName`: `CommServe Time Zone`, `Client Time Zone`, `UTC` or a Windows zone name.' })
  timeZoneName!: string | null;

  @Field(() => [Int], { description: 'Days of the month (1–31) the pattern skips: `repeatPattern` entries with `exception: true`, their `onDayNumber` bitmask (day d = bit d−1) decoded. `nextRuns` leaves these days out.' })
  exceptDaysOfMonth!: number[];

  @Field(() => [CommvaultWeekdayOfMonth], {
    description: 'Days by their place in the month the pattern skips (a plan\'s schedules only: V4 `schedulePattern.exceptions[]`, every `onWeekOfTheMonth` with every `onDayOfTheWeek` of an entry; the task form has none). `nextRuns` leaves these days out.',
  })
  exceptWeekdaysOfMonth!: CvWeekdayOfMonth[];
}

@ObjectType('CommvaultScheduleAssociation', { description: 'An entity the schedule\'s task is associated with.' })
export class CommvaultScheduleAssociation {
  @Field(() => Int, { nullable: true })
  clientId!: number | null;

  @Field(() => String, { nullable: true })
  clientName!: string | null;

  @Field(() => String, { nullable: true })
  appName!: string | null;

  @Field(() => String, { nullable: true })
  backupsetName!: string | null;

  @Field(() => Int, { nullable: true })
  subclientId!: number | null;

  @Field(() => String, { nullable: true })
  subclientName!: string | null;
}

@ObjectType('CommvaultScheduleRun', { description: 'One run a schedule\'s pattern sets.' })
export class CommvaultScheduleRun {
  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'The same instant on the wall clock of the schedule\'s time zone, ISO 8601 with its offset (`2027-03-14T21:00:00-04:00`).' })
  local!: string;
}

/**
 * One schedule: a subtask of a schedule task (a subclient's or client's own) or of a schedule policy (a
 * plan's). `kind`, `frequency`, `description`, `timeZone`, `nextRuns` and, when the list left it out,
 * `backupLevel` are resolved (src/resolvers/commvault/schedule.resolver.ts).
 */
@ObjectType('CommvaultSchedule', {
  description: 'A Commvault schedule: one subtask of a schedule task or schedule policy, with its pattern in the upstream\'s terms and in plain terms.',
})
export class CommvaultSchedule {
  @Field(() => ID, { description: 'What the schedule mutations take.' })
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int, { description: 'The task (or schedule policy) id; enabling and disabling act on the whole task.' })
  taskId!: number;

  @Field(() => String, { nullable: true })
  taskName!: string | null;

  @Field(() => Int, { nullable: true, description: '`task.taskType`: 2 schedule, 4 schedule policy.' })
  taskType!: number | null;

  @Field(() => Int, { nullable: true, description: '`task.policyType` of a schedule policy: 0 data protection, 1 aux copy, 3 backup copy…' })
  policyType!: number | null;

  @Field(() => String, { nullable: true })
  ownerName!: string | null;

  @Field(() => Boolean, { description: 'The task is not disabled (`taskFlags.disabled`).' })
  enabled!: boolean;

  @Field(() => Boolean, { description: 'A schedule the CommServe made for itself (`taskFlags.isSystem`).' })
  isSystem!: boolean;

  @Field(() => Int, { description: 'The subtask id (`subTaskId`).' })
  scheduleId!: number;

  @Field(() => String, { nullable: true, description: 'The subtask name.' })
  name!: string | null;

  @Field(() => Int, { nullable: true })
  subTaskType!: number | null;

  @Field(() => Int, { nullable: true, description: '`subTask.operationType` as the CommServe gives it.' })
  operationType!: number | null;

  @Field(() => Int, { nullable: true, description: '`subTask.flags` (a plan\'s 65536 incremental, 4194304 full schedule).' })
  flags!: number | null;

  @Field(() => String, { nullable: true, description: 'A backup schedule\'s level as the CommServe names it (`Full`, `Incremental`, `Differential`, `Synthetic_full`).' })
  backupLevel!: string | null | undefined;

  @Field(() => CommvaultSchedulePattern)
  pattern!: CvSchedulePattern;

  @Field(() => Date, { nullable: true, description: 'The next run as the CommServe states it (`nextScheduleTime`), when it does.' })
  upstreamNextRunAt!: Date | null;

  @Field(() => [CommvaultScheduleAssociation])
  associations!: CvScheduleAssociation[];

  /** Resolved: the operation type by name. */
  kind!: string;
  /** Resolved: the pattern's `freq_type` by name. */
  frequency!: string;
  /** Resolved: the pattern in words. */
  description!: string;
  /** Resolved: the IANA zone the run times are in. */
  timeZone!: string | null;
  /** Resolved from the pattern. */
  nextRuns!: unknown;

  /** Not a field: the record's GraphQL type name. */
  __typename!: 'CommvaultSchedule';
}

export type ScheduleChecks = [
  Holds<Same<CommvaultSchedule, CvSchedule, 'kind' | 'frequency' | 'description' | 'timeZone' | 'nextRuns'>>,
  Holds<Same<CommvaultSchedulePattern, CvSchedulePattern>>,
  Holds<Same<CommvaultScheduleAssociation, CvScheduleAssociation>>,
  Holds<Same<CommvaultWeekdayOfMonth, CvWeekdayOfMonth>>,
];
