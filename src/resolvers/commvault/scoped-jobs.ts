import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../context.js';
import type { JobConnection } from '../../schema/unified/job-connection.type.js';
import type { ScopedJobsArgs } from '../../schema/unified/scoped-jobs.args.js';
import type { Upstream } from '../../schema/unified/upstream.type.js';
import { recordPartial } from '../partial-errors.js';
import { searchJobs } from '../../datasources/commvault/job-search.js';
import { presentJob } from './present.js';
import { commvaultSource } from './sources.js';

/** The `jobs` connection of a client or subclient: one instance, the parent's ids fixed. */
export async function scopedJobs(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  upstream: Upstream,
  scope: { clientId?: number; subclientId?: number },
  args: ScopedJobsArgs,
): Promise<JobConnection> {
  const f = args.filter ?? {};
  const page = await searchJobs(
    {
      sources: [commvaultSource(ctx, upstream.id)],
      ...scope,
      category: f.category,
      statuses: f.status,
      jobTypes: f.jobType,
      startedAfter: f.startedAfter,
      startedBefore: f.startedBefore,
    },
    { first: args.first, after: args.after, maxPageSize: ctx.maxPageSize },
    recordPartial(ctx, info),
  );
  return {
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: presentJob(upstream, e.node.item) })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}
