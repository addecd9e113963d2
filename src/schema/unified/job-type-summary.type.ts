import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { JobCounts } from './job-counts.type.js';

@ObjectType('JobTypeSummary', { description: 'Job counts of one job type in the window.' })
export class JobTypeSummary extends JobCounts {
  @Field(() => String, { nullable: true, description: 'The product\'s job type, e.g. `Backup`, `Restore`; null for untyped jobs.' })
  jobType!: string | null;
}
