import { Field, InputType, Int } from 'type-graphql';
import type { CvRetainedFulls } from '../../datasources/commvault/protection-model.js';
import { RetainedFulls } from './retention-rule.type.js';

@InputType({ description: 'An extended retention rule to set.' })
export class ExtendedRetentionInput {
  @Field(() => RetainedFulls, { description: 'Which fulls to keep (not OTHER).' })
  fulls!: Exclude<CvRetainedFulls, 'OTHER'>;

  @Field(() => Int, { nullable: true, description: 'Days to keep them, more than the basic days. Give this or `indefinite: true`.' })
  days?: number | null;

  @Field(() => Boolean, { nullable: true })
  indefinite?: boolean | null;
}

@InputType({ description: 'A retention change; a field left out keeps its value.' })
export class RetentionInput {
  @Field(() => Int, { nullable: true, description: 'Basic retention, days (1 to 3650).' })
  days?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: keep jobs with no end (instead of `days`).' })
  indefinite?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Basic retention, cycles: storage policy copies only.' })
  cycles?: number | null;

  @Field(() => Int, { nullable: true, description: 'Job-based retention, jobs kept (0 ends it): storage policy copies only.' })
  jobs?: number | null;

  @Field(() => Boolean, { nullable: true })
  dataAgingEnabled?: boolean | null;

  @Field(() => [ExtendedRetentionInput], { nullable: true, description: 'Replaces every extended rule: 0 to 3 rules, each fulls kind once; [] removes them.' })
  extended?: ExtendedRetentionInput[] | null;
}
