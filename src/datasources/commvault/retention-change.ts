/**
 * A retention change, pure: checked against the rule it changes, applied, compared (does it shorten?),
 * and written as the body of the upstream PUT that makes it (docs/upstreams/commvault.md §12.4, §12.6).
 * Nothing here does I/O; CommvaultSource sends the bodies.
 */
import { INFINITE_DAYS, V2_EXTENDED_KEYS, V2_RULE_BY_FULLS, V4_EXTENDED_KEYS } from './mappers/retention.js';
import type { CvExtendedRetentionRule, CvRetainedFulls, CvRetentionRule } from './protection-model.js';

/** An extended rule as a caller sets it. */
export interface CvExtendedRuleChange {
  fulls: Exclude<CvRetainedFulls, 'OTHER'>;
  /** Days to keep those fulls; absent when `indefinite`. */
  days?: number | null;
  indefinite?: boolean | null;
}

/** What a caller changes; an absent field keeps its current value. `extended` replaces every extended rule. */
export interface CvRetentionChange {
  days?: number | null;
  indefinite?: boolean | null;
  cycles?: number | null;
  jobs?: number | null;
  dataAgingEnabled?: boolean | null;
  extended?: readonly CvExtendedRuleChange[] | null;
}

/** Where the rule lives decides what it can hold: V4 plan destinations know neither cycles nor job counts. */
export type CvRetentionHolder = 'planDestination' | 'storagePolicyCopy';

const MAX_EXTENDED_RULES = 3;
/** Ten years: a longer finite retention is a typo for "indefinite". */
export const MAX_RETENTION_DAYS = 3650;

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** Why the change cannot be made to `before`, in the caller's terms; undefined when it can. */
export function retentionChangeProblem(before: CvRetentionRule, change: CvRetentionChange, holder: CvRetentionHolder): string | undefined {
  const keys = Object.entries(change).filter(([, v]) => given(v));
  if (keys.length === 0) return 'input changes nothing: give at least one of days, indefinite, cycles, jobs, dataAgingEnabled, extended';
  if (given(change.days) && change.indefinite === true) return 'give days or indefinite: true, not both';
  if (given(change.days) && !validDays(change.days)) return `days must be a whole number from 1 to ${MAX_RETENTION_DAYS}`;
  if (before.snapRecoveryPoints !== null && (given(change.days) || given(change.indefinite))) {
    return 'this is a snap copy kept by recovery points; its days cannot be set here';
  }
  if (holder === 'planDestination' && (given(change.cycles) || given(change.jobs))) {
    return 'a plan backup destination has no cycle or job count retention (V4); change its storage policy copy instead';
  }
  if (given(change.cycles) && (!Number.isInteger(change.cycles) || change.cycles < 0 || change.cycles > 1000)) return 'cycles must be a whole number from 0 to 1000';
  if (given(change.jobs) && (!Number.isInteger(change.jobs) || change.jobs < 0 || change.jobs > 100000)) return 'jobs must be a whole number from 0 to 100000 (0 ends job-based retention)';
  if (given(change.extended)) {
    if (change.extended.length > MAX_EXTENDED_RULES) return `at most ${MAX_EXTENDED_RULES} extended rules`;
    const kinds = new Set(change.extended.map((r) => r.fulls));
    if (kinds.size !== change.extended.length) return 'extended names the same fulls twice';
    for (const rule of change.extended) {
      if (given(rule.days) === (rule.indefinite === true)) return `extended ${rule.fulls}: give days or indefinite: true, one of them`;
      if (given(rule.days) && !validDays(rule.days)) return `extended ${rule.fulls}: days must be a whole number from 1 to ${MAX_RETENTION_DAYS}`;
    }
  } else if (holder === 'planDestination' && before.extended.some((r) => r.fulls === 'OTHER')) {
    // V4 takes the whole extended set back, and the graph cannot write a rule it does not model.
    return 'this destination holds an extended rule the graph does not model: give the whole extended set to replace it';
  }
  const after = applyRetentionChange(before, change);
  // Commvault refuses extended rules that do not outlast the basic rule (docs/upstreams/commvault.md §12.4).
  for (const rule of after.extended) {
    if (!rule.indefinite && (after.indefinite || (after.days !== null && rule.days !== null && rule.days <= after.days))) {
      return `extended ${rule.fulls} must keep fulls longer than the basic ${after.indefinite ? 'indefinite' : `${after.days} days`}`;
    }
  }
  return undefined;
}

function validDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_RETENTION_DAYS;
}

/** The rule after the change (assumes retentionChangeProblem found none). */
export function applyRetentionChange(before: CvRetentionRule, change: CvRetentionChange): CvRetentionRule {
  const indefinite = change.indefinite === true ? true : given(change.days) || change.indefinite === false ? false : before.indefinite;
  const days = indefinite ? null : given(change.days) ? change.days : before.days;
  const jobs = given(change.jobs) ? (change.jobs > 0 ? change.jobs : null) : before.jobs;
  return {
    ...before,
    indefinite,
    days,
    cycles: given(change.cycles) ? change.cycles : before.cycles,
    jobBased: jobs !== null,
    jobs,
    dataAgingEnabled: given(change.dataAgingEnabled) ? change.dataAgingEnabled : before.dataAgingEnabled,
    extended: given(change.extended)
      ? change.extended.map((r, i): CvExtendedRetentionRule => ({
          rank: i + 1,
          fulls: r.fulls,
          indefinite: r.indefinite === true,
          days: r.indefinite === true ? null : (r.days ?? null),
          graceDays: null,
        }))
      : before.extended,
  };
}

