import { ArgsType, Field, ID } from 'type-graphql';
import { EventConditions } from '../unified/event-conditions.input.js';
import { PageArgs } from '../unified/page.args.js';

@ArgsType()
export class CommvaultTriggeredAlertsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => EventConditions, { nullable: true })
  filter?: EventConditions | null;
}
