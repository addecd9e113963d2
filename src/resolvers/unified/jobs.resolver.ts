import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { BdrJob } from '../../datasources/backupdr/model.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { JobConnection } from '../../schema/unified/job-connection.type.js';
import { JobsArgs } from '../../schema/unified/jobs.args.js';
import { selectsField, selectsPath } from '../selection.js';
import { preloadClients } from '../commvault/preload-clients.js';
import { recordPartial } from '../partial-errors.js';
import { clientFromId, splitUpstreams } from '../sources.js';
import { searchAllJobs } from './all-jobs.js';
import type { JobSearch } from './job-search.js';

@Resolver()
export class JobsResolver {
  @Query(() => JobConnection, {
    description:
      'Jobs of every upstream you may see (or those in filter.upstream), CommServes and consoles, newest start first. ' +
      'An upstream that fails leaves its jobs out and adds an error with this field\'s path; the others stand.',
  })
  async jobs(@Args(() => JobsArgs) args: JobsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionOf<CvJob | BdrJob>> {
    const filter = args.filter ?? {};
    const narrowed = filter.upstream && filter.upstream.length > 0 ? filter.upstream : undefined;
    let { commvault: sources, backupdr: consoles } = splitUpstreams(ctx, narrowed);
    const search: JobSearch = {
      sources,
      category: filter.category,
      statuses: filter.status,
      jobTypes: filter.jobType,
      startedAfter: filter.startedAfter,
      startedBefore: filter.startedBefore,
    };
    if (filter.client) {
      // A client lives on one CommServe: the search narrows to it (and is empty if filter.upstream excludes it).
      const { source, clientId } = clientFromId(ctx, filter.client);
      sources = sources.filter((s) => s.instanceId === source.instanceId);
      consoles = [];
      Object.assign(search, { sources, clientId });
    }
    const preload = selectsPath(info, ['edges', 'node', 'client']) ? preloadClients(ctx, sources) : undefined;
    const page = await searchAllJobs(
      search,
      consoles,
      { first: args.first, after: args.after, maxPageSize: ctx.maxPageSize, wantTotal: selectsField(info, 'totalCount') },
      recordPartial(ctx, info),
    );
    await preload?.loadClients(
      page.edges.flatMap((e) => (e.node.item.kind === 'commvault' ? [{ instanceId: e.node.source.instanceId, job: e.node.item.job }] : [])),
    );
    return {
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.item.job })),
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
    };
  }
}
