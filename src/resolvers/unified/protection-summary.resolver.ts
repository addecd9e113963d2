import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { protectionCutoff } from '../../monitoring/window.js';
import { ProtectionSummaryArgs } from '../../schema/unified/protection-summary.args.js';
import { ProtectionSummary, type ProtectionSummaryPart } from '../../schema/unified/protection-summary.type.js';
import { fanOutProducts } from './product-sources.js';

/**
 * `protectionSummary` (docs/schema.md, "Aging and protection summaries, DDB Backup"): the estate's
 * workloads split into protected, stale and unprotected, from the same upstream answers as
 * `unprotectedWorkloads` (no upstream has a protection-summary call). A thin fan-out over the products'
 * `protectionSummary` hooks; an upstream that fails is left out and reported in `errors`.
 */
@Resolver()
export class ProtectionSummaryResolver {
  @Query(() => ProtectionSummary, {
    description:
      'Workloads of every upstream you may see (or `upstream`) split by their newest successful backup: protected (started within ' +
      '`staleAfterDays`, default 2), stale (within `days`, default 7, but older) and unprotected (none within `days`, as ' +
      '`unprotectedWorkloads` has them). The same upstream calls as `unprotectedWorkloads`.',
  })
  async protectionSummary(
    @Args(() => ProtectionSummaryArgs) args: ProtectionSummaryArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ProtectionSummary> {
    const now = new Date();
    const cutoff = protectionCutoff(args.days, now);
    if (!Number.isInteger(args.staleAfterDays) || args.staleAfterDays < 1 || args.staleAfterDays >= args.days) {
      throw badUserInput('staleAfterDays must be at least 1 and less than days');
    }
    const staleCutoff = protectionCutoff(args.staleAfterDays, now);
    const parts = await fanOutProducts<ProtectionSummaryPart>(
      ctx,
      info,
      args.upstream,
      (p) => p.protectionSummary && (async (source) => [await p.protectionSummary!(ctx, source, cutoff, staleCutoff)]),
    );
    const fresh = parts.flatMap((p) => p.protected);
    const stale = parts.flatMap((p) => p.stale);
    const unprotected = parts.flatMap((p) => p.unprotected);
    const total = fresh.length + stale.length + unprotected.length;
    return Object.assign(new ProtectionSummary(), {
      days: args.days,
      staleAfterDays: args.staleAfterDays,
      since: cutoff,
      staleSince: staleCutoff,
      totalCount: total,
      protectedCount: fresh.length,
      staleCount: stale.length,
      unprotectedCount: unprotected.length,
      protectedPercent: total === 0 ? null : Math.round(((fresh.length + stale.length) / total) * 10_000) / 100,
      protected: fresh,
      stale,
      unprotected,
    });
  }
}
