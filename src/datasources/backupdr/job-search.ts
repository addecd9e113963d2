import type { BackupDrSource } from './backupdr-source.js';
import type { BdrJob } from './model.js';
import type { InstancePage } from '../../paging/fan-out.js';
import { enumConditions, JOB_ORDER, jobResource, startWindow, statusConditions } from './list-specs.js';
import type { JobConditions } from '../domain.js';

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
