import { ArgsType, Field } from 'type-graphql';
import { HistoryStep } from './history-step.enum.js';

@ArgsType()
export class HistoryArgs {
  @Field(() => Date, { description: 'Readings at or after this time.' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'Readings before this time. Default: now. At most 400 days after `since`.' })
  until?: Date | null;

  @Field(() => HistoryStep, { defaultValue: HistoryStep.RAW })
  step!: HistoryStep;
}
