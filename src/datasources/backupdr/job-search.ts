import type { BackupDrSource } from './backupdr-source.js';
import type { BdrJob } from './model.js';
import { comesAfter, compareJobPositions, jobTime, type JobPosition } from '../../paging/job-order.js';
import type { PositionedPage } from '../../paging/position-fan-out.js';
import { enumConditions, JOB_ORDER, jobResource, startWindow, statusConditions } from './list-specs.js';
import type { FilterCondition } from './query-builder.js';
import { JobCategory, JobStatus, type JobConditions } from '../domain.js';
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError } from '../../errors/gateway-error.js';

/** The unified job conditions a console can serve (all of them: it filters server-side). */
export type ConsoleJobSearch = JobConditions;

/** Console statuses of jobs that may not have started yet: they are read in their own list, by queue time. */
const NOT_STARTED = [JobStatus.WAITING, JobStatus.PENDING] as const;
/** The queued jobs' own order, newest queued first (docs/upstreams/backupdr.md §5.4). */
const QUEUE_ORDER = 'queuedate:desc,id:desc';

/** A console job's place in the unified list (src/paging/job-order.ts): started, else queued. */
export function consoleJobPosition(job: BdrJob, instanceId: string): JobPosition {
  return { at: jobTime(job.startedAt, job.queuedAt), upstream: instanceId, id: job.consoleId };
}

/** A range on a date field: the condition pair the console accepts once per field (docs/upstreams/backupdr.md §5.2). */
function range(field: string, from: number | undefined, to: number | undefined): FilterCondition[] {
  const out: FilterCondition[] = [];
  if (from !== undefined) out.push({ field, op: 'GE', value: String(from) });
  if (to !== undefined) out.push({ field, op: 'LE', value: String(to) });
  return out;
}

/** The last microsecond of the place's millisecond: the console keeps microseconds, the gateway milliseconds. */
const upToPlace = (after: JobPosition | null): number | undefined => (after?.at == null ? undefined : after.at * 1000 + 999);

/**
 * One console's stream of the unified `jobs` list, paged by position: its jobs after `after`, at least
 * `first` of them when it has them, and the HEAD count (in parallel) only when `totalCount` is selected.
 *
 * Started jobs are read with `sort=startdate:desc,id:desc` and `startdate` bounded by the place (so a
 * page reads only what lies after it); jobs not started yet (queued, pending: no `startdate`) sort by the
 * time they were queued, so they are read in a second list bounded by `queuedate`, and the two are
 * merged. The queued list is left out when the filter cannot match a job that has not started (a start
 * window, finished jobs only, statuses without WAITING or PENDING).
 *
 * Unified job types are matched case-insensitively against the console's `jobclass` values (OPTIONS):
 * types the console does not know (e.g. Commvault's `Backup`) match none of its jobs, so a filter of
 * only such types leaves the console out instead of failing the query.
 */
export function consoleJobsAfter(search: ConsoleJobSearch, wantTotal: boolean): (source: BackupDrSource, after: JobPosition | null, first: number) => Promise<PositionedPage<BdrJob>> {
  return async (source, after, first) => {
    const resource = jobResource(search.category);
    const [statuses, classes, queuedStatuses] = await Promise.all([
      statusConditions(source, resource, search.statuses),
      enumConditions(source, resource, 'jobclass', search.jobTypes),
      asksQueued(search) ? statusConditions(source, resource, NOT_STARTED.filter((s) => !search.statuses?.length || search.statuses.includes(s))) : null,
    ]);
    if (statuses === null || classes === null) return { items: [], more: false, total: 0 };
    const position = (job: BdrJob) => consoleJobPosition(job, source.instanceId);
    const startedFrom = search.startedAfter ? search.startedAfter.getTime() * 1000 : 0;
    const startedTo = [upToPlace(after), search.startedBefore ? search.startedBefore.getTime() * 1000 - 1 : undefined].filter((n) => n !== undefined);
    const read = async (limit: number) => {
      const started = source.list(resource, {
        conditions: [...statuses, ...classes, ...range('startdate', startedFrom, startedTo.length > 0 ? Math.min(...startedTo) : undefined)],
        defaultSort: JOB_ORDER,
        limit,
      });
      const queued = queuedStatuses && queuedStatuses.length > 0
        ? source.list(resource, { conditions: [...queuedStatuses, ...classes, ...range('queuedate', undefined, upToPlace(after))], defaultSort: QUEUE_ORDER, limit })
        : undefined;
      const [startedPage, queuedPage] = await Promise.all([started, queued]);
      const lists = [
        afterPlace(startedPage.items.filter((j) => j.startedAt !== null), startedPage.items.length === limit, after, position),
        ...(queuedPage ? [afterPlace(queuedPage.items.filter((j) => j.startedAt === null), queuedPage.items.length === limit, after, position)] : []),
      ];
      return mergeLists(lists, position);
    };
    const spec = { conditions: [...statuses, ...classes, ...startWindow(search.startedAfter, search.startedBefore)], defaultSort: JOB_ORDER };
    // One more than the page for the place's own job (the bound includes its millisecond) and one to see
    // whether more follow; the jobs of the last millisecond read are left for the next page (afterPlace).
    // Jobs sharing those milliseconds, or a queued list ending before the started one, can leave fewer
    // than `first` after the cut, and the merge needs `first` (PositionedPage): read again, twice as far.
    const readPage = async () => {
      let page = await read(first + 2);
      for (let limit = (first + 2) * 2, reads = 1; page.more && page.items.length < first && reads < MAX_READS_PER_PAGE; limit *= 2, reads++) {
        page = await read(limit);
      }
      return page;
    };
    const [page, total] = await Promise.all([readPage(), wantTotal ? source.count(resource, spec) : null]);
    return { ...page, total };
  };
}

