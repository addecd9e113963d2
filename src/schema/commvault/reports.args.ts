import { ArgsType, Field, ID } from 'type-graphql';
import { PageArgs } from '../unified/page.args.js';

@ArgsType()
export class CommvaultCapacityReportArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => Date, { nullable: true, description: 'Count backups started at or after this time. Default: 7 days before `until`.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Count backups started before this time. Default: now. At most 31 days after `since`.' })
  until?: Date | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the client\'s name.' })
  search?: string | null;
}

@ArgsType()
export class CommvaultJobSummaryReportArgs {
  @Field(() => ID, { nullable: true, description: 'One upstream instance id. Default: every CommServe you may see.' })
  upstream?: string | null;

  @Field(() => Date, { nullable: true, description: 'Count jobs started at or after this time. Default: 24 hours before `until`.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Count jobs started before this time. Default: now. At most 31 days after `since`.' })
  until?: Date | null;
}
