import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class UnprotectedWorkloadsArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every upstream you may see.' })
  upstream?: string | null;

  @Field(() => Int, { defaultValue: 7, description: 'The window: no successful backup started in the last `days` days (1..365).' })
  days!: number;
}
