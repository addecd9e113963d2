import type { CommvaultSource } from './commvault-source.js';
import { ACTIVE_STATUSES, FINISHED_STATUSES } from './mappers/job-status.js';
import type { CvJob, ListJobsOptions } from './model.js';
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { JobCategory, JobStatus, type JobConditions } from '../domain.js';
import { fanOutPage, newestFirst, sliceOf, type InstancePage, type Sourced } from '../../paging/fan-out.js';
import { cursorScope, type MergedPage } from '../../paging/pagination.js';

/** What a job list asks for, after global ids and upstream ids have been resolved. */
export interface JobSearch extends JobConditions {
  sources: readonly CommvaultSource[];
  /** Served by the upstream (`clientId`); only meaningful with one source. */
  clientId?: number;
  /** Not an upstream filter: applied in the gateway over the client's whole window. */
  subclientId?: number;
}

/** Page size of the full-window walk (the most `GET /Job` answers with in one page in practice). */
export const WINDOW_PAGE_SIZE = 1000;
/** A window this long (pages × size) is refused: narrow it with startedAfter, client or category. */
export const MAX_WINDOW_PAGES = 50;
/** Slack added to `completedJobLookupTime` so clock skew with the CommServe cannot drop edge jobs. */
const LOOKUP_SLACK_SECONDS = 300;
/**
 * `completedJobLookupTime` is rounded up to whole minutes (a superset, filtered exactly here): a window
 * given relative to now ("the last 24 h") then asks the same upstream URL for a minute, so concurrent
 * and repeated requests share cache entries and in-flight calls instead of differing by a second.
 */
const LOOKUP_GRANULARITY_SECONDS = 60;

const ALL_STATUSES = Object.values(JobStatus).length;
const UPSTREAM_CATEGORY = { ACTIVE: 'Active', FINISHED: 'Finished', ALL: undefined } as const;

/**
 * Jobs across instances, newest start first, one Relay page at a time.
 *
 * `GET /Job` can itself filter by client (`clientId`), job type (`jobFilter`), active/finished
 * (`jobCategory`) and a lower bound on completion time (`completedJobLookupTime`); it cannot filter by
 * an exact status subset, a start-time window or a subclient. So:
 *  - the dashboard cases (no filter, category, job type, client) are pushed down whole and cost ONE
 *    `GET /Job` per instance per page (`limit`/`offset` headers, `totalRecordsWithoutPaging` as total);
 *  - anything else pushes down what it can (a status subset that is all-active or all-finished becomes
 *    `jobCategory`; `startedAfter` becomes `completedJobLookupTime`, which is a superset because a job
 *    started after T also completed after T), then walks the instance's whole window in pages of
 *    1000 (cached by the pipeline, so later pages of the same query are free within the TTL), filters
 *    it exactly here and pages the result in memory. The total is then the exact filtered count.
 */
export function searchJobs(
  search: JobSearch,
  page: { first?: number | null; after?: string | null; maxPageSize: number },
  onFailure: (source: CommvaultSource, error: GatewayError) => void,
): Promise<MergedPage<Sourced<CvJob, CommvaultSource>>> {
  return fanOutPage<CvJob, CommvaultSource>({
    sources: search.sources,
    first: page.first,
    after: page.after,
    maxPageSize: page.maxPageSize,
    // Not `upstream` itself: its lookup time moves with the clock, and cursors must outlive a request.
    scope: cursorScope(['jobs', search.sources.map((s) => s.instanceId), describeSearch(search)]),
    fetch: commvaultJobFetch(search),
    before: (a, b) => newestFirst(a.startedAt, b.startedAt),
    onFailure,
  });
}

/** One CommServe's page of a search: one `GET /Job` when the upstream serves it all, else the filtered window. */
export function commvaultJobFetch(search: JobSearch): (source: CommvaultSource, offset: number, first: number) => Promise<InstancePage<CvJob>> {
  const upstream = upstreamOptions(search);
  const predicate = gatewayPredicate(search);
  return (source, offset, first) =>
    predicate
      ? filteredWindow(source, upstream, predicate).then((all) => sliceOf(all, offset, first))
      : source.listJobs({ ...upstream, limit: first, offset });
}

