import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { HealthCheck } from './health-check.type.js';
import { Severity } from './severity.enum.js';

@ObjectType('HealthReport', { description: 'The estate at a glance: one check per upstream and area, and the worst of them.' })
export class HealthReport {
  @Field(() => Severity, { description: 'The worst check\'s status (OK when there is no check).' })
  status!: Severity;

  @Field(() => [HealthCheck], { description: 'By upstream in configuration order, then area in HealthArea order.' })
  checks!: HealthCheck[];

  @Field(() => Date, { description: 'Start of the FAILED_JOBS window: jobs started in [since, until) count, 24 hours.' })
  since!: Date;

  @Field(() => Date, { description: 'End of the FAILED_JOBS window: when the report was made.' })
  until!: Date;
}
