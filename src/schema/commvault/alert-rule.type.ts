import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultAlertRule', { implements: Node, description: 'An alert rule of a CommServe (`GET /AlertRule`), enabled or not.' })
export class CommvaultAlertRule implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  alertId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  guid!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `Job Management`.' })
  category!: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. `Data Protection`.' })
  type!: string | null;

  @Field(() => String, { nullable: true })
  creatorName!: string | null;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultAlertRule';
}