/** Reads of one page before it is returned short (each twice as long as the one before). */
const MAX_READS_PER_PAGE = 4;

/** Whether a job that has not started can match the search. */
export function asksQueued(search: ConsoleJobSearch): boolean {
  if (search.startedAfter || search.startedBefore || search.category === JobCategory.FINISHED) return false;
  return !search.statuses?.length || NOT_STARTED.some((s) => search.statuses?.includes(s));
}

interface ReadList {
  items: BdrJob[];
  /** The read was cut by its limit: more may follow its last item. */
  cut: boolean;
}

/**
 * A read list's jobs after the place. When the read was cut, the jobs in its last millisecond are left
 * for the next page: the console ordered them by microsecond, the gateway orders them by id.
 */
function afterPlace(items: BdrJob[], cut: boolean, after: JobPosition | null, position: (job: BdrJob) => JobPosition): ReadList {
  let kept = items.filter((j) => comesAfter(position(j), after));
  if (cut && kept.length > 0) {
    const lastAt = position(kept[kept.length - 1] as BdrJob).at;
    const whole = kept.filter((j) => position(j).at !== lastAt);
    if (whole.length > 0) kept = whole;
  }
  return { items: kept, cut };
}

/** Two lists in the unified order, up to the end of the shorter cut one (past it, the other may lack jobs). */
function mergeLists(lists: readonly ReadList[], position: (job: BdrJob) => JobPosition): { items: BdrJob[]; more: boolean } {
  const cuts = lists.filter((l) => l.cut && l.items.length > 0).map((l) => position(l.items[l.items.length - 1] as BdrJob));
  const limit = cuts.sort(compareJobPositions)[0];
  const all = lists.flatMap((l) => l.items).sort((a, b) => compareJobPositions(position(a), position(b)));
  const items = limit ? all.filter((j) => compareJobPositions(position(j), limit) <= 0) : all;
  return { items, more: lists.some((l) => l.cut) };
}

/** Page size of a console's full-window walk (the console simulator and AGMPowerCLI use 1000-object pages too). */
export const CONSOLE_WINDOW_PAGE_SIZE = 1000;
/** A window of more pages is refused, as a Commvault window walk is: narrow it with startedAfter or category. */
export const CONSOLE_MAX_WINDOW_PAGES = 50;

/**
 * Every job of one console that matches the conditions, in the unified order: the very stream the
 * unified `jobs` list reads (consoleJobsAfter), paged by position until it has no more, so the monitoring
 * fields count exactly what that list shows. Each page continues after the last job of the one before, so
 * jobs starting while the window is read never shift a page and every job is counted once. One list call
 * per 1000 jobs (two while the conditions can match a queued job), plus the OPTIONS metadata the filters
 * are checked against, cached for an hour.
 * @throws QUERY_TOO_COMPLEX when the window holds more than CONSOLE_MAX_WINDOW_PAGES pages.
 */
export async function consoleJobsInWindow(source: BackupDrSource, conditions: ConsoleJobSearch): Promise<BdrJob[]> {
  const fetchPage = consoleJobsAfter(conditions, false);
  const jobs: BdrJob[] = [];
  let after: JobPosition | null = null;
  for (let page = 0; ; page++) {
    if (page === CONSOLE_MAX_WINDOW_PAGES) {
      throw new GatewayError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `the job window of upstream "${source.instanceId}" holds more than ${CONSOLE_MAX_WINDOW_PAGES * CONSOLE_WINDOW_PAGE_SIZE} jobs; narrow it`,
        { upstream: { instance: source.instanceId } },
      );
    }
    const { items, more } = await fetchPage(source, after, CONSOLE_WINDOW_PAGE_SIZE);
    jobs.push(...items);
    const last = items[items.length - 1];
    if (!more || last === undefined) return jobs;
    after = consoleJobPosition(last, source.instanceId);
  }
}
