import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupEvent } from '../unified/backup-event.type.js';
import { EventSeverity } from '../unified/event-severity.enum.js';
import { EventStatus } from '../unified/event-status.enum.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultEvent', { implements: [Node, BackupEvent], description: 'A CommServe event (`GET /Events`).' })
export class CommvaultEvent implements BackupEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  eventId!: number;

  @Field(() => EventSeverity, { description: 'Commvault\'s 0/3/6/9 as INFORMATION, MINOR, MAJOR, CRITICAL.' })
  severity!: EventSeverity;

  @Field(() => Date, { nullable: true, description: '`timeSource`.' })
  occurredAt!: Date | null;

  @Field(() => EventStatus, { nullable: true, description: 'OPEN until acknowledged (`acknowledge` 0), then ACKNOWLEDGED.' })
  status!: EventStatus | null;

  @Field(() => String, { nullable: true, description: 'The description.' })
  message!: string | null;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `19:122`.' })
  codeString!: string | null;

  @Field(() => String, { nullable: true })
  subsystem!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true })
  jobId!: number | null;

  @Field(() => String, { nullable: true })
  clientName!: string | null;

  @Field(() => Boolean, { nullable: true })
  acknowledged!: boolean | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultEvent';
  /** Not a field: what the client relation follows. */
  clientId!: number | null;
}
