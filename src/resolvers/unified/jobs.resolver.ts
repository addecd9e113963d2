import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import { JobConnection } from '../../schema/unified/job-connection.type.js';
import { JobsArgs } from '../../schema/unified/jobs.args.js';
import { presentJob, upstreamOf } from '../commvault/present.js';
import { recordPartial } from '../partial-errors.js';
import { clientFromId } from '../sources.js';
import { searchJobs, type JobSearch } from './job-search.js';

@Resolver()
export class JobsResolver {
  @Query(() => JobConnection, {
    description:
      'Jobs of every upstream you may see (or those in filter.upstream), newest start first. An upstream that ' +
      'fails leaves its jobs out and adds an error with this field\'s path; the others stand.',
  })
  async jobs(@Args(() => JobsArgs) args: JobsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<JobConnection> {
    const filter = args.filter ?? {};
    const narrowed = filter.upstream && filter.upstream.length > 0 ? filter.upstream : undefined;
    let sources = ctx.sources.commvaultInstances(narrowed);
    const search: JobSearch = {
      sources,
      category: filter.category,
      statuses: filter.status,
      jobTypes: filter.jobType,
      startedAfter: filter.startedAfter,
      startedBefore: filter.startedBefore,
    };
    if (filter.client) {
      // A client lives on one instance: the search narrows to it (and is empty if filter.upstream excludes it).
      const { source, clientId } = clientFromId(ctx, filter.client);
      sources = sources.filter((s) => s.instanceId === source.instanceId);
      Object.assign(search, { sources, clientId });
    }
    const page = await searchJobs(search, { first: args.first, after: args.after, maxPageSize: ctx.maxPageSize }, recordPartial(ctx, info));
    return {
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: presentJob(upstreamOf(e.node.source), e.node.item) })),
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
    };
  }
}
