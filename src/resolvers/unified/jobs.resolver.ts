import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { UpstreamSource } from '../../datasources/upstream-source.js';
import { badUserInput } from '../../errors/gateway-error.js';
import { conditionsOf } from '../../monitoring/job-conditions.js';
import { cursorScope } from '../../paging/pagination.js';
import { fanOutAfter, type SourcedEdge } from '../../paging/position-fan-out.js';
import { PRODUCTS } from '../../products.js';
import { JobConnection } from '../../schema/unified/job-connection.type.js';
import type { Job } from '../../schema/unified/job.type.js';
import { JobsArgs } from '../../schema/unified/jobs.args.js';
import type { JobFilter } from '../../schema/unified/job-filter.input.js';
import { fromGlobalId } from '../../util/global-id.js';
import { recordPartial } from '../partial-errors.js';
import type { ProductJobs, UnifiedJobSearch } from '../product.js';
import { selectsField } from '../selection.js';
import { sourcesByProduct } from './product-sources.js';

/** One product's streams and the sources they run over. */
interface Streams {
  jobs: ProductJobs<UpstreamSource>;
  sources: UpstreamSource[];
}

/** Part of every cursor's scope: a cursor of an older order of the list is refused, not misread. */
const JOB_ORDER_VERSION = 'time-upstream-id';

@Resolver()
export class JobsResolver {
  @Query(() => JobConnection, {
    description:
      'Jobs of every upstream you may see (or those in filter.upstream), CommServes and consoles, newest first by start time ' +
      '(a job not started yet: by the time it was queued), then by upstream id and job id. Cursors hold a place in that order, ' +
      'so jobs that start between pages shift nothing: paging with `after` returns every job once. ' +
      'An upstream that fails leaves its jobs out and adds an error with this field\'s path; the others stand.',
  })
  async jobs(@Args(() => JobsArgs) args: JobsArgs, @Ctx() ctx: GatewayContext, @Info() info: GraphQLResolveInfo): Promise<JobConnection> {
    const filter = args.filter ?? {};
    // The monitoring fields count through the same definition (src/monitoring/job-conditions.ts).
    const search: UnifiedJobSearch = conditionsOf(filter);
    const byProduct = sourcesByProduct(ctx, filter.upstream);
    const wantTotal = selectsField(info, 'totalCount');
    const streams: Streams[] = filter.client
      ? [workloadStreams(ctx, info, search, filter.client, byProduct.flatMap((p) => p.sources))]
      : byProduct.map(({ product, sources }) => ({ jobs: product.jobs(ctx, info, sources, search, wantTotal), sources }));
    const streamOf = new Map<UpstreamSource, Streams>();
    for (const s of streams) for (const source of s.sources) streamOf.set(source, s);
    const sources = streams.flatMap((s) => s.sources);
    const page = await fanOutAfter<Job, UpstreamSource>({
      sources,
      first: args.first,
      after: args.after,
      maxPageSize: ctx.maxPageSize,
      // Not the upstream parameters: a lookup time moves with the clock, and cursors must outlive a request.
      scope: cursorScope(['jobs', JOB_ORDER_VERSION, sources.map((s) => s.instanceId), describe(filter)]),
      fetch: (source, after, first, hint) => (streamOf.get(source) as Streams).jobs.fetch(source, after, first, hint),
      positionOf: (job, source) => (streamOf.get(source) as Streams).jobs.positionOf(job, source),
      onFailure: recordPartial(ctx, info),
    });
    if (streams.some((s) => s.jobs.settle)) settlePage(page.edges, streamOf);
    return page;
  }
}

/**
 * The list narrowed to one workload (`filter.client`): the product that owns the id's type asks its one
 * upstream, if `filter.upstream` (already resolved into `allowed`) leaves it in.
 */
function workloadStreams(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  search: UnifiedJobSearch,
  workloadId: string,
  allowed: readonly UpstreamSource[],
): Streams {
  const { typeName } = fromGlobalId(workloadId);
  const owner = PRODUCTS.find((p) => p.jobsOfWorkload && p.cost.ownsWorkload?.(typeName));
  if (!owner?.jobsOfWorkload) throw badUserInput(`"${workloadId.slice(0, 80)}" is not a workload id`);
  const { source, jobs } = owner.jobsOfWorkload(ctx, info, search, workloadId);
  return { jobs, sources: allowed.some((s) => s.instanceId === source.instanceId) ? [source] : [] };
}

/** Hands each product that settles its pages the sources with jobs on this one. */
function settlePage(edges: ReadonlyArray<SourcedEdge<Job, UpstreamSource>>, streamOf: ReadonlyMap<UpstreamSource, Streams>): void {
  const onPage = new Map<Streams, Set<UpstreamSource>>();
  for (const { source } of edges) {
    const stream = streamOf.get(source) as Streams;
    let sources = onPage.get(stream);
    if (sources === undefined) onPage.set(stream, (sources = new Set()));
    sources.add(source);
  }
  for (const [stream, sources] of onPage) stream.jobs.settle?.(sources);
}

/** The filter's conditions in a stable form, for cursor scopes. */
function describe(filter: JobFilter): unknown {
  return [
    filter.client ?? null,
    filter.category ?? null,
    [...(filter.status ?? [])].sort(),
    [...(filter.jobType ?? [])].map((t) => t.toLowerCase()).sort(),
    filter.startedAfter?.getTime() ?? null,
    filter.startedBefore?.getTime() ?? null,
  ];
}
