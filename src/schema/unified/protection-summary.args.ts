import { ArgsType, Field, ID, Int } from 'type-graphql';

@ArgsType()
export class ProtectionSummaryArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every upstream you may see.' })
  upstream?: string | null;

  @Field(() => Int, { defaultValue: 7, description: 'The window: a workload with no successful backup started in the last `days` days (1..365) is unprotected.' })
  days!: number;

  @Field(() => Int, { defaultValue: 2, description: 'A protected workload whose newest successful backup started more than this many days ago (1..days-1) is stale.' })
  staleAfterDays!: number;
}
