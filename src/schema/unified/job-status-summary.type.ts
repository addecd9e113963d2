import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { JobCounts } from './job-counts.type.js';
import { JobTypeSummary } from './job-type-summary.type.js';
import type { Job } from './job.type.js';
import { Upstream } from './upstream.type.js';
import { UpstreamJobSummary } from './upstream-job-summary.type.js';

@ObjectType('JobStatusSummary', {
  description:
    'Jobs started in [since, until) across the upstreams that answered, by status and by type. Counted by start time, ' +
    'like the `jobs` filter\'s startedAfter/startedBefore, so each number drills down into that list.',
})
export class JobStatusSummary extends JobCounts {
  @Field(() => Date)
  since!: Date;

  @Field(() => Date)
  until!: Date;

  @Field(() => Float, { description: 'Application bytes of the successful backup jobs: data that got a new recovery point.' })
  protectedBytes!: number;

  @Field(() => [JobTypeSummary], { description: 'Per job type, most jobs first.' })
  byType!: JobTypeSummary[];

  @Field(() => [Upstream], { description: 'The upstreams counted. One that failed is missing here and reported in `errors`.' })
  upstreams!: UpstreamRef[];

  @Field(() => [UpstreamJobSummary], { description: 'The same counts per upstream counted, in configuration order.' })
  byUpstream!: UpstreamJobSummary[];

  /** Not a field: the window's FAILED and KILLED jobs, newest start first, which `failures` pages. */
  failedJobs!: readonly Job[];
}
