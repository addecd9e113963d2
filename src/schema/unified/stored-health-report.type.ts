import { Field } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { HealthCheck } from './health-check.type.js';
import { Severity } from './severity.enum.js';

@ObjectType('StoredHealthReport', { description: 'A health report the gateway kept (one per hour, docs/history.md).' })
export class StoredHealthReport {
  @Field(() => Date, { description: 'The start of its hour.' })
  at!: Date;

  @Field(() => Severity, { description: 'The worst check\'s status when it was taken.' })
  status!: Severity;

  @Field(() => [HealthCheck], { description: 'Its checks of the upstreams you may see.' })
  checks!: HealthCheck[];

  @Field(() => Boolean, { description: 'Seeded by the demo, not collected.' })
  demo!: boolean;
}
