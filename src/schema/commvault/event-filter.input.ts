import { Field, ID, InputType, Int } from 'type-graphql';
import { CommvaultEventSeverity } from './event-severity.enum.js';

@InputType({ description: 'Which events `commvaultEvents` returns; every condition given must hold.' })
export class CommvaultEventFilter {
  @Field(() => [CommvaultEventSeverity], { nullable: true })
  severity?: CommvaultEventSeverity[] | null;

  @Field(() => ID, { nullable: true, description: 'A CommvaultClient global id.' })
  client?: string | null;

  @Field(() => Int, { nullable: true })
  jobId?: number | null;

  @Field(() => Date, { nullable: true, description: 'Only events at or after this time.' })
  after?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only events before this time.' })
  before?: Date | null;
}
