/**
 * Plans in detail and retention rules (docs/upstreams/commvault.md §12), as the mappers read them out of
 * `GET /V2/Plan/{id}`, `GET /V4/ServerPlan/{id}`, `GET /V4/ServerPlan/{id}/BackupDestinations` and
 * `GET /V2/StoragePolicy/{id}/Copy/{copyId}`: our units (days, seconds after midnight) and one retention
 * shape for plan backup destinations and legacy storage policy copies.
 */
import type { CvRef } from './model.js';
import type { CvWeekdayOfMonth } from './schedule-model.js';

/** Which fulls an extended retention rule keeps (`type` in V4, the `rule` code in V2). */
export type CvRetainedFulls =
  | 'ALL_FULLS'
  | 'HOURLY_FULLS'
  | 'DAILY_FULLS'
  | 'WEEKLY_FULLS'
  | 'MONTHLY_FULLS'
  | 'QUARTERLY_FULLS'
  | 'HALF_YEARLY_FULLS'
  | 'YEARLY_FULLS'
  /** A rule the graph does not model (advanced, grace, candidate, manual): shown, never written. */
  | 'OTHER';

export interface CvExtendedRetentionRule {
  /** 1, 2 or 3: first, second, third rule. */
  rank: number;
  fulls: CvRetainedFulls;
  /** Null when kept indefinitely. */
  days: number | null;
  indefinite: boolean;
  /** V2 only: days of grace after the period's last full. */
  graceDays: number | null;
}

/** One retention rule, the same for a plan backup destination (V4) and a storage policy copy (V2). */
export interface CvRetentionRule {
  /** Basic retention in days; null when indefinite or when the copy keeps recovery points instead. */
  days: number | null;
  /** Basic retention in full backup cycles (V2 only; V4 shows none). */
  cycles: number | null;
  /** Basic retention has no end (`-1` days). */
  indefinite: boolean;
  /** The copy keeps a number of jobs rather than days (V2 `jobs` > 0). */
  jobBased: boolean;
  /** Jobs kept by a job-based rule. */
  jobs: number | null;
  /** Whether data aging may prune this copy at all; null when the answer does not say. */
  dataAgingEnabled: boolean | null;
  /** The enabled extended rules, in rank order. */
  extended: CvExtendedRetentionRule[];
  /** A snap copy's retention in recovery points (`SNAP_RECOVERY_POINTS`), else null. */
  snapRecoveryPoints: number | null;
  /** The copy's own rule overrides its storage pool's retention; null when the answer does not say. */
  overridesPool: boolean | null;
}

/** A plan's backup destination (a storage policy copy) as `GET /V4/ServerPlan/{id}/BackupDestinations` lists it. */
export interface CvPlanBackupDestination {
  /** Global id `CommvaultPlanBackupDestination` (`<planId>.<copyId>`): what `updateRetention` takes. */
  id: string;
  planId: number;
  /** `planBackupDestination.id`: the storage policy copy id. */
  copyId: number;
  name: string;
  storagePool: CvRef | null;
  /** `storagePool.type`: DEDUPLICATION, SECONDARY_COPY, NON_DEDUPLICATION, SCALE_OUT. */
  storagePoolType: string | null;
  /** The pool's own retention in days, which the copy follows unless it overrides it. */
  storagePoolRetentionDays: number | null;
  /** The pool is WORM: its retention cannot be shortened. */
  worm: boolean | null;
  /** DISK, CLOUD, HYPERSCALE, TAPE. */
  storageType: string | null;
  isDefault: boolean | null;
  isSnapCopy: boolean | null;
  isMirrorCopy: boolean | null;
  /** SYNCHRONOUS (all jobs) or SELECTIVE. */
  copyType: string | null;
  /** DEFAULT_MIRROR, DEFAULT_VAULT_REPLICA, MIRROR, VAULT_REPLICA, SNAPSHOT_PRIMARY. */
  copyTypeName: string | null;
  copyPrecedence: number | null;
  /** The copy it copies from; null for the primary. */
  sourceCopy: CvRef | null;
  /** The region; null when none is configured. */
  region: CvRef | null;
  /** `backupsToCopy` as the API spells it (e.g. `All_JOBS`, `WEEKLY_FULLS`). */
  backupsToCopy: string | null;
  /** FIRST or LAST. */
  fullBackupTypesToCopy: string | null;
  retention: CvRetentionRule;
}

