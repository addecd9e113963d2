import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { clientOfServer } from '../../datasources/commvault/mappers/client.js';
import type { CvDdbStore, CvServer, CvStoragePool } from '../../datasources/commvault/model.js';
import { alertsFirst, ascendingNullsLast } from '../../monitoring/alerts.js';
import { BACKUP_JOB_TYPE } from '../../monitoring/jobs.js';
import { summariseJobs } from '../../monitoring/job-summary.js';
import { findUnprotected } from '../../monitoring/protection.js';
import { protectionCutoff, summaryWindow } from '../../monitoring/window.js';
import { CommvaultDdbStore } from '../../schema/commvault/ddb-store.type.js';
import { JobStatusSummary } from '../../schema/unified/job-status-summary.type.js';
import { JobStatusSummaryArgs } from '../../schema/unified/job-status-summary.args.js';
import { StorageTarget } from '../../schema/unified/storage-target.type.js';
import { UnprotectedWorkload } from '../../schema/unified/unprotected-workload.type.js';
import { UnprotectedWorkloadsArgs } from '../../schema/unified/unprotected-workloads.args.js';
import { UpstreamArgs } from '../../schema/unified/upstream.args.js';
import { fanOutList } from '../fan-out.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from '../sources.js';
import { jobsInWindow } from './job-search.js';

/**
 * The monitoring fields of DESIGN.md: thin fan-outs that fetch what the rules need and hand it to the
 * pure computations in src/monitoring. Like every list, an upstream that fails is left out and reported
 * in `errors` with the field's path.
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
    const sources = commvaultSources(ctx, args.upstream);
    const answered = new Set<string>();
    const jobs = await fanOutList(
      sources,
      async (source) => {
        const found = await jobsInWindow(source, { startedAfter: window.since, startedBefore: window.until });
        answered.add(source.instanceId);
        return found;
      },
      recordPartial(ctx, info),
    );
    const upstreams = sources.filter((s) => answered.has(s.instanceId)).map((s) => s.upstream);
    return { ...summariseJobs(jobs, window), upstreams };
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
    return fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) => {
        const [servers, backups] = await Promise.all([
          source.listServers(),
          jobsInWindow(source, { jobTypes: [BACKUP_JOB_TYPE], startedAfter: cutoff }),
        ]);
        const workloads = servers.filter(isWorkload).sort((a, b) => byName(a.name, b.name) || a.clientId - b.clientId);
        const findings = findUnprotected(workloads, (w) => w.clientId, backups, (j) => j.clientId, cutoff);
        const clients = await ctx.loaders.clientById.loadMany(findings.map((f) => ({ instanceId: source.instanceId, id: f.workload.clientId })));
        return findings.map((f, i): UnprotectedWorkload => {
          const client = clients[i];
          if (client instanceof Error) throw client;
          return {
            workload: client ?? clientOfServer(source.upstream, f.workload),
            gap: f.gap,
            failedBackupCount: f.failedBackupCount,
            instanceId: source.instanceId,
            clientId: f.workload.clientId,
          };
        });
      },
      recordPartial(ctx, info),
    );
  }

  @Query(() => [StorageTarget], {
    description: 'Storage targets with severity WARNING (< 20 % free) or CRITICAL (< 10 % free): CRITICAL first, then least free first.',
  })
  async capacityAlerts(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvStoragePool[]> {
    const targets = await fanOutList(
      commvaultSources(ctx, args.upstream),
      (source) => source.listStoragePools(),
      recordPartial(ctx, info),
    );
    return alertsFirst(targets, (t) => t.severity, (a, b) => ascendingNullsLast(a.freePercent, b.freePercent));
  }

  @Query(() => [CommvaultDdbStore], {
    description:
      'Deduplication stores with severity WARNING (Q&I > 1000 µs) or CRITICAL (> 2000 µs): CRITICAL first, then slowest first. ' +
      'One `GET /DDBInformation/{id}` per store.',
  })
  async ddbAlerts(
    @Args(() => UpstreamArgs) args: UpstreamArgs,
    @Ctx() ctx: GatewayContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CvDdbStore[]> {
    const stores = await fanOutList(
      commvaultSources(ctx, args.upstream),
      async (source) => {
        const listed = await source.listDdbStores();
        const details = await ctx.loaders.ddbStoreById.loadMany(listed.map((d) => ({ instanceId: source.instanceId, id: d.storeId })));
        return listed.flatMap((d, i) => {
          const detail = details[i];
          if (detail instanceof Error) throw detail;
          if (!detail) return [];
          // The detail answer has partitions; the engine list names policy and copy.
          return [{ ...detail, storagePolicyName: detail.storagePolicyName ?? d.storagePolicyName, copyName: detail.copyName ?? d.copyName }];
        });
      },
      recordPartial(ctx, info),
    );
    return alertsFirst(
      stores,
      (d) => d.severity,
      (a, b) => ascendingNullsLast(negate(a.avgQiMicros), negate(b.avgQiMicros)),
    );
  }
}

/** A client backups are expected for: software configured and at least one agent (iDA) installed. */
function isWorkload(server: CvServer): boolean {
  return server.configured !== false && server.agents.length > 0;
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

const negate = (n: number | null): number | null => (n === null ? null : -n);
