import { Field, ID, InputType } from 'type-graphql';
import { BackupLevel, JobAction } from './operations.enums.js';

export const IDEMPOTENCY_KEY =
  'Send the same key again (same caller, within 24 h, same input) to get the first outcome back without a second upstream call; the same key with another input is BAD_USER_INPUT.';

@InputType({ description: 'Start a backup of one Commvault subclient now.' })
export class BackupSubclientInput {
  @Field(() => ID, { description: 'A CommvaultSubclient global id.' })
  subclient!: string;

  @Field(() => BackupLevel)
  level!: BackupLevel;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Pause, resume, kill or resubmit Commvault jobs.' })
export class ControlJobsInput {
  @Field(() => [ID], { description: 'CommvaultJob global ids, 1 to 100, no repeats; they may be on different CommServes.' })
  jobs!: string[];

  @Field(() => JobAction)
  action!: JobAction;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
