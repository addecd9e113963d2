import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { JobStatusCount } from './job-status-count.type.js';
import { Upstream } from './upstream.type.js';

@ObjectType('JobHistoryDay', { description: 'The stored job outcomes of one UTC day (a job counts on the day it started).' })
export class JobHistoryDay {
  @Field(() => String, { description: 'UTC day, `YYYY-MM-DD`.' })
  day!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => [JobStatusCount], { description: 'Jobs per status, most first; statuses with none are left out.' })
  byStatus!: JobStatusCount[];

  @Field(() => Float, { description: 'Bytes the jobs moved (jobs without a figure count 0).' })
  bytes!: number;

  @Field(() => Float, { nullable: true, description: 'Average duration of the jobs that report one, seconds; null when none does.' })
  averageDurationSeconds!: number | null;
}

@ObjectType('UpstreamJobHistory', { description: 'One upstream\'s days.' })
export class UpstreamJobHistory {
  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => [JobHistoryDay], { description: 'Oldest first; days without a stored job are left out.' })
  days!: JobHistoryDay[];
}

@ObjectType('JobHistory', {
  description: 'Job outcomes per day from the gateway\'s store: kept after an upstream ages its jobs out (docs/history.md).',
})
export class JobHistory {
  @Field(() => [JobHistoryDay], { description: 'All the upstreams asked together, oldest first.' })
  days!: JobHistoryDay[];

  @Field(() => [UpstreamJobHistory], { description: 'Per upstream asked, in configuration order.' })
  upstreams!: UpstreamJobHistory[];
}
