import { ArgsType, Field } from 'type-graphql';
import { JobConditions } from './job-conditions.input.js';
import { PageArgs } from './page.args.js';

/** Jobs of one parent object (client, subclient): the parent fixes upstream and client. */
@ArgsType()
export class ScopedJobsArgs extends PageArgs {
  @Field(() => JobConditions, { nullable: true })
  filter?: JobConditions | null;
}
