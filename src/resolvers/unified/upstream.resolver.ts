import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { Upstream } from '../../schema/unified/upstream.type.js';
import { TlsVerification } from '../../schema/unified/tls-verification.enum.js';
import { upstreamOfVisible } from '../upstreams.js';
import type { UpstreamRef } from '../../datasources/record.js';

@Resolver(() => Upstream)
export class UpstreamResolver {
  @Query(() => [Upstream], { description: 'The upstream instances you may see, in configuration order.' })
  upstreams(@Ctx() ctx: GatewayContext): UpstreamRef[] {
    return ctx.sources.upstreams().map(upstreamOfVisible);
  }

  @FieldResolver(() => TlsVerification, {
    description: "How the gateway checks this upstream's certificate; DISABLED means it accepts any (warned about at start).",
  })
  tlsVerification(@Root() upstream: UpstreamRef, @Ctx() ctx: GatewayContext): TlsVerification {
    // Every Upstream a caller meets is one of its visible ones (records come from its own sources).
    const visible = ctx.sources.upstream(upstream.id);
    if (!visible) throw new Error(`upstream ${upstream.id} is not visible to this caller`);
    return visible.tlsVerification as TlsVerification;
  }
}
