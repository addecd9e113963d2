import { ArgsType, Field } from 'type-graphql';

@ArgsType()
export class HealthReportsArgs {
  @Field(() => Date, { description: 'Reports of hours starting at or after this time.' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'Reports of hours starting before this time. Default: now. At most 400 days after `since`.' })
  until?: Date | null;
}
