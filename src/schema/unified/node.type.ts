import { Field, ID, InterfaceType } from 'type-graphql';
import type { NodeRecord } from '../../datasources/record.js';

/**
 * How every interface (and union) of the graph finds its concrete type: resolvers' parents are domain
 * records (src/datasources/record.ts), which name their GraphQL type in `__typename`.
 */
export const typeOfRecord = (value: Pick<NodeRecord, '__typename'>): string => value.__typename;

/** Anything addressable by a global id; `Query.node(id)` fetches it back. */
@InterfaceType('Node', { description: 'An object with a global id, refetchable with Query.node.', resolveType: typeOfRecord })
export abstract class Node {
  @Field(() => ID, { description: 'Global id: opaque, stable, unique across all upstreams.' })
  id!: string;
}
