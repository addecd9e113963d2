import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { AlertState } from './alert.type.js';
import { Severity } from './severity.enum.js';

@InputType('AlertFilter', { description: 'Every condition given must hold; a list matches any of its values.' })
export class AlertFilter {
  @Field(() => [AlertState], { nullable: true })
  state?: AlertState[] | null;

  @Field(() => [Severity], { nullable: true })
  severity?: Severity[] | null;

  @Field(() => [ID], { nullable: true, description: 'Upstream instance ids. Default: every upstream you may see.' })
  upstream?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Raised at or after this time.' })
  since?: Date | null;
}

@ArgsType()
export class AlertsArgs {
  @Field(() => AlertFilter, { nullable: true })
  filter?: AlertFilter | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1..server.maxPageSize. Default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page of the same query.' })
  after?: string | null;
}

@ArgsType()
export class AcknowledgeAlertArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'Why, or what is being done; at most 1000 characters.' })
  note?: string | null;
}
