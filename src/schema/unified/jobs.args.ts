import { ArgsType, Field } from 'type-graphql';
import { JobFilter } from './job-filter.input.js';
import { PageArgs } from './page.args.js';

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => JobFilter, { nullable: true })
  filter?: JobFilter | null;
}
