import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { JobStatus } from './job-status.enum.js';

@ObjectType('JobStatusCount', { description: 'How many jobs have one status.' })
export class JobStatusCount {
  @Field(() => JobStatus)
  status!: JobStatus;

  @Field(() => Int)
  count!: number;
}
