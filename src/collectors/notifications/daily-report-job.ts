import type { HistoryStore, JobOutcomeRecord } from '../../store/history-store.js';
import { composeDailyReport, DAILY_REPORT_WINDOW_MS, type DailyReport, type ReportWorkload } from './daily-report.js';
import type { Notifier } from './notifier.js';

export interface DailyReportJobDeps {
  store: Pick<HistoryStore, 'jobOutcomes'>;
  notifier: Pick<Notifier, 'sendDailyReport'>;
  /** Which stored outcomes are backups: each product names its backup job types its own way. */
  isBackupJob: (job: JobOutcomeRecord) => boolean;
  /** The upstreams the report lists, with zeros when they ran nothing. */
  upstreamIds: readonly string[];
  /** The workloads expected to have a backup (a failing lookup leaves the report without that list). @default none */
  workloads?: () => Promise<readonly ReportWorkload[]>;
  timeZone: string;
}

/**
 * One run of the daily report, for `scheduleDailyReport`: the stored job outcomes of the 24 h before
 * `dueAt` (kept by the collectors even after an upstream aged its jobs out), composed, then kept and
 * sent by the Notifier. Answers the report.
 */
export async function runDailyReport(deps: DailyReportJobDeps, dueAt: number): Promise<DailyReport> {
  const outcomes = await deps.store.jobOutcomes({ since: dueAt - DAILY_REPORT_WINDOW_MS, until: dueAt, upstreamIds: [...deps.upstreamIds] });
  const workloads = deps.workloads ? await deps.workloads() : [];
  const report = composeDailyReport({ jobs: outcomes.filter(deps.isBackupJob), workloads, upstreamIds: deps.upstreamIds, timeZone: deps.timeZone }, dueAt);
  await deps.notifier.sendDailyReport(report);
  return report;
}
