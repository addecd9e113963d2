import { Field, ID, InterfaceType } from 'type-graphql';

/** Anything addressable by a global id; `Query.node(id)` fetches it back. */
@InterfaceType('Node', { description: 'An object with a global id, refetchable with Query.node.' })
export abstract class Node {
  @Field(() => ID, { description: 'Global id: opaque, stable, unique across all upstreams.' })
  id!: string;
}
