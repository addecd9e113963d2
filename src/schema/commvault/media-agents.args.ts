import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class CommvaultMediaAgentsArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only online (true) or offline (false) MediaAgents.' })
  online?: boolean | null;
}
