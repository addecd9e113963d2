import { Field, Int, type ClassType } from 'type-graphql';
import { ObjectType } from '../object-type.js';
import { PageInfo } from './page-info.type.js';

/**
 * The Relay connection shape, once: `edges { cursor node }`, `pageInfo`, `totalCount`. Each concrete
 * connection extends `Connection(NodeType, 'NodeTypeEdge')` and names itself with `@ObjectType`.
 * (type-graphql's generic-type pattern: the edge is a concrete type per node, the base is abstract.)
 */
export function Connection<TNode extends object>(nodeType: ClassType<TNode> | (abstract new () => TNode), edgeName: string) {
  @ObjectType(edgeName)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType()
  abstract class ConnectionBase {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, {
      nullable: true,
      description:
        'Matching items across the upstreams that answered, all pages together; null when every upstream asked failed ' +
        '(unknown, not 0: the failures are in `errors`).',
    })
    totalCount!: number | null;
  }
  return ConnectionBase;
}

/** What a connection field's resolver returns: a page of domain records (the connection classes declare the schema). */
export interface ConnectionOf<TNode> {
  edges: Array<{ cursor: string; node: TNode }>;
  pageInfo: PageInfo;
  totalCount: number | null;
}
