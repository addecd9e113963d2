import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../context.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import type { UpstreamRef } from '../../datasources/record.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import type { ScopedJobsArgs } from '../../schema/unified/scoped-jobs.args.js';
import { recordPartial } from '../partial-errors.js';
import { searchJobs } from '../../datasources/commvault/job-search.js';
import { commvaultSource } from './sources.js';

/** The `jobs` connection of a client or subclient: one instance, the parent's ids fixed. */
export async function scopedJobs(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  upstream: UpstreamRef,
  scope: { clientId?: number; subclientId?: number },
  args: ScopedJobsArgs,
): Promise<ConnectionOf<CvJob>> {
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
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.item })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}
