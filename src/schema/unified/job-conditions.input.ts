import { Field, InputType } from 'type-graphql';
import { JobCategory } from './job-category.enum.js';
import { JobStatus } from './job-status.enum.js';

@InputType({
  description:
    'Conditions on a job itself. `category`, `jobType` and the client are served by the upstream; `status` ' +
    'subsets and the time window are applied by the gateway over the whole window, which costs more upstream calls.',
})
export class JobConditions {
  @Field(() => JobCategory, { nullable: true, description: 'Active or finished jobs only. Default ALL.' })
  category?: JobCategory | null;

  @Field(() => [JobStatus], { nullable: true })
  status?: JobStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Product job types, e.g. `Backup`, `Restore`. Default: all types.' })
  jobType?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Only jobs started at or after this time.' })
  startedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only jobs started before this time.' })
  startedBefore?: Date | null;
}
