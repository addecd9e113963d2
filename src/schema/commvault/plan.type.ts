import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvPlanDetail } from '../../datasources/commvault/model.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

/** `planId` and `name` come from where the plan was met; the other fields load the plan list when asked. */
@ObjectType('CommvaultPlan', { implements: Node, description: 'A Commvault plan (`GET /V2/Plan`).' })
export class CommvaultPlan implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  planId!: number;

  @Field(() => String)
  name!: string;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultPlan';
  /** Not a field: set when the plan came from the plan list; else the fields below load it. */
  detail!: CvPlanDetail | null;
}
