/**
 * The capacity and job summary reports, computed from a CommServe's job list: Commvault's own report
 * datasets publish no column sets to read, and `GET /V4/Report/Capacity` and `GET /JobSummary` do not
 * exist (docs/upstreams/commvault-arrays-replication.md, "Reports"). Pure functions over mapped jobs.
 */
import { isActive, isBackup, isSuccessful } from '../../monitoring/jobs.js';
import { startedWithin, summariseJobs, type JobCounts } from '../../monitoring/job-summary.js';
import type { TimeWindow } from '../../monitoring/window.js';
import type { UpstreamRef } from '../record.js';
import type { CvJob } from './model.js';

/** One client's row of the capacity report. */
export interface CvClientCapacity {
  upstream: UpstreamRef;
  clientId: number;
  name: string;
  /** Front-end size: per subclient its newest successful full's application size (else its newest successful backup's), summed. */
  protectedBytes: number;
  /** Application size of all its successful backups in the window. */
  applicationBytes: number;
  /** Bytes its successful backups wrote to media. */
  mediaBytes: number;
  /** applicationBytes / mediaBytes; null when nothing was written. */
  dedupeRatio: number | null;
  /** (1 − mediaBytes / applicationBytes) × 100; null without application bytes. */
  savingsPercent: number | null;
  successfulBackupCount: number;
  /** The plans its successful backups ran under (ids), ascending. */
  planIds: number[];
}

/** One CommServe's job summary report. */
export interface CvJobSummaryReport extends JobCounts, TimeWindow {
  upstream: UpstreamRef;
  backupCount: number;
  /** Application bytes of the successful backups. */
  dataProtectedBytes: number;
  /** Bytes written to media by the successful backups. */
  dataWrittenBytes: number;
  /** Mean end − start of the finished jobs, seconds; null when none finished. */
  averageDurationSeconds: number | null;
  averageBackupDurationSeconds: number | null;
}

const FULL_LEVELS = new Set(['full', 'synthetic full']);

function isFull(job: CvJob): boolean {
  return FULL_LEVELS.has(job.backupLevel?.toLowerCase() ?? '');
}

/** Newer first: start time, then job id. */
function newer(a: CvJob, b: CvJob): boolean {
  const ta = a.startedAt?.getTime() ?? 0;
  const tb = b.startedAt?.getTime() ?? 0;
  return ta !== tb ? ta > tb : a.jobId > b.jobId;
}

/**
 * Capacity per client over the successful backups started in the window (jobs outside it, other job
 * types and jobs without a client are ignored, so callers may pass a superset). Clients without a
 * successful backup in the window have no row.
 */
export function clientCapacities(jobs: Iterable<CvJob>, window: TimeWindow, upstream: UpstreamRef): CvClientCapacity[] {
  interface Acc {
    name: string;
    applicationBytes: number;
    mediaBytes: number;
    count: number;
    plans: Set<number>;
    /** Per subclient (or per job where none is named): the newest successful full, and the newest successful backup. */
    perSubclient: Map<string, { full: CvJob | null; any: CvJob }>;
  }
  const byClient = new Map<number, Acc>();
  for (const job of jobs) {
    if (job.clientId === null || !isBackup(job) || !isSuccessful(job.status) || !startedWithin(job, window)) continue;
    let acc = byClient.get(job.clientId);
    if (!acc) byClient.set(job.clientId, (acc = { name: job.clientName ?? String(job.clientId), applicationBytes: 0, mediaBytes: 0, count: 0, plans: new Set(), perSubclient: new Map() }));
    acc.applicationBytes += job.sizeBytes ?? 0;
    acc.mediaBytes += job.mediaSizeBytes ?? 0;
    acc.count++;
    if (job.plan) acc.plans.add(job.plan.planId);
    const key = job.subclient ? `s${job.subclient.subclientId}` : `j${job.jobId}`;
    const seen = acc.perSubclient.get(key);
    if (!seen) acc.perSubclient.set(key, { full: isFull(job) ? job : null, any: job });
    else {
      if (newer(job, seen.any)) seen.any = job;
      if (isFull(job) && (!seen.full || newer(job, seen.full))) seen.full = job;
    }
  }
  return [...byClient].map(([clientId, acc]) => {
    let protectedBytes = 0;
    for (const { full, any } of acc.perSubclient.values()) protectedBytes += (full ?? any).sizeBytes ?? 0;
    return {
      upstream,
      clientId,
      name: acc.name,
      protectedBytes,
      applicationBytes: acc.applicationBytes,
      mediaBytes: acc.mediaBytes,
      dedupeRatio: acc.mediaBytes > 0 ? acc.applicationBytes / acc.mediaBytes : null,
      savingsPercent: acc.applicationBytes > 0 ? (1 - acc.mediaBytes / acc.applicationBytes) * 100 : null,
      successfulBackupCount: acc.count,
      planIds: [...acc.plans].sort((a, b) => a - b),
    };
  });
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Seconds a finished job ran, from its start and end; null while it runs or when a time is missing. */
function durationSeconds(job: CvJob): number | null {
  if (isActive(job.status) || !job.startedAt || !job.endedAt) return null;
  return Math.max(0, (job.endedAt.getTime() - job.startedAt.getTime()) / 1000);
}

/** The job summary of one CommServe over the jobs started in the window (a superset may be passed). */
export function jobSummaryReport(jobs: readonly CvJob[], window: TimeWindow, upstream: UpstreamRef): CvJobSummaryReport {
  const inWindow = jobs.filter((j) => startedWithin(j, window));
  const { byType: _byType, protectedBytes: _protected, ...counts } = summariseJobs(inWindow, window);
  const backups = inWindow.filter(isBackup);
  const good = backups.filter((j) => isSuccessful(j.status));
  const durations = (list: readonly CvJob[]) => list.map(durationSeconds).filter((d): d is number => d !== null);
  return {
    ...counts,
    upstream,
    backupCount: backups.length,
    dataProtectedBytes: good.reduce((sum, j) => sum + (j.sizeBytes ?? 0), 0),
    dataWrittenBytes: good.reduce((sum, j) => sum + (j.mediaSizeBytes ?? 0), 0),
    averageDurationSeconds: mean(durations(inWindow)),
    averageBackupDurationSeconds: mean(durations(backups)),
  };
}
