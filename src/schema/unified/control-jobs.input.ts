import { Field, ID, InputType } from 'type-graphql';
import { IDEMPOTENCY_KEY } from './idempotency-key.js';
import { JobAction } from './job-action.enum.js';

@InputType({ description: 'Pause, resume, kill or resubmit jobs of any product.' })
export class ControlJobsInput {
  @Field(() => [ID], { description: 'Job global ids (CommvaultJob, BackupDrJob), 1 to 100, no repeats; they may be on different upstreams.' })
  jobs!: string[];

  @Field(() => JobAction)
  action!: JobAction;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY })
  idempotencyKey?: string | null;
}
