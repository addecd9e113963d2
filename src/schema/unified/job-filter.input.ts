import { Field, ID, InputType } from 'type-graphql';
import { JobConditions } from './job-conditions.input.js';

@InputType({ description: 'Which jobs `Query.jobs` returns; every condition given must hold.' })
export class JobFilter extends JobConditions {
  @Field(() => [ID], { nullable: true, description: 'Upstream instance ids to ask. Default: every upstream you may see.' })
  upstream?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A CommvaultClient global id.' })
  client?: string | null;
}
