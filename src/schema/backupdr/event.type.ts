import { Field, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { BackupEvent } from '../unified/backup-event.type.js';
import { EventSeverity } from '../unified/event-severity.enum.js';
import { EventStatus } from '../unified/event-status.enum.js';
import { Node } from '../unified/node.type.js';
import { BackupDrObject } from './console-object.type.js';

@ObjectType('BackupDrEvent', { description: 'An event raised by an appliance (`GET /event`).', implements: [Node, BackupEvent] })
export class BackupDrEvent extends BackupDrObject implements BackupEvent {
  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  override __typename!: 'BackupDrEvent';

  @Field(() => Int, { nullable: true })
  eventId!: number | null;

  @Field(() => Date, { nullable: true })
  eventDate!: Date | null;

  @Field(() => Date, { nullable: true, description: '`eventdate`.' })
  occurredAt!: Date | null;

  @Field(() => EventSeverity, {
    nullable: true,
    description: 'The console gives none: MAJOR for an event that must be cleared (`requiresclearing`), INFORMATION otherwise.',
  })
  severity!: EventSeverity | null;

  @Field(() => EventStatus, { nullable: true, description: '`eventstatus`: `new` is OPEN, `cleared` CLEARED.' })
  status!: EventStatus | null;

  @Field(() => String, { nullable: true, description: '`messagetext`, else `errormessage`.' })
  message!: string | null;

  @Field(() => String, { nullable: true })
  eventStatus!: string | null;

  @Field(() => String, { nullable: true })
  errorCode!: string | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;

  @Field(() => String, { nullable: true })
  messageText!: string | null;

  @Field(() => Boolean, { nullable: true })
  requiresClearing!: boolean | null;

  @Field(() => String, { nullable: true })
  component!: string | null;

  @Field(() => String, { nullable: true })
  objectType!: string | null;

  @Field(() => String, { nullable: true })
  appName!: string | null;

  @Field(() => String, { nullable: true })
  jobName!: string | null;

  /** Not a field: a reference the relation resolvers follow. */
  applianceId!: string | null;
}
