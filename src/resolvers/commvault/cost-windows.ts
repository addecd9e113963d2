import { JobStatus } from '../../datasources/domain.js';
import { summaryWindowDays, timeOf } from '../../monitoring/window.js';
import { MAX_WINDOW_PAGES, WINDOW_PAGE_SIZE } from '../../datasources/commvault/job-search.js';

const DAY_MS = 86_400_000;

/**
 * Jobs a CommServe starts per day, for windows the gateway reads whole (`GET /Job` pages of 1000): a
 * large CommServe. The demo simulator's starts ~430 a day (a month of a 300-client CommServe, see
 * monitoring/window.ts); guessing high keeps the estimate an upper bound for most estates.
 */
export const ASSUMED_JOBS_PER_DAY = 1000;
/** How far back a CommServe's job list reaches when a filter gives no start (Commvault keeps ~30 days of history by default). */
export const ASSUMED_HISTORY_DAYS = 30;

const ALL_STATUSES = Object.values(JobStatus).length;

/** `GET /Job` pages of a window of `days` days on one CommServe; the resolvers refuse more than MAX_WINDOW_PAGES. */
export function windowPages(days: number): number {
  const pages = Math.ceil((Math.max(0, days) * ASSUMED_JOBS_PER_DAY) / WINDOW_PAGE_SIZE);
  return Math.min(MAX_WINDOW_PAGES, Math.max(1, pages));
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * Pages per CommServe of one `jobs` page for a JobFilter/JobConditions: ONE `GET /Job` when the
 * upstream serves the whole filter; the window's pages when the gateway must filter (a status subset,
 * a start window: see job-search.ts `gatewayPredicate`). A client's own history fits one page.
 */
export function jobPagesPerCommServe(filterArg: unknown, now: number, options: { scopedToClient?: boolean } = {}): number {
  const filter = record(filterArg);
  const statuses = Array.isArray(filter.status) ? new Set(filter.status).size : 0;
  const after = timeOf(filter.startedAfter);
  const gatewayFiltered = (statuses > 0 && statuses < ALL_STATUSES) || after !== undefined || filter.startedBefore != null;
  if (!gatewayFiltered || options.scopedToClient || filter.client != null) return 1;
  return windowPages(after === undefined ? ASSUMED_HISTORY_DAYS : (now - after) / DAY_MS);
}

/** Pages per CommServe of `jobStatusSummary(since, until)`: its window (default the last 24 h, at most 31 days). */
export function summaryPages(since: unknown, until: unknown, now: number): number {
  return windowPages(summaryWindowDays(since, until, now));
}

/** Pages per CommServe of `unprotectedWorkloads(days)`: the backup jobs of the last `days` days. */
export function protectionPages(days: unknown): number {
  return windowPages(typeof days === 'number' ? days : 0);
}
