import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../unified/node.type.js';
import { Upstream } from '../unified/upstream.type.js';

@ObjectType('CommvaultClient', { implements: Node, description: 'A client computer (or pseudo-client) of a CommServe.' })
export class CommvaultClient implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Upstream)
  upstream!: Upstream;

  @Field(() => Int)
  clientId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true })
  hostName!: string | null;

  @Field(() => String, { nullable: true })
  guid!: string | null;

  @Field(() => String, { nullable: true })
  commCellName!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true })
  osName!: string | null;

  @Field(() => String, { nullable: true })
  version!: string | null;

  /** Not a field: the upstream instance id. */
  instanceId!: string;
}
