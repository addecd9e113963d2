import type { UpstreamRef } from '../../datasources/record.js';
import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { JobCounts } from './job-counts.type.js';
import { Upstream } from './upstream.type.js';

@ObjectType('UpstreamJobSummary', {
  description: 'Job counts of one upstream in the window: `jobs(filter: {upstream: [id], startedAfter: since, startedBefore: until})` drills in.',
})
export class UpstreamJobSummary extends JobCounts {
  @Field(() => Upstream)
  upstream!: UpstreamRef;
}
