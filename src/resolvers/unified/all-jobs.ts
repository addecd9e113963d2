import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import type { BdrJob } from '../../datasources/backupdr/model.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { CvJob } from '../../datasources/commvault/model.js';
import type { GatewayError } from '../../errors/gateway-error.js';
import { fanOutPage, newestFirst, type Sourced } from '../fan-out.js';
import { cursorScope, type MergedPage } from '../pagination.js';
import { consoleJobFetch } from './console-jobs.js';
import { commvaultJobFetch, describeSearch, type JobSearch } from './job-search.js';

export type AnyJobSource = CommvaultSource | BackupDrSource;

/** A job of either product, tagged with the kind of its source (the page's client preload reads Commvault jobs only). */
export type AnyJob = { kind: 'commvault'; job: CvJob } | { kind: 'backupdr'; job: BdrJob };

/**
 * The unified `jobs` page: every CommServe (see searchJobs) and every console stream, newest start
 * first, k-way merged by `fanOutPage`. Each stream is asked once per page from the offset its cursor
 * recorded; a failing upstream is reported and left out of this page only.
 */
export function searchAllJobs(
  search: JobSearch,
  consoles: readonly BackupDrSource[],
  page: { first?: number | null; after?: string | null; maxPageSize: number; wantTotal: boolean },
  onFailure: (source: AnyJobSource, error: GatewayError) => void,
): Promise<MergedPage<Sourced<AnyJob, AnyJobSource>>> {
  const commvault = commvaultJobFetch(search);
  const console = consoleJobFetch(search, page.wantTotal);
  const cvIds = new Set(search.sources.map((s) => s.instanceId));
  const sources: AnyJobSource[] = [...search.sources, ...consoles];
  return fanOutPage<AnyJob, AnyJobSource>({
    sources,
    first: page.first,
    after: page.after,
    maxPageSize: page.maxPageSize,
    scope: cursorScope(['jobs', sources.map((s) => s.instanceId), describeSearch(search)]),
    fetch: async (source, offset, first) => {
      if (cvIds.has(source.instanceId)) {
        const p = await commvault(source as CommvaultSource, offset, first);
        return { total: p.total, items: p.items.map((job): AnyJob => ({ kind: 'commvault', job })) };
      }
      const p = await console(source as BackupDrSource, offset, first);
      return { total: p.total, items: p.items.map((job): AnyJob => ({ kind: 'backupdr', job })) };
    },
    before: (a, b) => newestFirst(a.job.startedAt, b.job.startedAt),
    onFailure,
  });
}
