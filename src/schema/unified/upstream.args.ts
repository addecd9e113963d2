import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class UpstreamArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every upstream you may see.' })
  upstream?: string | null;
}
