import { ArgsType, Field } from 'type-graphql';
import { EventFilter } from './event-filter.input.js';
import { PageArgs } from './page.args.js';

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventFilter, { nullable: true })
  filter?: EventFilter | null;
}
