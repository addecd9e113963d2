import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, InterfaceType } from 'type-graphql';
import { EventSeverity } from './event-severity.enum.js';
import { EventStatus } from './event-status.enum.js';
import { Node, typeOfRecord } from './node.type.js';
import { Upstream } from './upstream.type.js';

@InterfaceType('BackupEvent', {
  implements: Node,
  description: 'An event or alert of any product: a CommServe event, a triggered Commvault alert, a console event.',
  resolveType: typeOfRecord,
})
export abstract class BackupEvent implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Date, { nullable: true, description: 'When it happened (an alert: when it was detected).' })
  occurredAt!: Date | null;

  @Field(() => EventSeverity, { nullable: true, description: 'Null when the upstream does not say (a Commvault alert whose rule picks severity automatically).' })
  severity!: EventSeverity | null;

  @Field(() => EventStatus, { nullable: true, description: 'Null when the upstream does not say (triggered Commvault alerts).' })
  status!: EventStatus | null;

  @Field(() => String, { nullable: true, description: 'What happened, in the upstream\'s words.' })
  message!: string | null;
}
