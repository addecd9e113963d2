/**
 * The daily backup verification report (the reference's "automated backup verification": the last 24 h
 * of backup jobs, sorted into successful, failed and partly successful, with every failure, partial
 * success and workload without a backup listed as an issue). Pure: it reads plain data the caller took
 * from the history store and the estate, so the same input always gives the same report.
 */
import type { JobOutcomeRecord } from '../../store/history-store.js';
import { escapeHtml } from './html.js';
import { dateIn, isoDate } from './zoned-time.js';

export const DAILY_REPORT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** A job outcome as the report needs it (a JobOutcomeRecord fits). `status` is a JobStatus name. */
export type ReportJob = Pick<JobOutcomeRecord, 'upstreamId' | 'jobId' | 'status' | 'workloadId' | 'workloadName' | 'startedAt' | 'endedAt'>;

/** A workload that should be backed up (protected workloads of the estate). */
export interface ReportWorkload {
  upstreamId: string;
  /** The workload's global id, as JobOutcomeRecord.workloadId names it. */
  workloadId: string;
  name: string;
}

export interface DailyReportInput {
  /**
   * The backup jobs of (at least) the last 24 h, from every upstream. Jobs outside the window are
   * ignored, so a superset may be given; the caller picks the backup jobs, as only it knows each
   * product's job types.
   */
  jobs: readonly ReportJob[];
  /** The workloads expected to have a backup; each without any backup job in the window is an issue. @default none */
  workloads?: readonly ReportWorkload[];
  /** Upstreams to list even with no job (so a silent upstream shows as zeros, not as absent). @default those of jobs and workloads */
  upstreamIds?: readonly string[];
  /** Time zone of the report's `day`. @default UTC */
  timeZone?: string;
}

export interface OutcomeCounts {
  total: number;
  /** COMPLETED */
  succeeded: number;
  /** COMPLETED_WITH_ERRORS: a recovery point, with items skipped. */
  partial: number;
  /** FAILED or KILLED: no recovery point (the graph's failedCount). */
  failed: number;
  /** RUNNING, PENDING, WAITING, SUSPENDED: no outcome yet. */
  active: number;
  /** OTHER or a status name the report does not know. */
  other: number;
}

export interface ReportIssue {
  severity: 'CRITICAL' | 'WARNING';
  type: 'JOB_FAILED' | 'PARTIAL_SUCCESS' | 'NO_BACKUP';
  upstreamId: string;
  jobId: string | null;
  workloadId: string | null;
  workloadName: string | null;
  status: string | null;
  startedAt: string | null;
  message: string;
}

export interface DailyReportSummary {
  since: string;
  until: string;
  totals: OutcomeCounts;
  byUpstream: Array<OutcomeCounts & { upstreamId: string }>;
  /** Failures first (newest first), then partial successes (newest first), then workloads without a backup (by upstream, name). */
  issues: ReportIssue[];
}

export interface DailyReport {
  /** The date the report is due on in its time zone, `YYYY-MM-DD`: one report per day (the delivery log's subject). */
  day: string;
  summary: DailyReportSummary;
  text: string;
  html: string;
}

type Category = Exclude<keyof OutcomeCounts, 'total'>;

const CATEGORY: Readonly<Record<string, Category>> = {
  COMPLETED: 'succeeded',
  COMPLETED_WITH_ERRORS: 'partial',
  FAILED: 'failed',
  KILLED: 'failed',
  RUNNING: 'active',
  PENDING: 'active',
  WAITING: 'active',
  SUSPENDED: 'active',
};

function zeroCounts(): OutcomeCounts {
  return { total: 0, succeeded: 0, partial: 0, failed: 0, active: 0, other: 0 };
}

/** A job's place in time: its start (the graph's window rule), else its end for a job that never started. */
function timeOf(job: ReportJob): number | null {
  return job.startedAt ?? job.endedAt;
}

