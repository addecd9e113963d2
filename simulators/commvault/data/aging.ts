import { copyJobState, peekCopyJobState } from './copy-jobs.js';
import type { CommvaultDataset, Job, SimRetainedFulls, StoragePolicy, StoragePolicyCopy } from './types.js';

const DAY = 86_400;
const FULLS: ReadonlySet<string> = new Set(['Full', 'Synthetic Full']);

/**
 * The simulator's data aging (docs/upstreams/commvault.md §12.7 states the rule both sides follow): a
 * data aging run prunes, on each copy it covers, every backup the copy's retention no longer keeps. The
 * run ages them the moment it is accepted; its job only reports.
 */

/** The backups a copy holds: finished, successful backups of its policy (every copy holds them all: the simulator's choice). */
export function jobsOnCopy(data: CommvaultDataset, policy: StoragePolicy, copy: StoragePolicyCopy): Job[] {
  return data.jobs.filter(
    (j) => j.jobType === 'Backup' && j.storagePolicyId === policy.storagePolicyId && j.endTime > 0 && j.status.startsWith('Completed') && !isAgedOn(data, copy, j),
  );
}

export function isAgedOn(data: CommvaultDataset, copy: StoragePolicyCopy, job: Job): boolean {
  return peekCopyJobState(data, copy.copyId, job.jobId)?.aged === true;
}

/** Ages what the copy's rule lets go at `nowS`; returns the ids aged. */
export function ageCopy(data: CommvaultDataset, policy: StoragePolicy, copy: StoragePolicyCopy, nowS: number): number[] {
  const held = jobsOnCopy(data, policy, copy);
  const aged = held.filter((job) => prunable(data, copy, job, held, nowS)).map((j) => j.jobId);
  for (const jobId of aged) copyJobState(data, copy.copyId, jobId).aged = true;
  return aged;
}

function prunable(data: CommvaultDataset, copy: StoragePolicyCopy, job: Job, held: readonly Job[], nowS: number): boolean {
  if (copy.dataAging === false || copy.retentionDays < 0) return false;
  // A user's retention (job operation RETAIN) holds it whatever the rule.
  if ((peekCopyJobState(data, copy.copyId, job.jobId)?.userRetainUntil ?? null) !== null) return false;
  if (nowS - job.endTime < copy.retentionDays * DAY) return false;
  const sameSubclient = held.filter((j) => j.subclientId === job.subclientId);
  const newer = sameSubclient.filter((j) => j.startTime > job.startTime);
  if (newer.filter((j) => FULLS.has(j.backupLevel ?? '')).length < (copy.retentionCycles ?? 1)) return false;
  if ((copy.retainJobs ?? 0) > 0 && newer.length < (copy.retainJobs ?? 0)) return false;
  if (!FULLS.has(job.backupLevel ?? '')) return true;
  for (const rule of copy.extendedRetention ?? []) {
    const keepsIt = rule.fulls === 'ALL_FULLS' || firstOfPeriod(sameSubclient, job, rule.fulls);
    if (keepsIt && (rule.days < 0 || nowS - job.endTime < rule.days * DAY)) return false;
  }
  return true;
}

/** Whether no full of the subclient started earlier in the same UTC period as `job`. */
function firstOfPeriod(jobs: readonly Job[], job: Job, fulls: SimRetainedFulls): boolean {
  const period = periodKey(job.startTime, fulls);
  return !jobs.some((j) => FULLS.has(j.backupLevel ?? '') && (j.startTime < job.startTime || (j.startTime === job.startTime && j.jobId < job.jobId)) && periodKey(j.startTime, fulls) === period);
}

function periodKey(startS: number, fulls: SimRetainedFulls): string {
  const d = new Date(startS * 1000);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  switch (fulls) {
    case 'HOURLY_FULLS':
      return `${Math.floor(startS / 3600)}`;
    case 'DAILY_FULLS':
      return `${Math.floor(startS / DAY)}`;
    case 'WEEKLY_FULLS':
      // 1970-01-01 was a Thursday: shift by 3 days so weeks run Monday to Sunday.
      return `${Math.floor((startS / DAY + 3) / 7)}`;
    case 'MONTHLY_FULLS':
      return `${y}-${m}`;
    case 'QUARTERLY_FULLS':
      return `${y}-${Math.floor(m / 3)}`;
    case 'HALF_YEARLY_FULLS':
      return `${y}-${Math.floor(m / 6)}`;
    default:
      return `${y}`;
  }
}
