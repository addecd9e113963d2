import { Field, InputType } from 'type-graphql';
import { EventSeverity } from './event-severity.enum.js';

@InputType({ description: 'Conditions on events and alerts; every condition given must hold.' })
export class EventConditions {
  @Field(() => [EventSeverity], { nullable: true, description: 'Only these severities; an event of unknown severity matches none.' })
  severity?: EventSeverity[] | null;

  @Field(() => Date, { nullable: true, description: 'Only events at or after this time.' })
  after?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events before this time.' })
  before?: Date | null;
}
