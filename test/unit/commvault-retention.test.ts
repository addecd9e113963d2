import { describe, expect, it } from 'vitest';
import type { CvPlanCopyJob } from '../../src/datasources/commvault/admin-model.js';
import type { CvRetentionRule } from '../../src/datasources/commvault/protection-model.js';
import { jobsEligibleForAging } from '../../src/datasources/commvault/retention-aging.js';
import { applyRetentionChange, retentionChangeProblem, shortensRetention } from '../../src/datasources/commvault/retention-change.js';

const RULE: CvRetentionRule = {
  days: 30, cycles: 1, indefinite: false, jobBased: false, jobs: null, dataAgingEnabled: true,
  extended: [{ rank: 1, fulls: 'WEEKLY_FULLS', days: 90, indefinite: false, graceDays: null }],
  snapRecoveryPoints: null, overridesPool: true,
};

const after = (change: Parameters<typeof applyRetentionChange>[1]) => applyRetentionChange(RULE, change);

describe('shortensRetention', () => {
  it.each([
    ['fewer days', { days: 7 }, true],
    ['more days', { days: 45 }, false],
    ['indefinite', { indefinite: true }, false],
    ['fewer cycles', { cycles: 0 }, true],
    ['the extended rule removed', { extended: [] }, true],
    ['the extended rule shortened', { extended: [{ fulls: 'WEEKLY_FULLS' as const, days: 60 }] }, true],
    ['the extended rule lengthened and another added', { extended: [{ fulls: 'WEEKLY_FULLS' as const, days: 120 }, { fulls: 'YEARLY_FULLS' as const, indefinite: true }] }, false],
    ['data aging switched off', { dataAgingEnabled: false }, false],
  ])('%s → %s', (_name, change, expected) => {
    expect(shortensRetention(RULE, after(change))).toBe(expected);
  });

  it('an end set where there was none, and data aging switched on, both shorten', () => {
    const kept: CvRetentionRule = { ...RULE, indefinite: true, days: null, dataAgingEnabled: false, extended: [] };
    expect(shortensRetention(kept, applyRetentionChange(kept, { days: 3000 }))).toBe(true);
    expect(shortensRetention(kept, applyRetentionChange(kept, { dataAgingEnabled: true }))).toBe(true);
  });
});

describe('retentionChangeProblem', () => {
  it.each([
    ['nothing to change', {}, 'planDestination'],
    ['days and indefinite together', { days: 5, indefinite: true }, 'planDestination'],
    ['zero days', { days: 0 }, 'storagePolicyCopy'],
    ['cycles on a plan destination (V4 has none)', { cycles: 2 }, 'planDestination'],
    ['an extended rule not longer than the basic days', { days: 100 }, 'planDestination'],
    ['four extended rules', { extended: ['WEEKLY_FULLS', 'MONTHLY_FULLS', 'QUARTERLY_FULLS', 'YEARLY_FULLS'].map((fulls) => ({ fulls, days: 400 })) }, 'storagePolicyCopy'],
    ['the same fulls twice', { extended: [{ fulls: 'WEEKLY_FULLS', days: 40 }, { fulls: 'WEEKLY_FULLS', days: 50 }] }, 'storagePolicyCopy'],
    ['an extended rule with neither days nor indefinite', { extended: [{ fulls: 'WEEKLY_FULLS' }] }, 'storagePolicyCopy'],
  ] as const)('refuses %s', (_name, change, holder) => {
    expect(retentionChangeProblem(RULE, change as never, holder)).toEqual(expect.any(String));
  });

  it('accepts cycles and jobs on a storage policy copy, and days beside a longer extended rule', () => {
    expect(retentionChangeProblem(RULE, { cycles: 3, jobs: 10 }, 'storagePolicyCopy')).toBeUndefined();
    expect(retentionChangeProblem(RULE, { days: 60 }, 'planDestination')).toBeUndefined();
  });
});

describe('jobsEligibleForAging', () => {
  const at = (iso: string) => new Date(iso);
  const job = (jobId: number, level: string, start: string, extra: Partial<CvPlanCopyJob> = {}): CvPlanCopyJob =>
    ({ jobId, jobType: level, subclient: { id: 7, name: 'default' }, startedAt: at(start), endedAt: new Date(at(start).getTime() + 3_600_000), aged: false, retainedBy: 'BASIC_RETENTION', ...extra }) as CvPlanCopyJob;
  // Monday 5 January 2026: a full; Tuesday an incremental; Wednesday another full in the same week;
  // 20 February a full; 27 February an incremental. "Now" is 1 March 2026.
  const JOBS = [
    job(1, 'Full', '2026-01-05T22:00:00Z'),
    job(2, 'Incremental', '2026-01-06T22:00:00Z'),
    job(3, 'Synthetic Full', '2026-01-07T22:00:00Z'),
    job(4, 'Full', '2026-02-20T22:00:00Z'),
    job(5, 'Incremental', '2026-02-27T22:00:00Z'),
  ];
  const NOW = at('2026-03-01T12:00:00Z');
  const rule = (change: Partial<CvRetentionRule>): CvRetentionRule => ({ ...RULE, days: 10, extended: [{ rank: 1, fulls: 'WEEKLY_FULLS', days: 60, indefinite: false, graceDays: null }], ...change });
  const ids = (r: CvRetentionRule, jobs = JOBS) => jobsEligibleForAging(r, jobs, NOW).map((j) => j.jobId);

  it('ages what is past its days with a newer full cycle, keeping the first full of its week for the extended days', () => {
    // 1: first full of its week, 55 days old < 60; 4: 9 days old < 10; 5: 2 days old.
    expect(ids(rule({}))).toEqual([2, 3]);
  });

  it('lets the extended rule\'s full go once its extended days are past', () => {
    expect(ids(rule({ extended: [{ rank: 1, fulls: 'WEEKLY_FULLS', days: 50, indefinite: false, graceDays: null }] }))).toEqual([1, 2, 3]);
  });

  it('keeps every job of the last cycles: two cycles keep what the second-newest full starts', () => {
    expect(ids(rule({ cycles: 2, extended: [] }))).toEqual([1, 2]);
  });

  it('ages nothing when aging is off or the rule has no end, and never a job a user retains or one aged already', () => {
    expect(ids(rule({ dataAgingEnabled: false }))).toEqual([]);
    expect(ids(rule({ indefinite: true, days: null }))).toEqual([]);
    const held = JOBS.map((j) => (j.jobId === 2 ? { ...j, retainedBy: 'USER' as const } : j.jobId === 3 ? { ...j, aged: true } : j));
    expect(ids(rule({}), held)).toEqual([]);
  });
});
