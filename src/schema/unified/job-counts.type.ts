import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { JobStatusCount } from './job-status-count.type.js';

/** The counts JobStatusSummary and JobTypeSummary share (a base class, not a schema type of its own). */
@ObjectType()
export abstract class JobCounts {
  @Field(() => Int, { description: 'Jobs started in the window.' })
  total!: number;

  @Field(() => Int, { description: 'RUNNING, PENDING, WAITING or SUSPENDED: no outcome yet.' })
  activeCount!: number;

  @Field(() => Int, { description: 'COMPLETED or COMPLETED_WITH_ERRORS: a usable recovery point or result.' })
  successCount!: number;

  @Field(() => Int, { description: 'FAILED or KILLED. Drill in with `jobs(filter: {status: [FAILED, KILLED], startedAfter, startedBefore})`.' })
  failedCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'successCount / (successCount + failedCount), percent 0..100; null while no job has an outcome.',
  })
  successPercent!: number | null;

  @Field(() => [JobStatusCount], { description: 'Every JobStatus in enum order, zeros included.' })
  byStatus!: JobStatusCount[];
}
