/**
 * Which jobs of one copy a data aging run would prune under a retention rule: the gateway's own reading
 * of Commvault's rules (docs/upstreams/commvault.md §12.7 states the method), over the copy's job list
 * (`GET /V4/Plan/BackupDestination/{copyId}/Jobs`). Pure; the dry run of `updateRetention` uses it.
 *
 * A job is eligible when all of these hold:
 *  - data aging is on for the copy and its basic rule has an end;
 *  - it finished, is not aged yet and no user retains it (`strRetainedBy: User`);
 *  - it ended at least `days` days ago;
 *  - at least `cycles` full backups of its subclient started after it (a full cycle is a full and the
 *    backups building on it), and, for a job-based rule, at least `jobs` later jobs of its subclient;
 *  - no extended rule keeps it: an extended rule keeps the first full of each of its periods (hour, day,
 *    ISO week, month, quarter, half year, year, in UTC; every full for ALL_FULLS) for its days, or forever.
 */
import type { CvPlanCopyJob } from './admin-model.js';
import type { CvRetainedFulls, CvRetentionRule } from './protection-model.js';

const DAY_MS = 86_400_000;
const FULL_LEVELS: ReadonlySet<string> = new Set(['full', 'synthetic full', 'syntheticfull', 'synthetic_full']);

export function isFullBackup(job: Pick<CvPlanCopyJob, 'jobType'>): boolean {
  return FULL_LEVELS.has((job.jobType ?? '').trim().toLowerCase());
}

/** The jobs `rule` lets a data aging run at `now` prune, in the list's order. */
export function jobsEligibleForAging(rule: CvRetentionRule, jobs: readonly CvPlanCopyJob[], now: Date): CvPlanCopyJob[] {
  if (rule.dataAgingEnabled === false || rule.indefinite || rule.snapRecoveryPoints !== null) return [];
  const bySubclient = new Map<number, CvPlanCopyJob[]>();
  for (const job of jobs) {
    const key = job.subclient?.id ?? 0;
    let list = bySubclient.get(key);
    if (!list) bySubclient.set(key, (list = []));
    list.push(job);
  }
  const keptByExtended = new Set<number>();
  for (const extended of rule.extended) {
    if (extended.fulls === 'OTHER') continue;
    for (const list of bySubclient.values()) {
      for (const job of firstFullsOfPeriods(list, extended.fulls)) {
        const ended = job.endedAt?.getTime() ?? 0;
        if (extended.indefinite || (extended.days !== null && now.getTime() - ended < extended.days * DAY_MS)) keptByExtended.add(job.jobId);
      }
    }
  }
  const days = rule.days ?? 0;
  return jobs.filter((job) => {
    if (!job.endedAt || job.aged === true || job.retainedBy === 'USER' || keptByExtended.has(job.jobId)) return false;
    if (now.getTime() - job.endedAt.getTime() < days * DAY_MS) return false;
    const later = (bySubclient.get(job.subclient?.id ?? 0) ?? []).filter((j) => startOf(j) > startOf(job));
    if ((rule.cycles ?? 0) > 0 && later.filter(isFullBackup).length < (rule.cycles ?? 0)) return false;
    if (rule.jobBased && (rule.jobs ?? 0) > 0 && later.length < (rule.jobs ?? 0)) return false;
    return true;
  });
}

function startOf(job: CvPlanCopyJob): number {
  return job.startedAt?.getTime() ?? 0;
}

/** The first finished full of each period (all fulls for ALL_FULLS). */
function firstFullsOfPeriods(jobs: readonly CvPlanCopyJob[], fulls: Exclude<CvRetainedFulls, 'OTHER'>): CvPlanCopyJob[] {
  const finished = jobs.filter((j) => isFullBackup(j) && j.endedAt).sort((a, b) => startOf(a) - startOf(b) || a.jobId - b.jobId);
  if (fulls === 'ALL_FULLS') return finished;
  const first = new Map<string, CvPlanCopyJob>();
  for (const job of finished) {
    const key = periodOf(new Date(startOf(job)), fulls);
    if (!first.has(key)) first.set(key, job);
  }
  return [...first.values()];
}

/** The UTC period a time falls in, as a key. */
export function periodOf(t: Date, fulls: Exclude<CvRetainedFulls, 'OTHER' | 'ALL_FULLS'>): string {
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth();
  switch (fulls) {
    case 'HOURLY_FULLS':
      return `${y}-${m}-${t.getUTCDate()}-${t.getUTCHours()}`;
    case 'DAILY_FULLS':
      return `${y}-${m}-${t.getUTCDate()}`;
    case 'WEEKLY_FULLS': {
      // ISO weeks start on Monday: the key is that Monday's date.
      const monday = new Date(Date.UTC(y, m, t.getUTCDate() - ((t.getUTCDay() + 6) % 7)));
      return monday.toISOString().slice(0, 10);
    }
    case 'MONTHLY_FULLS':
      return `${y}-${m}`;
    case 'QUARTERLY_FULLS':
      return `${y}-q${Math.floor(m / 3)}`;
    case 'HALF_YEARLY_FULLS':
      return `${y}-h${Math.floor(m / 6)}`;
    case 'YEARLY_FULLS':
      return `${y}`;
  }
}

/** What the next data aging run would reclaim on one copy under its rule (docs/upstreams/commvault-aging.md §1). */
export interface CvAgingSummary {
  /** The rule applied (a plan destination's with its copy's cycles and job count). */
  rule: CvRetentionRule;
  /** When it was computed: eligibility depends on the time. */
  computedAt: Date;
  /** Jobs on the copy not aged yet. */
  heldJobCount: number;
  /** The jobs the rule lets go, in the list's order. */
  eligibleJobs: CvPlanCopyJob[];
  /** Application data of the eligible jobs, bytes (jobs without the figure count 0). */
  eligibleApplicationBytes: number;
  /** Data the eligible jobs wrote to the copy's media, bytes: the space aging may free (before deduplication's sharing). */
  eligibleDataWrittenBytes: number;
}

/** The aging summary of one copy's job list under `rule` at `now`: jobsEligibleForAging, counted. */
export function agingSummary(rule: CvRetentionRule, jobs: readonly CvPlanCopyJob[], now: Date): CvAgingSummary {
  const eligibleJobs = jobsEligibleForAging(rule, jobs, now);
  const sum = (pick: (j: CvPlanCopyJob) => number | null): number => eligibleJobs.reduce((total, j) => total + (pick(j) ?? 0), 0);
  return {
    rule,
    computedAt: now,
    heldJobCount: jobs.filter((j) => j.aged !== true).length,
    eligibleJobs,
    eligibleApplicationBytes: sum((j) => j.applicationBytes),
    eligibleDataWrittenBytes: sum((j) => j.dataWrittenBytes),
  };
}
