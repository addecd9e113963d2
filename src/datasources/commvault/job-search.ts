import type { CommvaultSource } from './commvault-source.js';
import { commvaultJobPosition } from './mappers/job.js';
import { ACTIVE_STATUSES, FINISHED_STATUSES } from './mappers/job-status.js';
import type { CvJob, ListJobsOptions } from './model.js';
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { JobCategory, JobStatus, type JobConditions } from '../domain.js';
import { fanOutPage, newestFirst, sliceOf, type InstancePage, type Sourced } from '../../paging/fan-out.js';
import { comesAfter, compareJobPositions, type JobPosition } from '../../paging/job-order.js';
import { cursorScope, type MergedPage } from '../../paging/pagination.js';
import type { MergeablePage, PositionedPage } from '../../paging/position-fan-out.js';

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
  return jobs.sort((a, b) => compareJobPositions(commvaultJobPosition(a, source.instanceId), commvaultJobPosition(b, source.instanceId)));
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

/** The grid of seek reads (jobs); see seekAfter. */
const SEEK_CELL = 500;
/** Reads of one page's seek before the gateway gives up on the hint and reads the whole window. */
const MAX_SEEK_READS = 6;

/**
 * One CommServe's stream of the unified list, paged by position: its jobs after `after`, `first` of them
 * at least when it has them.
 *
 * `GET /Job` pages by offset only and has no start-time bound (docs/upstreams/commvault.md §3.1–3.2), so:
 *  - a gateway-filtered search reads its window (cached, see filteredWindow) and cuts it at the place;
 *  - otherwise the list, newest first, is read from the offset the cursor saw the place at (`hint`), one
 *    job early: that job must sort at or before the place, which proves that no job was skipped. Jobs
 *    started since push the place down the list (the read steps forward past them); jobs that left the
 *    list (a finished job leaving an active-only list) pull it up (the read steps back). Unchanged lists
 *    cost one call per page, like an offset would.
 */
export function commvaultJobsAfter(search: JobSearch): (source: CommvaultSource, after: JobPosition | null, first: number, hint: number | undefined) => Promise<MergeablePage<CvJob>> {
  const upstream = upstreamOptions(search);
  const predicate = gatewayPredicate(search);
  return async (source, after, first, hint) => {
    if (predicate) return windowAfter(await filteredWindow(source, upstream, predicate), source.instanceId, after, first);
    if (after === null) {
      // The merge reads every job's place but keeps `first` jobs of all upstreams: only those are mapped,
      // and, over several CommServes, only those parsed.
      const page = await source.listJobsByIndex({ ...upstream, limit: first, offset: 0 }, { keepsFew: search.sources.length > 1 });
      return { items: page, more: page.more, total: page.total, offset: 0 };
    }
    return (await seekAfter(source, upstream, after, first, hint ?? 0)) ?? windowAfter(await filteredWindow(source, upstream, () => true), source.instanceId, after, first);
  };
}

/** The jobs of a sorted window after the place (found by bisection). */
function windowAfter(all: readonly CvJob[], instanceId: string, after: JobPosition | null, first: number): PositionedPage<CvJob> {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comesAfter(commvaultJobPosition(all[mid] as CvJob, instanceId), after)) hi = mid;
    else lo = mid + 1;
  }
  return { items: all.slice(lo, lo + first), more: lo + first < all.length, total: all.length };
}

/** The seek described at commvaultJobsAfter; undefined when the list moved more than a few reads could follow. */
async function seekAfter(
  source: CommvaultSource,
  upstream: Omit<ListJobsOptions, 'limit' | 'offset'>,
  after: JobPosition,
  first: number,
  hint: number,
): Promise<PositionedPage<CvJob> | undefined> {
  const isAfter = (job: CvJob) => comesAfter(commvaultJobPosition(job, source.instanceId), after);
  // Reads start on a grid and reach one cell further than the page: the pages of a walk that fall in one
  // cell ask the same URL, so they share a cached answer (a Cloud tenant's budget is 1000 reads an hour).
  const limit = SEEK_CELL + first + 1;
  let start = Math.floor(Math.max(0, hint - 1) / SEEK_CELL) * SEEK_CELL;
  for (let read = 0, step = limit; read < MAX_SEEK_READS; read++, step *= 2) {
    const page = await source.listJobs({ ...upstream, limit, offset: start });
    const items = page.items;
    if (start > 0 && (items.length === 0 || isAfter(items[0] as CvJob))) {
      // Jobs before the place left the list: the place moved up.
      start = Math.max(0, Math.min(start, page.total) - step);
      continue;
    }
    const k = items.findIndex(isAfter);
    const end = start + items.length;
    if (k === -1) {
      if (end >= page.total) return { items: [], more: false, total: page.total, offset: page.total };
      // Jobs started since pushed the place down the list.
      start = end - 1;
      continue;
    }
    const rest = items.slice(k);
    if (rest.length > first) return { items: rest.slice(0, first + 1), more: true, total: page.total, offset: start + k };
    if (rest.length === first || end >= page.total) return { items: rest, more: end < page.total, total: page.total, offset: start + k };
    // Few of the read jobs follow the place: read on, keeping what follows the last one kept.
    const next = await source.listJobs({ ...upstream, limit: first, offset: end });
    const last = commvaultJobPosition(rest[rest.length - 1] as CvJob, source.instanceId);
    const more = next.items.filter((j) => comesAfter(commvaultJobPosition(j, source.instanceId), last));
    return { items: [...rest, ...more], more: end + next.items.length < next.total, total: next.total, offset: start + k };
  }
  return undefined;
}