/** The part of the search `GET /Job` serves. */
export function upstreamOptions(search: JobSearch): Omit<ListJobsOptions, 'limit' | 'offset'> {
  const options: Omit<ListJobsOptions, 'limit' | 'offset'> = {};
  if (search.clientId !== undefined) options.clientId = search.clientId;
  const category = search.category ? UPSTREAM_CATEGORY[search.category] : categoryOfStatuses(search.statuses);
  if (category) options.category = category;
  if (search.jobTypes && search.jobTypes.length > 0) options.jobTypes = search.jobTypes;
  if (search.startedAfter) {
    // Floor, not ceil: a window given relative to now ("the last 24 h") is then a whole number of seconds
    // old for a full second, instead of flipping to the next minute bucket as soon as 1 ms has passed
    // (which made a repeated request miss the cache). The slack covers the lost fraction.
    const ageSeconds = Math.floor((Date.now() - search.startedAfter.getTime()) / 1000);
    const lookup = Math.max(0, ageSeconds) + LOOKUP_SLACK_SECONDS;
    options.lookupSeconds = Math.ceil(lookup / LOOKUP_GRANULARITY_SECONDS) * LOOKUP_GRANULARITY_SECONDS;
  }
  return options;
}

/** The exact conditions the upstream cannot apply, or undefined when there are none (one call per page). */
export function gatewayPredicate(search: JobSearch): ((job: CvJob) => boolean) | undefined {
  const checks: Array<(job: CvJob) => boolean> = [];
  const statuses = search.statuses && search.statuses.length > 0 ? new Set(search.statuses) : undefined;
  if (statuses && statuses.size < ALL_STATUSES) checks.push((j) => statuses.has(j.status));
  const after = search.startedAfter?.getTime();
  if (after !== undefined) checks.push((j) => j.startedAt !== null && j.startedAt.getTime() >= after);
  const before = search.startedBefore?.getTime();
  if (before !== undefined) checks.push((j) => j.startedAt !== null && j.startedAt.getTime() < before);
  const subclientId = search.subclientId;
  if (subclientId !== undefined) checks.push((j) => j.subclient?.subclientId === subclientId);
  return checks.length === 0 ? undefined : (job) => checks.every((check) => check(job));
}

/** A status subset inside one category lets the upstream drop the other category. */
function categoryOfStatuses(statuses: readonly JobStatus[] | null | undefined): ListJobsOptions['category'] {
  if (!statuses || statuses.length === 0) return undefined;
  if (statuses.every((s) => ACTIVE_STATUSES.has(s))) return 'Active';
  if (statuses.every((s) => FINISHED_STATUSES.has(s))) return 'Finished';
  return undefined;
}

/**
 * Every job of one instance that matches the search's conditions (its `sources` are not used), newest
 * start first: the same window walk a gateway-filtered `jobs` page makes, so the monitoring fields share
 * its pages (and its cache entries) and its limit: a window of more than MAX_WINDOW_PAGES pages is
 * refused with QUERY_TOO_COMPLEX.
 */
export function jobsInWindow(source: CommvaultSource, conditions: Omit<JobSearch, 'sources'>): Promise<CvJob[]> {
  const search: JobSearch = { ...conditions, sources: [source] };
  return filteredWindow(source, upstreamOptions(search), gatewayPredicate(search) ?? (() => true));
}

/** The instance's whole window (pages of 1000, in parallel after the first), filtered and sorted newest first. */
async function filteredWindow(
  source: CommvaultSource,
  upstream: Omit<ListJobsOptions, 'limit' | 'offset'>,
  predicate: (job: CvJob) => boolean,
): Promise<CvJob[]> {
  const head = await source.listJobs({ ...upstream, limit: WINDOW_PAGE_SIZE, offset: 0 });
  const pages = Math.ceil(head.total / WINDOW_PAGE_SIZE);
  if (pages > MAX_WINDOW_PAGES) {
    throw new GatewayError(
      ErrorCode.QUERY_TOO_COMPLEX,
      `the job window of upstream "${source.instanceId}" holds ${head.total} jobs; narrow it with startedAfter, client or category`,
      { upstream: { instance: source.instanceId } },
    );
  }
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
      source.listJobs({ ...upstream, limit: WINDOW_PAGE_SIZE, offset: (i + 1) * WINDOW_PAGE_SIZE }),
    ),
  );
  const seen = new Set<number>();
  const jobs: CvJob[] = [];
  // Jobs move between pages while the window is read (new jobs push old ones down); a job seen twice counts once.
  for (const page of [head, ...rest]) {
    for (const job of page.items) {
      if (seen.has(job.jobId) || !predicate(job)) continue;
      seen.add(job.jobId);
      jobs.push(job);
    }
  }
  return jobs.sort((a, b) => (newestFirst(a.startedAt, b.startedAt) ? -1 : newestFirst(b.startedAt, a.startedAt) ? 1 : b.jobId - a.jobId));
}

/** The search's conditions in a stable form, for cursor scopes. */
export function describeSearch(search: JobSearch): unknown {
  return [
    search.clientId ?? null,
    search.subclientId ?? null,
    search.category ?? null,
    [...(search.statuses ?? [])].sort(),
    [...(search.jobTypes ?? [])].map((t) => t.toLowerCase()).sort(),
    search.startedAfter?.getTime() ?? null,
    search.startedBefore?.getTime() ?? null,
  ];
}
