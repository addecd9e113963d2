import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { alertsFirst, ascendingNullsLast } from '../../monitoring/alerts.js';
import type { MonitoredJob } from '../../monitoring/jobs.js';
import { summariseJobs, type JobCounts } from '../../monitoring/job-summary.js';
import { protectionCutoff, summaryWindow } from '../../monitoring/window.js';
import { fanOutList } from '../../paging/fan-out.js';
import { JobStatusSummary } from '../../schema/unified/job-status-summary.type.js';
import { JobStatusSummaryArgs } from '../../schema/unified/job-status-summary.args.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';
import { UnprotectedWorkloadsArgs } from '../../schema/unified/unprotected-workloads.args.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { recordPartial } from '../partial-errors.js';
import { upstreamOfVisible } from '../upstreams.js';
import { sourcesByProduct } from './product-sources.js';

/**
 * The estate's monitoring fields (docs/schema.md): thin fan-outs over the products that take part in each (their
 * optional hooks in src/resolvers/product.ts), handing what they fetch to the pure computations in
 * src/monitoring. Like every list, an upstream that fails is left out and reported in `errors` with the
 * field's path.
 */
@Resolver()
export class MonitoringResolver {
  @Query(() => JobStatusSummary, {
    description:
      'Jobs started in [since, until) (default: the last 24 h; at most 31 days) by status and type, with success rate, ' +
      'failed count and protected bytes. Reads the window\'s job pages (1000 jobs per upstream call).',
  })
  async jobStatusSummary(
    @Args(() => JobStatusSummaryArgs) args: JobStatusSummaryArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<JobStatusSummary> {
    const window = summaryWindow(args.since, args.until);
    const answered = new Set<string>();
    const byProduct = sourcesByProduct(ctx, args.upstream ? [args.upstream] : undefined, (p) => p.jobsInWindow !== undefined);
    const parts = await Promise.all(
      byProduct.map(({ product, sources }) =>
        fanOutList<MonitoredJob, (typeof sources)[number]>(
          sources,
          async (source) => {
            const found = await product.jobsInWindow!(ctx, source, window);
            answered.add(source.instanceId);
            return found;
          },
          recordPartial(ctx, info),
        ),
      ),
    );
    const data = summariseJobs(parts.flat(), window);
    const upstreams = byProduct.flatMap((p) => p.sources).filter((s) => answered.has(s.instanceId));
    return {
      ...counts(data),
      since: data.since,
      until: data.until,
      protectedBytes: data.protectedBytes,
      byType: data.byType.map((t) => ({ ...counts(t), jobType: t.jobType })),
      upstreams: upstreams.map((s) => upstreamOfVisible(ctx.sources.upstream(s.instanceId)!)),
    };
  }

  @Query(() => [UnprotectedWorkload], {
    description:
      'Workloads with no successful backup (COMPLETED or COMPLETED_WITH_ERRORS) started in the last `days` days (1..365): ' +
      'Commvault clients with at least one agent installed. By upstream, then name.',
  })
  async unprotectedWorkloads(
    @Args(() => UnprotectedWorkloadsArgs) args: UnprotectedWorkloadsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UnprotectedWorkload[]> {
    const cutoff = protectionCutoff(args.days);
    const parts = await Promise.all(
      sourcesByProduct(ctx, args.upstream ? [args.upstream] : undefined, (p) => p.unprotectedWorkloads !== undefined).map(
        ({ product, sources }) => fanOutList(sources, (source) => product.unprotectedWorkloads!(ctx, source, cutoff), recordPartial(ctx, info)),
      ),
    );
    return parts.flat();
  }

  @Query(() => [StorageTarget], {
    description: 'Storage targets with severity WARNING (< 20 % free) or CRITICAL (< 10 % free): CRITICAL first, then least free first.',
  })
  async capacityAlerts(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StorageTarget[]> {
    const parts = await Promise.all(
      sourcesByProduct(ctx, args.upstream ? [args.upstream] : undefined, (p) => p.capacityTargets !== undefined).map(({ product, sources }) =>
        fanOutList(sources, (source) => product.capacityTargets!(ctx, source), recordPartial(ctx, info)),
      ),
    );
    return alertsFirst(parts.flat(), (t) => t.severity, (a, b) => ascendingNullsLast(a.freePercent, b.freePercent));
  }
}

/** The counts of a summary (or of one job type) as the schema shows them. */
function counts(c: JobCounts) {
  return {
    total: c.total,
    activeCount: c.activeCount,
    successCount: c.successCount,
    failedCount: c.failedCount,
    successPercent: c.successPercent,
    byStatus: c.byStatus.map((s) => ({ status: s.status, count: s.count })),
  };
}
