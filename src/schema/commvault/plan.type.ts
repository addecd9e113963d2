import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import type { CvPlan } from '../../datasources/commvault/model.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

/** `planId` and `name` come from where the plan was met; the other fields load the plan list when asked. */
@ObjectType('CommvaultPlan', { implements: Node, description: 'A Commvault plan (`GET /V2/Plan`).' })
export class CommvaultPlan implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: Upstream;

  @Field(() => Int)
  planId!: number;

  @Field(() => String)
  name!: string;

  /** Not a field: the upstream instance id. */
  instanceId!: string;
  /** Not a field: the full record when the plan came from the plan list. */
  detail?: CvPlan;
}
