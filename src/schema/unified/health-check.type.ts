import type { UpstreamRef } from '../../datasources/record.js';
import { Field, Float } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { HealthArea } from './health-area.enum.js';
import { Severity } from './severity.enum.js';
import { Upstream } from './upstream.type.js';

@ObjectType('HealthCheck', { description: 'One area of one upstream: its status, its figure and a sentence for people.' })
export class HealthCheck {
  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => HealthArea)
  area!: HealthArea;

  @Field(() => Severity, { description: 'WARNING when the area could not be read (then `figure` is null): unknown is not OK.' })
  status!: Severity;

  @Field(() => Float, { nullable: true, description: 'The area\'s number (see HealthArea); null when it could not be read or has none.' })
  figure!: number | null;

  @Field(() => String)
  message!: string;
}
