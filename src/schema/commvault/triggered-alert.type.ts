import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupEvent } from '../unified/backup-event.type.js';
import { EventSeverity } from '../unified/event-severity.enum.js';
import { EventStatus } from '../unified/event-status.enum.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultTriggeredAlert', {
  implements: [Node, BackupEvent],
  description: 'An alert a CommServe\'s rule raised (`GET /V4/TriggeredAlerts`).',
})
export class CommvaultTriggeredAlert implements BackupEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  alertId!: number;

  @Field(() => Date, { nullable: true, description: '`detectedTime`.' })
  occurredAt!: Date | null;

  @Field(() => EventSeverity, {
    nullable: true,
    description: 'CRITICAL, MAJOR, INFORMATION as V4 says; null for AUTO_PICK (the rule takes the severity of what triggered it, which the alert does not carry).',
  })
  severity!: EventSeverity | null;

  @Field(() => String, { nullable: true, description: 'The severity as V4 sends it: AUTO_PICK, CRITICAL, MAJOR or INFORMATION.' })
  severityText!: string | null;

  @Field(() => EventStatus, { nullable: true, description: 'Always null: V4 does not say per alert whether it was read.' })
  status!: EventStatus | null;

  @Field(() => String, { nullable: true, description: '`info`, else the criterion.' })
  message!: string | null;

  @Field(() => String, { nullable: true, description: 'The rule\'s criterion that was met (`detectedCriterion`), e.g. `Job Failed`.' })
  criterion!: string | null;

  @Field(() => String, { nullable: true })
  info!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `Job Management - Data Protection`.' })
  type!: string | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultTriggeredAlert';
}
