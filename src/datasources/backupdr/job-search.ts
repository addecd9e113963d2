import type { BackupDrSource } from './backupdr-source.js';
import type { BdrJob } from './model.js';
import type { InstancePage } from '../../paging/fan-out.js';
import { enumConditions, JOB_ORDER, jobResource, startWindow, statusConditions } from './list-specs.js';
import type { JobConditions } from '../domain.js';
import { ErrorCode } from '../../errors/codes.js';
import { GatewayError } from '../../errors/gateway-error.js';

/** The unified job conditions a console can serve (all of them: it filters server-side). */
export type ConsoleJobSearch = JobConditions;

/**
 * One console's stream of the unified `jobs` list: its own list view filtered and sorted newest start
 * first by the console (`sort=startdate:desc,id:desc`), so the k-way merge can take its pages as they
 * come. `limit` is `first + 1`: the extra job says whether more follow without a count; the HEAD count
 * is asked (in parallel) only when `totalCount` is selected.
 *
 * Unified job types are matched case-insensitively against the console's `jobclass` values (OPTIONS):
 * types the console does not know (e.g. Commvault's `Backup`) match none of its jobs, so a filter of
 * only such types leaves the console out instead of failing the query.
 */
export function consoleJobFetch(search: ConsoleJobSearch, wantTotal: boolean): (source: BackupDrSource, offset: number, first: number) => Promise<InstancePage<BdrJob>> {
  return async (source, offset, first) => {
    const resource = jobResource(search.category);
    const [statuses, classes] = await Promise.all([
      statusConditions(source, resource, search.statuses),
      enumConditions(source, resource, 'jobclass', search.jobTypes),
    ]);
    if (statuses === null || classes === null) return { total: 0, items: [] };
    const spec = { conditions: [...statuses, ...classes, ...startWindow(search.startedAfter, search.startedBefore)], defaultSort: JOB_ORDER };
    const [page, total] = await Promise.all([
      source.list(resource, { ...spec, offset, limit: first + 1 }),
      wantTotal ? source.count(resource, spec) : Promise.resolve(undefined),
    ]);
    return { total: total ?? offset + page.items.length, items: page.items };
  };
}

/** Page size of a console's full-window walk (the console simulator and AGMPowerCLI use 1000-object pages too). */
export const CONSOLE_WINDOW_PAGE_SIZE = 1000;
/** A window of more pages is refused, as a Commvault window walk is: narrow it with startedAfter or category. */
export const CONSOLE_MAX_WINDOW_PAGES = 50;

/**
 * Every job of one console that matches the conditions, newest start first: the pages of the very stream
 * the unified `jobs` list reads (consoleJobFetch), walked in order until a short page, so the monitoring
 * fields count exactly what that list shows. One list call per 1000 jobs (plus the OPTIONS metadata
 * the filters are checked against, cached for an hour).
 * @throws QUERY_TOO_COMPLEX when the window holds more than CONSOLE_MAX_WINDOW_PAGES pages.
 */
export async function consoleJobsInWindow(source: BackupDrSource, conditions: ConsoleJobSearch): Promise<BdrJob[]> {
  const fetchPage = consoleJobFetch(conditions, false);
  const seen = new Set<string>();
  const jobs: BdrJob[] = [];
  for (let page = 0; ; page++) {
    if (page === CONSOLE_MAX_WINDOW_PAGES) {
      throw new GatewayError(
        ErrorCode.QUERY_TOO_COMPLEX,
        `the job window of upstream "${source.instanceId}" holds more than ${CONSOLE_MAX_WINDOW_PAGES * CONSOLE_WINDOW_PAGE_SIZE} jobs; narrow it`,
        { upstream: { instance: source.instanceId } },
      );
    }
    // `first + 1` is asked: more than a page's worth back means another page follows.
    const { items } = await fetchPage(source, page * CONSOLE_WINDOW_PAGE_SIZE, CONSOLE_WINDOW_PAGE_SIZE);
    // Jobs move between pages while the window is read (new jobs push old ones down); a job seen twice counts once.
    for (const job of items.slice(0, CONSOLE_WINDOW_PAGE_SIZE)) {
      if (seen.has(job.consoleId)) continue;
      seen.add(job.consoleId);
      jobs.push(job);
    }
    if (items.length <= CONSOLE_WINDOW_PAGE_SIZE) return jobs;
  }
}
