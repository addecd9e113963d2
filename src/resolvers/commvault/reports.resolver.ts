import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { eachKey, groupedLoader, type KeyedLoader } from '../../loaders/instance-loader.js';
import { jobsInWindow } from '../../datasources/commvault/job-search.js';
import type { IdKey } from '../../datasources/commvault/loaders.js';
import type { CvClient, CvStoragePool } from '../../datasources/commvault/model.js';
import type { CvPlanBackupDestination } from '../../datasources/commvault/protection-model.js';
import { clientCapacities, jobSummaryReport, type CvClientCapacity, type CvJobSummaryReport } from '../../datasources/commvault/reports.js';
import { JobCategory } from '../../datasources/domain.js';
import { fanOutList } from '../../paging/fan-out.js';
import { BACKUP_JOB_TYPE } from '../../monitoring/jobs.js';
import { windowConditions } from '../../monitoring/job-conditions.js';
import { summaryWindow, type TimeWindow } from '../../monitoring/window.js';
import { CommvaultClient } from '../../schema/commvault/client.type.js';
import { CommvaultCapacityReportArgs, CommvaultJobSummaryReportArgs } from '../../schema/commvault/reports.args.js';
import { CommvaultClientCapacity, CommvaultClientCapacityConnection, CommvaultJobSummaryReport } from '../../schema/commvault/reports.type.js';
import { CommvaultStoragePool } from '../../schema/commvault/storage-pool.type.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { recordPartial } from '../partial-errors.js';
import { requestWindow } from '../unified/request-window.js';
import { matches, namedListPage } from './named-list-page.js';
import { commvaultLoaders, commvaultSource, commvaultSources } from './sources.js';

/** The capacity report's window when the caller gives no `since`: a week, so it holds the usual weekly full. */
export const CAPACITY_DEFAULT_DAYS = 7;
const DAY_MS = 86_400_000;

const LOADERS = Symbol('commvault plan destination loader');

/** This request's `GET /V4/ServerPlan/{id}/BackupDestinations` per plan, shared by every client row. */
function destinationsByPlanId(ctx: GatewayContext): KeyedLoader<IdKey, CvPlanBackupDestination[] | null> {
  return ctx.perRequest(LOADERS, () =>
    groupedLoader(
      (instanceId: string) => commvaultSource(ctx, instanceId),
      (k: IdKey) => String(k.id),
      eachKey((s, k: IdKey) => s.listPlanBackupDestinations(k.id)),
    ),
  );
}

/** A plan's primary destination: the default one, else the first by copy precedence. */
function primaryOf(destinations: readonly CvPlanBackupDestination[]): CvPlanBackupDestination | undefined {
  return destinations.find((d) => d.isDefault) ?? [...destinations].sort((a, b) => (a.copyPrecedence ?? 99) - (b.copyPrecedence ?? 99))[0];
}

function capacityWindow(ctx: GatewayContext, args: CommvaultCapacityReportArgs): TimeWindow {
  const { until } = requestWindow(ctx, null, args.until);
  return summaryWindow(args.since ?? new Date(until.getTime() - CAPACITY_DEFAULT_DAYS * DAY_MS), until);
}

@Resolver(() => CommvaultClientCapacity)
export class CommvaultReportsResolver {
  @Query(() => CommvaultClientCapacityConnection, {
    description:
      'Capacity per client of the CommServes you may see, computed from the finished backup jobs started in the window (the window\'s ' +
      '`GET /Job` pages, 1000 jobs per call), by client name. Which field is computed how: docs/schema.md.',
  })
  async commvaultCapacityReport(
    @Args(() => CommvaultCapacityReportArgs) args: CommvaultCapacityReportArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionOf<CvClientCapacity>> {
    const window = capacityWindow(ctx, args);
    const needle = args.search?.trim().toLowerCase() || undefined;
    return namedListPage(ctx, info, {
      upstream: args.upstream,
      first: args.first,
      after: args.after,
      // The arguments as given: a default window moves with the clock, and its pages still belong together.
      scope: ['capacityReport', args.since?.toISOString() ?? null, args.until?.toISOString() ?? null, needle ?? null],
      list: async (source) => {
        const jobs = await jobsInWindow(source, { ...windowConditions(window), category: JobCategory.FINISHED, jobTypes: [BACKUP_JOB_TYPE] });
        return clientCapacities(jobs, window, source.upstream);
      },
      keep: (c) => matches(needle, [c.name]),
      idOf: (c) => c.clientId,
    });
  }

  @Query(() => [CommvaultJobSummaryReport], {
    description:
      'The job summary of each CommServe you may see (configuration order) over the jobs started in [since, until): counts by status, ' +
      'data protected and written, average durations; computed from the window\'s `GET /Job` pages (1000 jobs per call).',
  })
  async commvaultJobSummaryReport(
    @Args(() => CommvaultJobSummaryReportArgs) args: CommvaultJobSummaryReportArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvJobSummaryReport[]> {
    const window = requestWindow(ctx, args.since, args.until);
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) => [jobSummaryReport(await jobsInWindow(source, windowConditions(window)), window, source.upstream)],
      recordPartial(ctx, info),
    );
  }

  @FieldResolver(() => CommvaultClient, { nullable: true, description: 'The client, from the cached client list (`GET /Client`).' })
  client(@Root() c: CvClientCapacity, @Ctx() ctx: GatewayContext): Promise<CvClient | null> {
    return commvaultLoaders(ctx).clientById.load({ instanceId: c.upstream.id, id: c.clientId });
  }

  @FieldResolver(() => [CommvaultStoragePool], {
    description:
      'The storage pools its backups went to: the pool of the primary backup destination of each plan its jobs ran under ' +
      '(`GET /V4/ServerPlan/{id}/BackupDestinations`, one cached call per plan, shared by all rows), from the cached pool list. ' +
      'Their dedupe savings are the pools\' own (storage).',
  })
  async storagePools(@Root() c: CvClientCapacity, @Ctx() ctx: GatewayContext): Promise<CvStoragePool[]> {
    const destinations = await destinationsByPlanId(ctx).loadMany(c.planIds.map((id) => ({ instanceId: c.upstream.id, id })));
    const poolIds = new Set<number>();
    for (const d of destinations) {
      if (d === null || d instanceof Error) continue;
      const pool = primaryOf(d)?.storagePool;
      if (pool) poolIds.add(pool.id);
    }
    const pools = await commvaultLoaders(ctx).storagePoolById.loadMany([...poolIds].sort((a, b) => a - b).map((id) => ({ instanceId: c.upstream.id, id })));
    return pools.filter((p): p is CvStoragePool => p !== null && !(p instanceof Error));
  }
}
