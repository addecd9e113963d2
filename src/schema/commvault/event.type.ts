import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';
import { CommvaultEventSeverity } from './event-severity.enum.js';

@ObjectType('CommvaultEvent', { implements: Node, description: 'A CommServe event (`GET /Events`).' })
export class CommvaultEvent implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  eventId!: number;

  @Field(() => CommvaultEventSeverity)
  severity!: CommvaultEventSeverity;

  @Field(() => Date, { nullable: true })
  occurredAt!: Date | null;

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
