import { isInterfaceType, type GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { HealthArea } from '../../monitoring/health.js';
import { healthReports, jobHistory, severityOf, targetForecast, type ForecastAnswer } from '../../history/reader.js';
import { historyWindow } from '../../history/window.js';
import { CapacityForecast } from '../../schema/unified/capacity-forecast.type.js';
import type { HealthCheck } from '../../schema/unified/health-check.type.js';
import { HealthReportsArgs } from '../../schema/unified/health-reports.args.js';
import { JobHistory } from '../../schema/unified/job-history.type.js';
import { JobHistoryArgs } from '../../schema/unified/job-history.args.js';
import { StoredHealthReport } from '../../schema/unified/stored-health-report.type.js';
import { fromGlobalId } from '../../util/global-id.js';
import { historyOf, historyUpstreams, visibleUpstreamRef } from './history-access.js';

/** The root fields over the gateway's stored history (docs/history.md "Reading the history"): no upstream call. */
@Resolver()
export class HistoryResolver {
  @Query(() => JobHistory, {
    description:
      'Job outcomes per UTC day from the gateway\'s store, all together and per upstream: reaches back past what the ' +
      'upstreams still keep, as far as the store does (`store.retention.jobsDays`). No upstream call.',
  })
  async jobHistory(@Args(() => JobHistoryArgs) args: JobHistoryArgs, @Ctx() ctx: GatewayContext): Promise<JobHistory> {
    const store = historyOf(ctx);
    const window = historyWindow(args.since, args.until, Date.now());
    const data = await jobHistory(store, historyUpstreams(ctx, args.upstream), window);
    return { days: data.days, upstreams: data.upstreams.map((u) => ({ upstream: visibleUpstreamRef(ctx, u.upstreamId)!, days: u.days })) };
  }

  @Query(() => [StoredHealthReport], { description: 'The hourly health reports the gateway kept within [since, until), oldest first. No upstream call.' })
  async healthReports(@Args(() => HealthReportsArgs) args: HealthReportsArgs, @Ctx() ctx: GatewayContext): Promise<StoredHealthReport[]> {
    const rows = await healthReports(historyOf(ctx), historyWindow(args.since, args.until, Date.now()));
    return rows.map((r) => ({ at: new Date(r.at), status: severityOf(r.status), checks: visibleChecks(ctx, r.checks), demo: r.demo }));
  }

  @Query(() => CapacityForecast, {
    description:
      'When a storage target fills, from its stored history (as `StorageTarget.forecast`), by its global id; an id that ' +
      'names no storage target of an upstream you may see is BAD_USER_INPUT. No upstream call.',
  })
  capacityForecast(@Arg('storageTarget', () => ID) id: string, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ForecastAnswer> {
    const store = historyOf(ctx);
    const parts = fromGlobalId(id);
    const targets = info.schema.getType('StorageTarget');
    const isTarget = isInterfaceType(targets) && info.schema.getPossibleTypes(targets).some((t) => t.name === parts.typeName);
    if (!isTarget || !ctx.sources.upstream(parts.instanceId)) throw badUserInput(`"${id.slice(0, 80)}" is not the id of a storage target you may see`);
    return targetForecast(store, { upstreamId: parts.instanceId, targetId: id }, Date.now(), ctx.forecast);
  }
}

/**
 * A stored report's checks, as the graph answered them then, of the upstreams the caller may see now. Read
 * tolerantly: a check the gateway cannot read back (an older or newer writer's shape) is left out.
 */
function visibleChecks(ctx: GatewayContext, checks: unknown): HealthCheck[] {
  if (!Array.isArray(checks)) return [];
  return checks.flatMap((c: Record<string, unknown>) => {
    const upstreamId = typeof c?.upstreamId === 'string' ? c.upstreamId : typeof (c?.upstream as { id?: unknown })?.id === 'string' ? (c.upstream as { id: string }).id : undefined;
    const upstream = upstreamId === undefined ? undefined : visibleUpstreamRef(ctx, upstreamId);
    const area = (Object.values(HealthArea) as unknown[]).includes(c.area) ? (c.area as HealthArea) : undefined;
    if (!upstream || !area || typeof c.status !== 'string') return [];
    return [{ upstream, area, status: severityOf(c.status), figure: typeof c.figure === 'number' ? c.figure : null, message: typeof c.message === 'string' ? c.message : '' }];
  });
}
