import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { UpstreamSource } from '../../datasources/upstream-source.js';
import { isGatewayError } from '../../errors/gateway-error.js';
import {
  capacityCheck,
  connectivityCheck,
  ddbCheck,
  failedJobsCheck,
  infrastructureCheck,
  overallStatus,
  type AreaRead,
  type HealthCheckData,
} from '../../monitoring/health.js';
import { summariseJobs } from '../../monitoring/job-summary.js';
import { HealthReport } from '../../schema/unified/health-report.type.js';
import { HealthReportArgs } from '../../schema/unified/health-report.args.js';
import type { GraphProduct } from '../product.js';
import { upstreamOfVisible } from '../upstreams.js';
import { sourcesByProduct } from './product-sources.js';
import { requestWindow } from './request-window.js';

/** What FAILED_JOBS counts: jobs started in the last 24 hours, jobStatusSummary's default window. */
const FAILED_JOBS_WINDOW_TEXT = 'last 24 h';

@Resolver()
export class HealthReportResolver {
  @Query(() => HealthReport, {
    description:
      'One check per upstream you may see (or the one named) and area: CONNECTIVITY, MEDIA_AGENTS (appliances for consoles), ' +
      'CAPACITY, FAILED_JOBS (the 24 h before `until`, default now) and DDB (Commvault), each with a status, a figure and a message; `status` is the worst. ' +
      'An upstream that fails is reported in its checks, not in `errors`. Upstream calls per CommServe: 3 + the day\'s job ' +
      'pages (1000 jobs each) + one per MediaAgent (its maintenance mode) + one per DDB store; per console: 2 + the day\'s job pages.',
  })
  async healthReport(@Args(() => HealthReportArgs) args: HealthReportArgs, @Ctx() ctx: GatewayContext): Promise<HealthReport> {
    const window = requestWindow(ctx, null, args.until);
    const asked = sourcesByProduct(ctx, args.upstream ? [args.upstream] : undefined).flatMap(({ product, sources }) =>
      sources.map((source) => ({ product, source })),
    );
    const byUpstream = new Map(
      await Promise.all(asked.map(async ({ product, source }) => [source.instanceId, await upstreamChecks(ctx, product, source, window)] as const)),
    );
    // By upstream in configuration order.
    const checks = ctx.sources.upstreams().flatMap((u) => (byUpstream.get(u.id) ?? []).map((c) => ({ ...c, upstream: upstreamOfVisible(u) })));
    return { status: overallStatus(checks), checks, since: window.since, until: window.until };
  }
}

/** One upstream's checks: its product's reads in parallel, each judged on its own, CONNECTIVITY from all of them. */
async function upstreamChecks(
  ctx: GatewayContext,
  product: GraphProduct,
  source: UpstreamSource,
  window: { since: Date; until: Date },
): Promise<HealthCheckData[]> {
  const t = ctx.thresholds;
  const [infrastructure, capacity, jobs, ddb] = await Promise.all([
    product.backupInfrastructure && read(() => product.backupInfrastructure!(ctx, source)),
    product.capacityTargets && read(() => product.capacityTargets!(ctx, source)),
    product.jobsInWindow && read(async () => summariseJobs(await product.jobsInWindow!(ctx, source, window), window)),
    product.ddbHealth && read(() => product.ddbHealth!(ctx, source)),
  ]);
  const reads: Array<AreaRead<unknown>> = [];
  for (const r of [infrastructure, capacity, jobs, ddb]) if (r) reads.push(r);
  return [
    connectivityCheck(reads),
    ...(infrastructure ? [infrastructureCheck(infrastructure)] : []),
    ...(capacity ? [capacityCheck(capacity, t)] : []),
    ...(jobs ? [failedJobsCheck(jobs, t, FAILED_JOBS_WINDOW_TEXT)] : []),
    ...(ddb ? [ddbCheck(ddb, t)] : []),
  ];
}

/** A read's value, or the code it failed with; anything but a GatewayError is a bug and propagates. */
async function read<T>(load: () => Promise<T>): Promise<AreaRead<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (!isGatewayError(error)) throw error;
    return { ok: false, code: error.code };
  }
}
