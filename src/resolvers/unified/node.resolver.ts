import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { graphProductOf } from '../../products.js';
import { Node } from '../../schema/unified/node.type.js';
import { fromGlobalId } from '../../util/global-id.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist (or is not yours to see).',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<Node | null> {
    const parts = fromGlobalId(id);
    // Unknown types, foreign ids and upstreams the caller cannot see all read as "no such object".
    const product = graphProductOf(ctx.sources.upstream(parts.instanceId)?.product);
    return product ? product.node(ctx, parts.instanceId, parts.typeName, parts.localId) : null;
  }
}
