import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, registerEnumType } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Connection } from './connection.type.js';
import { Severity } from './severity.enum.js';
import { Upstream } from './upstream.type.js';

export enum AlertState {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
}

registerEnumType(AlertState, {
  name: 'AlertState',
  valuesConfig: {
    OPEN: { description: 'Its condition still holds (as a filter: acknowledged or not).' },
    ACKNOWLEDGED: { description: 'Open, and someone acknowledged it.' },
    RESOLVED: { description: 'Its condition cleared.' },
  },
});

@ObjectType('Alert', {
  description: 'An alert the gateway\'s collectors raised by a rule of `alerts.rules` (docs/history.md "Alert rules").',
})
export class Alert {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The rule, e.g. CAPACITY_FREE, DDB_QI, JOB_FAILED.' })
  rule!: string;

  @Field(() => Severity)
  severity!: Severity;

  @Field(() => AlertState)
  state!: AlertState;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => ID, { nullable: true, description:
      'Global id of the object the condition holds on; for JOB_FAILED (one alert per workload with failed jobs) the workload\'s name, `*` for jobs naming none.',
  })
  objectId!: string | null;

  @Field(() => String)
  message!: string;

  @Field(() => Date)
  raisedAt!: Date;

  @Field(() => Date, { description: 'The last collection that saw the condition hold.' })
  lastSeenAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The caller (API key id) who acknowledged it.' })
  acknowledgedBy!: string | null;

  @Field(() => String, { nullable: true })
  acknowledgeNote!: string | null;
}

@ObjectType({ description: 'Alerts from the gateway\'s store, newest raised first.' })
export class AlertConnection extends Connection(Alert, 'AlertEdge') {}
