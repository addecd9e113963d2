import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';
import { CommvaultEventFilter } from './event-filter.input.js';

@ArgsType()
export class CommvaultEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => CommvaultEventFilter, { nullable: true })
  filter?: CommvaultEventFilter | null;
}
