import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class JobHistoryArgs {
  @Field(() => Date, { description: 'Jobs started at or after this time (days are UTC).' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'Jobs started before this time. Default: now. At most 400 days after `since`.' })
  until?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Upstream instance ids. Default: every upstream you may see.' })
  upstream?: string[] | null;
}
