import type { UpstreamRef } from '../../datasources/record.js';
import { Field, ID, Int } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultMediaAgent', { implements: Node, description: 'A MediaAgent (`GET /V2/MediaAgents`).' })
export class CommvaultMediaAgent implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: UpstreamRef;

  @Field(() => Int)
  mediaAgentId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => Boolean, { description: 'The CommServe reports it online.' })
  online!: boolean;

  @Field(() => String, { nullable: true })
  osName!: string | null;

  @Field(() => String, { nullable: true })
  version!: string | null;

  /** Not a field: the record's GraphQL type name (interfaces resolve by it). */
  __typename!: 'CommvaultMediaAgent';
}
