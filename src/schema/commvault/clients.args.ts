import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';

@ArgsType()
export class CommvaultClientsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of name, display name or host name.' })
  search?: string | null;
}
