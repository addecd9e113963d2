import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { demoSeededUpstreams } from '../../history/demo-seed.js';
import { Upstream } from '../../schema/unified/upstream.type.js';
import { TlsVerification } from '../../schema/unified/tls-verification.enum.js';
import { HistorySource } from '../../schema/unified/upstream-history-source.enum.js';
import { upstreamOfVisible } from '../upstreams.js';
import type { UpstreamRef } from '../../datasources/record.js';

/** The demo-seeded upstreams, read once per request however many upstreams ask. */
const DEMO_SEEDED = Symbol('demo-seeded upstreams');

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

  @FieldResolver(() => HistorySource, {
    nullable: true,
    description:
      'Where the gateway\'s stored history of this upstream comes from: DEMO when the demo seeded 30 simulated days at ' +
      'start, COLLECTED otherwise; null when the gateway keeps no history. No upstream call.',
  })
  async historySource(@Root() upstream: UpstreamRef, @Ctx() ctx: GatewayContext): Promise<HistorySource | null> {
    if (!ctx.history) return null;
    const seeded = await ctx.perRequest(DEMO_SEEDED, () => demoSeededUpstreams(ctx.history!));
    return seeded.includes(upstream.id) ? HistorySource.DEMO : HistorySource.COLLECTED;
  }
}
