import { Field, ID, InputType, Int } from 'type-graphql';
import { EventConditions } from '../unified/event-conditions.input.js';

@InputType({ description: 'Which events `commvaultEvents` returns; every condition given must hold.' })
export class CommvaultEventFilter extends EventConditions {
  @Field(() => ID, { nullable: true, description: 'A CommvaultClient global id.' })
  client?: string | null;

  @Field(() => Int, { nullable: true })
  jobId?: number | null;
}