/** A backup window: days of the week and a time span, seconds after midnight (CommServe time). */
export interface CvBackupWindow {
  daysOfWeek: string[];
  startSeconds: number | null;
  endSeconds: number | null;
}

/** One schedule of a plan's RPO (`rpo.backupFrequency.schedules[]`), in the upstream's terms. */
export interface CvPlanSchedule {
  scheduleId: number | null;
  name: string | null;
  /** The schedule policy holding it. */
  policyId: number | null;
  /** FULL, INCREMENTAL, DIFFERENTIAL, SYNTHETICFULL, TRANSACTIONLOG. */
  backupType: string | null;
  forDatabasesOnly: boolean | null;
  /** MINUTES, DAILY, WEEKLY, MONTHLY, YEARLY, AUTOMATIC. */
  frequencyType: string | null;
  /** Every N units of the frequency type. */
  frequency: number | null;
  weeklyDays: string[];
  dayOfMonth: number | null;
  weekOfMonth: string | null;
  dayOfWeek: string | null;
  monthOfYear: string | null;
  /** Seconds after midnight. */
  startSeconds: number | null;
  repeatIntervalMinutes: number | null;
  maxBackupIntervalMinutes: number | null;
  timeZone: string | null;
  /** Days of the month (1–31, ascending) it does not run on: `schedulePattern.exceptions[].onDates`. */
  exceptDaysOfMonth: number[];
  /** Weekdays of the month it does not run on: `exceptions[]` `onWeekOfTheMonth` × `onDayOfTheWeek`. */
  exceptWeekdaysOfMonth: CvWeekdayOfMonth[];
}

/** The plan's SLA as V4 reports it. */
export interface CvPlanSla {
  periodMinutes: number | null;
  useSystemDefault: boolean | null;
  inheritedFrom: string | null;
  excludedFromSla: boolean | null;
}

/** A kind of entity the plan protects and how many (`associatedEntities[] {id, name, count}`). */
export interface CvPlanEntityCount {
  id: number | null;
  name: string;
  count: number;
}

/** `GET /V4/ServerPlan/{id}`: what the graph shows of it. */
export interface CvServerPlan {
  planId: number;
  name: string | null;
  backupWindows: CvBackupWindow[];
  fullBackupWindows: CvBackupWindow[];
  schedules: CvPlanSchedule[];
  sla: CvPlanSla | null;
  associatedEntities: CvPlanEntityCount[];
  /** `additionalProperties.status`: ENABLED, DISABLED, INCOMPLETE, HIDDEN, BACKUP_DISABLED. */
  status: string | null;
  allowPlanOverride: boolean | null;
  regionsConfigured: boolean | null;
}

/** `GET /V2/Plan/{id}?propertyLevel=30`: what the legacy detail adds to the V4 one. */
export interface CvPlanProperties {
  planId: number;
  /** The plan's storage policy: its copies are the plan's backup destinations. */
  storagePolicy: CvRef | null;
  /** The plan's data schedule policy (`schedule.task`). */
  schedulePolicy: CvRef | null;
  slaMinutes: number | null;
  rpoMinutes: number | null;
  ownerName: string | null;
  /** `options.supportedWorkloads.solutions[].solutionName`. */
  supportedWorkloads: string[];
}

/** A legacy storage policy copy as `GET /V2/StoragePolicy/{id}/Copy/{copyId}` shows it. */
export interface CvStoragePolicyCopyDetail {
  storagePolicyId: number;
  copyId: number;
  name: string;
  retention: CvRetentionRule;
  /** The `copy` object as received: the V2 PUT re-sends all of it (docs/upstreams/commvault.md §12.6). */
  raw: Readonly<Record<string, unknown>>;
}
