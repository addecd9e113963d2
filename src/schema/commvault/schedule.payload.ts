import { Field, ID, Int } from 'type-graphql';
import type { CvSchedule } from '../../datasources/commvault/schedule-model.js';
import { ObjectType } from '../object-type.js';
import { CommvaultSchedule } from './schedule.type.js';

@ObjectType('CommvaultScheduleChangePayload', { description: 'A schedule created or changed, as read back from the CommServe.' })
export class CommvaultScheduleChangePayload {
  @Field(() => ID, { nullable: true, description: 'The schedule; null only when a created schedule could not be read back (its task was made).' })
  id!: string | null;

  @Field(() => Int, { description: 'The task: what the CommServe answered to a creation.' })
  taskId!: number;

  @Field(() => Int, { nullable: true, description: 'The subtask; null as `id`.' })
  scheduleId!: number | null;

  @Field(() => CommvaultSchedule, { nullable: true, description: 'The schedule read back after the change; null when that read failed (the change was made).' })
  schedule!: CvSchedule | null;
}

@ObjectType('DeleteCommvaultSchedulePayload')
export class DeleteCommvaultSchedulePayload {
  @Field(() => ID, { description: 'The schedule deleted.' })
  id!: string;

  @Field(() => Int)
  taskId!: number;

  @Field(() => Int)
  scheduleId!: number;
}