/**
 * Whether `after` may let a job go sooner than `before` would: aging switched on, fewer days (or an end
 * where there was none), fewer cycles or jobs, or an extended rule removed or made shorter. Such a
 * change needs `confirmShorten`.
 */
export function shortensRetention(before: CvRetentionRule, after: CvRetentionRule): boolean {
  if (after.dataAgingEnabled === true && before.dataAgingEnabled === false) return true;
  if (shorter(before.indefinite, before.days, after.indefinite, after.days)) return true;
  if (before.cycles !== null && after.cycles !== null && after.cycles < before.cycles) return true;
  if (before.jobs !== null && (after.jobs === null || after.jobs < before.jobs)) return true;
  return before.extended.some((old) => {
    const now = after.extended.find((r) => r.fulls === old.fulls);
    return !now || shorter(old.indefinite, old.days, now.indefinite, now.days);
  });
}

function shorter(beforeIndefinite: boolean, beforeDays: number | null, afterIndefinite: boolean, afterDays: number | null): boolean {
  if (afterIndefinite) return false;
  if (beforeIndefinite) return true;
  return beforeDays !== null && afterDays !== null && afterDays < beforeDays;
}

/**
 * `PUT /V4/ServerPlan/{planId}/BackupDestination/{copyId}`: the retention keys flat, as the destination's
 * GET shows them (§12.4 b): basic days (`-1` indefinite), rule type, the whole extended rule set, and
 * `enableDataAging` only when it changes. `overrideRetentionSettings: true` goes along when the copy so
 * far followed its pool's retention: without it the copy's own rule would not apply.
 */
export function planDestinationRetentionBody(before: CvRetentionRule, after: CvRetentionRule): Record<string, unknown> {
  const extendedRetentionRules: Record<string, unknown> = {};
  for (const rule of after.extended) {
    const key = V4_EXTENDED_KEYS[rule.rank - 1];
    if (key) extendedRetentionRules[key] = { isInfiniteRetention: rule.indefinite, retentionPeriodDays: rule.indefinite ? INFINITE_DAYS : rule.days, type: rule.fulls };
  }
  const body: Record<string, unknown> = {
    retentionPeriodDays: after.indefinite ? INFINITE_DAYS : after.days,
    retentionRuleType: 'RETENTION_PERIOD',
    useExtendedRetentionRules: after.extended.length > 0,
    extendedRetentionRules,
  };
  if (after.dataAgingEnabled !== before.dataAgingEnabled && after.dataAgingEnabled !== null) body.enableDataAging = after.dataAgingEnabled;
  if (before.overridesPool === false) body.overrideRetentionSettings = true;
  return body;
}

/**
 * `PUT /V2/StoragePolicy/{id}/Copy/{copyId}`: the whole `copy` of the GET under `storagePolicyCopyInfo`,
 * with the policy's name added to `StoragePolicyCopy` and the retention edited (§12.6, as cvpysdk sends
 * it): days, cycles, jobs (`-1` days for indefinite), the aging and job-based flags as ints, extended
 * rules by name, and `overRideGACPRetention: 1` so the copy's own rule applies.
 */
export function storagePolicyCopyRetentionBody(raw: Readonly<Record<string, unknown>>, storagePolicyName: string, after: CvRetentionRule): Record<string, unknown> {
  const rules = objectOf(raw.retentionRules);
  const edited: Record<string, unknown> = {
    ...rules,
    retainBackupDataForDays: after.indefinite ? INFINITE_DAYS : after.days,
    retentionFlags: {
      ...objectOf(rules.retentionFlags),
      enableDataAging: after.dataAgingEnabled === false ? 0 : 1,
      jobBasedRetention: after.jobBased ? 1 : 0,
    },
  };
  if (after.cycles !== null) edited.retainBackupDataForCycles = after.cycles;
  edited.jobs = after.jobs ?? 0;
  V2_EXTENDED_KEYS.forEach((key, i) => {
    const rule = after.extended.find((r) => r.rank === i + 1);
    if (rule && rule.fulls !== 'OTHER') {
      edited[key] = { isEnabled: 1, rule: V2_RULE_BY_FULLS[rule.fulls].name, endDays: rule.indefinite ? INFINITE_DAYS : rule.days, graceDays: rule.graceDays ?? 0 };
    } else if (rule === undefined && rules[key] !== undefined) {
      edited[key] = { ...objectOf(rules[key]), isEnabled: 0 };
    }
  });
  return {
    storagePolicyCopyInfo: {
      ...raw,
      StoragePolicyCopy: { ...objectOf(raw.StoragePolicyCopy), storagePolicyName },
      retentionRules: edited,
      extendedFlags: { ...objectOf(raw.extendedFlags), overRideGACPRetention: 1 },
    },
  };
}

function objectOf(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
