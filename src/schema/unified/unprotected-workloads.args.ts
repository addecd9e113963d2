import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class UnprotectedWorkloadsArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every upstream you may see.' })
  upstream?: string | null;

  @Field(() => Int, { defaultValue: 7, description: 'The window: no successful backup started in the last `days` days (1..365).' })
  days!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'The window in hours instead (1..8760): no successful backup started in the last `hours` hours. When given, `days` is not used.',
  })
  hours?: number | null;
}
