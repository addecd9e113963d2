import { Field, ID, InputType, Int } from 'type-graphql';
import { BackupLevel } from './operations.enums.js';
import { CommvaultRelativeDay, CommvaultRelativeWeek, CommvaultScheduleFrequency, CommvaultWeekday } from './schedule.enums.js';

@InputType({ description: 'A day by its place in the month: the `week`-th (or last) `day` of it.' })
export class CommvaultWeekdayOfMonthInput {
  @Field(() => CommvaultRelativeWeek)
  week!: CommvaultRelativeWeek;

  @Field(() => CommvaultRelativeDay, { description: 'A weekday, DAY (any day), WEEKDAY (Monday–Friday) or WEEKEND_DAY.' })
  day!: CommvaultRelativeDay;
}

@InputType({ description: 'A schedule pattern in plain terms; dates and times on the CommServe\'s wall clock (its time zone).' })
export class CommvaultSchedulePatternInput {
  @Field(() => CommvaultScheduleFrequency, { description: 'ONE_TIME, DAILY, WEEKLY, MONTHLY, MONTHLY_RELATIVE, YEARLY or YEARLY_RELATIVE.' })
  frequency!: CommvaultScheduleFrequency;

  @Field(() => String, { description: 'YYYY-MM-DD: the first day it may run (a one-time pattern\'s day).' })
  startDate!: string;

  @Field(() => String, { description: 'HH:MM.' })
  startTime!: string;

  @Field(() => Int, { nullable: true, description: 'Every N days, weeks or months (1 to 999). @default 1' })
  every?: number | null;

  @Field(() => [CommvaultWeekday], { nullable: true, description: 'WEEKLY: the days it runs.' })
  weekDays?: CommvaultWeekday[] | null;

  @Field(() => Int, { nullable: true, description: 'MONTHLY, YEARLY: the day of the month (a day past the month\'s end runs on its last day).' })
  dayOfMonth?: number | null;

  @Field(() => CommvaultRelativeWeek, { nullable: true, description: 'MONTHLY_RELATIVE, YEARLY_RELATIVE: which one of the month.' })
  relativeWeek?: CommvaultRelativeWeek | null;

  @Field(() => CommvaultRelativeDay, { nullable: true, description: 'MONTHLY_RELATIVE, YEARLY_RELATIVE: of which days.' })
  relativeDay?: CommvaultRelativeDay | null;

  @Field(() => Int, { nullable: true, description: 'YEARLY, YEARLY_RELATIVE: the month, 1 to 12.' })
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'Repeat within each run day every N minutes (1 to 1439)…' })
  repeatEveryMinutes?: number | null;

  @Field(() => String, { nullable: true, description: '…until HH:MM (default 23:59).' })
  repeatUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: no run after this day.' })
  endDate?: string | null;

  @Field(() => Int, { nullable: true, description: 'At most this many runs in all.' })
  maxRuns?: number | null;

  @Field(() => [Int], { nullable: true, description: 'Days of the month (1 to 31) with no run, whatever the pattern says: its exceptions.' })
  exceptDaysOfMonth?: number[] | null;

  @Field(() => [CommvaultWeekdayOfMonthInput], {
    nullable: true,
    description: 'Days by their place in the month with no run (e.g. the last Sunday). Plan schedules only (V4 `exceptions[]` `onWeekOfTheMonth` with `onDayOfTheWeek`): a subclient\'s or client\'s schedule refuses it with BAD_USER_INPUT, its pattern having no such exception.',
  })
  exceptWeekdaysOfMonth?: CommvaultWeekdayOfMonthInput[] | null;
}

@InputType({ description: 'A backup schedule for one subclient, for a whole client, or one more schedule of a plan\'s RPO: exactly one of `subclient`, `client` and `plan`.' })
export class CreateCommvaultScheduleInput {
  @Field(() => ID, { nullable: true, description: 'The CommvaultSubclient to back up (a schedule task of its own).' })
  subclient?: string | null;

  @Field(() => ID, { nullable: true, description: 'The CommvaultPlan (a server plan) whose RPO gains the schedule; it backs up everything the plan protects. Not ONE_TIME; `enabled` follows the plan.' })
  plan?: string | null;

  @Field(() => ID, { nullable: true, description: 'The CommvaultClient to back up, all its subclients: a schedule policy named `name` associated with the client (`taskType` 4).' })
  client?: string | null;

  @Field(() => String, { description: 'The schedule\'s name (1 to 128 characters).' })
  name!: string;

  @Field(() => BackupLevel, { nullable: true, defaultValue: BackupLevel.INCREMENTAL })
  backupLevel?: BackupLevel | null;

  @Field(() => CommvaultSchedulePatternInput)
  pattern!: CommvaultSchedulePatternInput;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  enabled?: boolean | null;
}

@InputType({ description: 'A change to a schedule; a field left out keeps its value, a pattern replaces the whole pattern.' })
export class UpdateCommvaultScheduleInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => BackupLevel, { nullable: true })
  backupLevel?: BackupLevel | null;

  @Field(() => CommvaultSchedulePatternInput, { nullable: true })
  pattern?: CommvaultSchedulePatternInput | null;
}
