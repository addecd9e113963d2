import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { alertsFirst, ascendingNullsLast } from '../../monitoring/alerts.js';
import { failuresNewestFirst, summariseJobs, type JobCounts } from '../../monitoring/job-summary.js';
import { capacitySeverity } from '../../monitoring/thresholds.js';
import { protectionWindowCutoff } from '../../monitoring/window.js';
import type { Job } from '../../schema/unified/job.type.js';
import { JobStatusSummary } from '../../schema/unified/job-status-summary.type.js';
import { JobStatusSummaryArgs } from '../../schema/unified/job-status-summary.args.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';
import { UnprotectedWorkloadsArgs } from '../../schema/unified/unprotected-workloads.args.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { upstreamOfVisible } from '../upstreams.js';
import { fanOutProducts } from './product-sources.js';
import { requestWindow } from './request-window.js';
import type { UpstreamSource } from '../../datasources/upstream-source.js';

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
      'Jobs started in [since, until) (default: the last 24 h; at most 31 days) on every upstream you may see, CommServes and ' +
      'consoles, by status, type and upstream, with success rate, failed count, the failures themselves and protected bytes. ' +
      'Each count equals `jobs(filter: {startedAfter: since, startedBefore: until, status: …}).totalCount`. Reads the window\'s ' +
      'job pages: 1000 jobs per upstream call.',
  })
  async jobStatusSummary(
    @Args(() => JobStatusSummaryArgs) args: JobStatusSummaryArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<JobStatusSummary> {
    const window = requestWindow(ctx, args.since, args.until);
    const answered = await fanOutProducts<{ source: UpstreamSource; jobs: readonly Job[] }>(
      ctx,
      info,
      args.upstream,
      (p) => p.jobsInWindow && (async (source) => [{ source, jobs: await p.jobsInWindow!(ctx, source, window) }]),
    );
    const jobs = answered.flatMap((a) => a.jobs);
    const data = summariseJobs(jobs, window);
    // In config order, whatever order they answered in.
    const upstreams = ctx.sources.upstreams().flatMap((u) => answered.filter((a) => a.source.instanceId === u.id).map((a) => ({ upstream: u, jobs: a.jobs })));
    return {
      ...counts(data),
      since: data.since,
      until: data.until,
      protectedBytes: data.protectedBytes,
      byType: data.byType.map((t) => ({ ...counts(t), jobType: t.jobType })),
      upstreams: upstreams.map((u) => upstreamOfVisible(u.upstream)),
      byUpstream: upstreams.map((u) => ({ ...counts(summariseJobs(u.jobs, window)), upstream: upstreamOfVisible(u.upstream) })),
      failedJobs: failuresNewestFirst(jobs, window),
    };
  }

  @Query(() => [UnprotectedWorkload], {
    description:
      'Workloads with no successful backup (COMPLETED or COMPLETED_WITH_ERRORS) started in the last `days` days (1..365), or `hours` hours: ' +
      'Commvault clients with at least one agent installed, and Backup and DR applications an SLA manages (their capture jobs). ' +
      'By upstream, then name. docs/schema.md, "Protected workloads", gives the rule and the upstream calls.',
  })
  async unprotectedWorkloads(
    @Args(() => UnprotectedWorkloadsArgs) args: UnprotectedWorkloadsArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<UnprotectedWorkload[]> {
    const cutoff = protectionWindowCutoff(args);
    return fanOutProducts(ctx, info, args.upstream, (p) => p.unprotectedWorkloads && ((source) => p.unprotectedWorkloads!(ctx, source, cutoff)));
  }

  @Query(() => [StorageTarget], {
    description:
      'Every storage target of the upstreams you may see (Commvault storage pools, console disk pools) with severity WARNING ' +
      '(default < 20 % free) or CRITICAL (default < 10 % free): CRITICAL first, then least free first. One list call per upstream.',
  })
  async capacityAlerts(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StorageTarget[]> {
    const targets = await fanOutProducts(ctx, info, args.upstream, (p) => p.capacityTargets && ((source) => p.capacityTargets!(ctx, source)));
    return alertsFirst(targets, (t) => capacitySeverity(t.freePercent, ctx.thresholds.capacity), (a, b) => ascendingNullsLast(a.freePercent, b.freePercent));
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
