import { describe, expect, it } from 'vitest';
import type { CvPlanCopyJob } from '../../src/datasources/commvault/admin-model.js';
import type { CvRetentionRule } from '../../src/datasources/commvault/protection-model.js';
import { agingSummary } from '../../src/datasources/commvault/retention-aging.js';

const RULE: CvRetentionRule = {
  days: 30, cycles: 1, indefinite: false, jobBased: false, jobs: null, dataAgingEnabled: true,
  extended: [{ rank: 1, fulls: 'WEEKLY_FULLS', days: 90, indefinite: false, graceDays: null }],
  snapRecoveryPoints: null, overridesPool: true,
};

const GIB = 1024 ** 3;
const at = (iso: string) => new Date(iso);
const job = (jobId: number, level: string, start: string, extra: Partial<CvPlanCopyJob> = {}): CvPlanCopyJob =>
  ({
    jobId, jobType: level, subclient: { id: 7, name: 'default' }, startedAt: at(start), endedAt: new Date(at(start).getTime() + 3_600_000),
    aged: false, retainedBy: 'BASIC_RETENTION', applicationBytes: jobId * GIB, dataWrittenBytes: jobId * 100, ...extra,
  }) as CvPlanCopyJob;

// One subclient over January–March 2026: fulls on Mondays 5 Jan and 2 Feb, Wednesday 7 Jan another full
// in the first full's week, incrementals between; one already aged; a newer cycle from 2 March.
const JOBS: CvPlanCopyJob[] = [
  job(1, 'Full', '2026-01-05T21:00:00Z'),
  job(2, 'Incremental', '2026-01-06T21:00:00Z'),
  job(3, 'Full', '2026-01-07T21:00:00Z'),
  job(4, 'Incremental', '2026-01-08T21:00:00Z', { aged: true }),
  job(5, 'Full', '2026-02-02T21:00:00Z'),
  job(6, 'Incremental', '2026-02-03T21:00:00Z', { applicationBytes: null, dataWrittenBytes: null }),
  job(7, 'Full', '2026-03-02T21:00:00Z'),
];

describe('agingSummary', () => {
  it('counts the eligible jobs and the bytes they hold under the rule at a given time', () => {
    // 15 March: 30 days back is 13 February, and jobs 1–6 all have a newer full (7). Jobs 1 and 5 are the
    // first fulls of their weeks, which the weekly rule keeps 90 days; job 3 is its week's second full; 4 is
    // aged. Job 6 has no byte figures: it counts as none.
    const summary = agingSummary(RULE, JOBS, at('2026-03-15T00:00:00Z'));
    expect(summary.eligibleJobs.map((j) => j.jobId)).toEqual([2, 3, 6]);
    expect(summary.heldJobCount).toBe(6);
    expect(summary.eligibleApplicationBytes).toBe((2 + 3) * GIB);
    expect(summary.eligibleDataWrittenBytes).toBe((2 + 3) * 100);
    expect(summary.rule).toBe(RULE);
    expect(summary.computedAt).toEqual(at('2026-03-15T00:00:00Z'));
  });

  it('once the weekly rule\'s 90 days are past, its full goes too; with two cycles, a job needs two newer fulls', () => {
    // 10 April: job 1 ended 95 days ago, job 5 67 days ago (still kept).
    const later = at('2026-04-10T00:00:00Z');
    expect(agingSummary(RULE, JOBS, later).eligibleJobs.map((j) => j.jobId)).toEqual([1, 2, 3, 6]);
    expect(agingSummary({ ...RULE, cycles: 2 }, JOBS, later).eligibleJobs.map((j) => j.jobId)).toEqual([1, 2, 3]);
  });

  it('reclaims nothing when aging is off or the rule has no end', () => {
    for (const rule of [{ ...RULE, dataAgingEnabled: false }, { ...RULE, indefinite: true, days: null }]) {
      const summary = agingSummary(rule, JOBS, at('2026-06-01T00:00:00Z'));
      expect(summary).toMatchObject({ eligibleJobs: [], eligibleApplicationBytes: 0, eligibleDataWrittenBytes: 0, heldJobCount: 6 });
    }
  });
});
