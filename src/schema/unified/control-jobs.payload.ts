import { Field, ID } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Job } from './job.type.js';
import { OperationError } from './operation-error.type.js';

@ObjectType('JobControlResult', { description: 'What became of one job of `controlJobs`.' })
export class JobControlResult {
  @Field(() => ID, { description: 'The job id as given.' })
  jobId!: string;

  @Field(() => Boolean, { description: 'Whether the upstream accepted the action.' })
  ok!: boolean;

  @Field(() => Job, { nullable: true, description: 'The job\'s state after the action (null when it could not be read).' })
  job!: Job | null;

  @Field(() => Job, { nullable: true, description: 'RESUBMIT: the new job.' })
  resubmittedJob!: Job | null;

  @Field(() => OperationError, { nullable: true })
  error!: OperationError | null;
}

@ObjectType('ControlJobsPayload')
export class ControlJobsPayload {
  @Field(() => [JobControlResult], { description: 'One per job, in input order.' })
  results!: JobControlResult[];
}
