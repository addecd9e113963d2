import { ArgsType, Field } from 'type-graphql';
import { UpstreamArgs } from './upstream.args.js';

@ArgsType()
export class HealthReportArgs extends UpstreamArgs {
  @Field(() => Date, {
    nullable: true,
    description:
      'End of the FAILED_JOBS window (the 24 hours before it). Default: now. The other areas are always read as they are now.',
  })
  until?: Date | null;
}
