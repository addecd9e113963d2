import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class JobStatusSummaryArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every upstream you may see.' })
  upstream?: string | null;

  @Field(() => Date, { nullable: true, description: 'Count jobs started at or after this time. Default: 24 hours before `until`.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Count jobs started before this time. Default: now. At most 31 days after `since`.' })
  until?: Date | null;
}
