import { Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { Upstream } from '../../schema/unified/upstream.type.js';
import { upstreamOfVisible } from '../upstreams.js';
import type { UpstreamRef } from '../../datasources/record.js';

@Resolver()
export class UpstreamResolver {
  @Query(() => [Upstream], { description: 'The upstream instances you may see, in configuration order.' })
  upstreams(@Ctx() ctx: GatewayContext): UpstreamRef[] {
    return ctx.sources.upstreams().map(upstreamOfVisible);
  }
}
