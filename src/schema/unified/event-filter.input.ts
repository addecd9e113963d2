import { Field, ID, InputType } from 'type-graphql';
import { EventConditions } from './event-conditions.input.js';

@InputType({ description: 'Which events and alerts `Query.events` returns; every condition given must hold.' })
export class EventFilter extends EventConditions {
  @Field(() => [ID], { nullable: true, description: 'Upstream instance ids to ask. Default: every upstream you may see.' })
  upstream?: string[] | null;
}