export function composeDailyReport(input: DailyReportInput, nowMs: number): DailyReport {
  const since = nowMs - DAILY_REPORT_WINDOW_MS;
  const jobs = input.jobs.filter((j) => {
    const t = timeOf(j);
    return t !== null && t >= since && t < nowMs;
  });

  const totals = zeroCounts();
  const perUpstream = new Map<string, OutcomeCounts>();
  for (const id of input.upstreamIds ?? []) perUpstream.set(id, zeroCounts());
  const counted = (upstreamId: string) => {
    let c = perUpstream.get(upstreamId);
    if (!c) perUpstream.set(upstreamId, (c = zeroCounts()));
    return c;
  };
  for (const job of jobs) {
    const category = CATEGORY[job.status] ?? 'other';
    for (const c of [totals, counted(job.upstreamId)]) {
      c.total += 1;
      c[category] += 1;
    }
  }

  const newestFirst = (a: ReportJob, b: ReportJob) => (timeOf(b) ?? 0) - (timeOf(a) ?? 0) || a.jobId.localeCompare(b.jobId);
  const jobIssue = (job: ReportJob, type: 'JOB_FAILED' | 'PARTIAL_SUCCESS'): ReportIssue => {
    const who = job.workloadName ?? job.workloadId ?? 'an unknown workload';
    return {
      severity: type === 'JOB_FAILED' ? 'CRITICAL' : 'WARNING',
      type,
      upstreamId: job.upstreamId,
      jobId: job.jobId,
      workloadId: job.workloadId,
      workloadName: job.workloadName,
      status: job.status,
      startedAt: job.startedAt === null ? null : new Date(job.startedAt).toISOString(),
      message: type === 'JOB_FAILED' ? `Backup ${job.status === 'KILLED' ? 'was killed' : 'failed'} for ${who}` : `Backup completed with errors for ${who}`,
    };
  };
  const failures = jobs.filter((j) => CATEGORY[j.status] === 'failed').sort(newestFirst).map((j) => jobIssue(j, 'JOB_FAILED'));
  const partials = jobs.filter((j) => CATEGORY[j.status] === 'partial').sort(newestFirst).map((j) => jobIssue(j, 'PARTIAL_SUCCESS'));

  const backedUp = new Set(jobs.map((j) => j.workloadId).filter((id): id is string => id !== null));
  const missing = (input.workloads ?? [])
    .filter((w) => !backedUp.has(w.workloadId))
    .sort((a, b) => a.upstreamId.localeCompare(b.upstreamId) || a.name.localeCompare(b.name) || a.workloadId.localeCompare(b.workloadId))
    .map(
      (w): ReportIssue => ({
        severity: 'WARNING',
        type: 'NO_BACKUP',
        upstreamId: w.upstreamId,
        jobId: null,
        workloadId: w.workloadId,
        workloadName: w.name,
        status: null,
        startedAt: null,
        message: `No backup job found for ${w.name} in the last 24 hours`,
      }),
    );
  for (const w of input.workloads ?? []) counted(w.upstreamId);

  const summary: DailyReportSummary = {
    since: new Date(since).toISOString(),
    until: new Date(nowMs).toISOString(),
    totals,
    byUpstream: [...perUpstream].sort(([a], [b]) => a.localeCompare(b)).map(([upstreamId, c]) => ({ upstreamId, ...c })),
    issues: [...failures, ...partials, ...missing],
  };
  const day = isoDate(dateIn(nowMs, input.timeZone ?? 'UTC'));
  return { day, summary, text: reportText(day, summary), html: reportHtml(day, summary) };
}

function countsLine(c: OutcomeCounts): string {
  return `${c.total} jobs: ${c.succeeded} succeeded, ${c.failed} failed, ${c.partial} partial, ${c.active} running or queued${c.other ? `, ${c.other} other` : ''}`;
}

function reportText(day: string, s: DailyReportSummary): string {
  const lines = [`Backup report ${day} (${s.since} to ${s.until})`, '', `All upstreams: ${countsLine(s.totals)}`];
  for (const u of s.byUpstream) lines.push(`  ${u.upstreamId}: ${countsLine(u)}`);
  lines.push('', s.issues.length === 0 ? 'No issues.' : `Issues (${s.issues.length}):`);
  for (const i of s.issues) lines.push(`  [${i.severity}] ${i.upstreamId}${i.jobId ? ` job ${i.jobId}` : ''}: ${i.message}`);
  return `${lines.join('\n')}\n`;
}

function reportHtml(day: string, s: DailyReportSummary): string {
  const e = escapeHtml;
  const row = (name: string, c: OutcomeCounts) =>
    `<tr><td>${e(name)}</td><td>${c.total}</td><td>${c.succeeded}</td><td>${c.failed}</td><td>${c.partial}</td><td>${c.active}</td></tr>`;
  const issues =
    s.issues.length === 0
      ? '<p>No issues.</p>'
      : `<ul>${s.issues.map((i) => `<li><strong>${i.severity}</strong> ${e(i.upstreamId)}${i.jobId ? ` job ${e(i.jobId)}` : ''}: ${e(i.message)}</li>`).join('')}</ul>`;
  return [
    `<h1>Backup report ${e(day)}</h1>`,
    `<p>${e(s.since)} to ${e(s.until)}</p>`,
    '<table><tr><th>Upstream</th><th>Jobs</th><th>Succeeded</th><th>Failed</th><th>Partial</th><th>Running or queued</th></tr>',
    row('All upstreams', s.totals),
    ...s.byUpstream.map((u) => row(u.upstreamId, u)),
    '</table>',
    issues,
  ].join('\n');
}
