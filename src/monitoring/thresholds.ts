/**
 * The operator's thresholds for every severity the graph shows, one object from the config
 * (`monitoring.thresholds`, docs/configuration.md), and the rules that apply them. Severities are
 * computed when a field is read, never stored on a mapped record: the same cached upstream answer is
 * judged by whatever thresholds the gateway runs with.
 */
import { Severity } from '../datasources/domain.js';

const GIB = 1024 ** 3;

export interface CapacityThresholds {
  /** Free share below which storage is WARNING, percent. @default 20 */
  warningFreePercent: number;
  /** Free share below which storage is CRITICAL, percent. @default 10 */
  criticalFreePercent: number;
}

export interface DdbThresholds {
  /** Average Q&I time above which a partition is WARNING, µs. @default 1000 */
  qiWarningMicros: number;
  /** Average Q&I time above which a partition is CRITICAL, µs. @default 2000 */
  qiCriticalMicros: number;
  /** Free space of a partition's volume below which it is WARNING, bytes. @default 50 GiB */
  freeSpaceWarningBytes: number;
  /** Free space of a partition's volume below which it is CRITICAL, bytes. @default 10 GiB */
  freeSpaceCriticalBytes: number;
}

export interface FailedJobThresholds {
  /** Share of decided jobs (succeeded + failed) that failed above which the area is WARNING, percent. @default 0 (any failure) */
  warningPercent: number;
  /** … above which it is CRITICAL, percent. @default 10 */
  criticalPercent: number;
}

export interface MonitoringThresholds {
  capacity: CapacityThresholds;
  ddb: DdbThresholds;
  failedJobs: FailedJobThresholds;
}

/** The defaults (docs/schema.md "Monitoring fields"). */
export const DEFAULT_THRESHOLDS: MonitoringThresholds = Object.freeze({
  capacity: Object.freeze({ warningFreePercent: 20, criticalFreePercent: 10 }),
  ddb: Object.freeze({ qiWarningMicros: 1000, qiCriticalMicros: 2000, freeSpaceWarningBytes: 50 * GIB, freeSpaceCriticalBytes: 10 * GIB }),
  failedJobs: Object.freeze({ warningPercent: 0, criticalPercent: 10 }),
});

/** Free share below `criticalFreePercent` CRITICAL, below `warningFreePercent` WARNING; unknown capacity null (not a false OK). */
export function capacitySeverity(freePercent: number | null, t: CapacityThresholds): Severity | null {
  if (freePercent === null) return null;
  if (freePercent < t.criticalFreePercent) return Severity.CRITICAL;
  if (freePercent < t.warningFreePercent) return Severity.WARNING;
  return Severity.OK;
}

/** Q&I above `qiCriticalMicros` CRITICAL, above `qiWarningMicros` WARNING; unknown null. */
export function qiSeverity(avgQiMicros: number | null, t: DdbThresholds): Severity | null {
  if (avgQiMicros === null) return null;
  if (avgQiMicros > t.qiCriticalMicros) return Severity.CRITICAL;
  if (avgQiMicros > t.qiWarningMicros) return Severity.WARNING;
  return Severity.OK;
}

/** Free bytes below `freeSpaceCriticalBytes` CRITICAL, below `freeSpaceWarningBytes` WARNING; unknown null. */
export function ddbSpaceSeverity(freeBytes: number | null, t: DdbThresholds): Severity | null {
  if (freeBytes === null) return null;
  if (freeBytes < t.freeSpaceCriticalBytes) return Severity.CRITICAL;
  if (freeBytes < t.freeSpaceWarningBytes) return Severity.WARNING;
  return Severity.OK;
}

/** What a DDB partition (substore) tells of its health. */
export interface DdbPartitionFacts {
  online: boolean | null;
  avgQiMicros: number | null;
  freeBytes: number | null;
}

/**
 * A partition's health: the worst of its Q&I time, its volume's free space, and CRITICAL when it is
 * offline (backups that deduplicate against it stop). Null when none of the three is known.
 */
export function ddbPartitionSeverity(p: DdbPartitionFacts, t: DdbThresholds): Severity | null {
  return worstSeverity([qiSeverity(p.avgQiMicros, t), ddbSpaceSeverity(p.freeBytes, t), p.online === null ? null : p.online ? Severity.OK : Severity.CRITICAL]);
}

/** A store's health: its worst partition (null when no partition is known). */
export function ddbStoreSeverity(partitions: readonly DdbPartitionFacts[] | null, t: DdbThresholds): Severity | null {
  return worstSeverity((partitions ?? []).map((p) => ddbPartitionSeverity(p, t)));
}

/**
 * Failed share of decided jobs: above `criticalPercent` CRITICAL, above `warningPercent` WARNING, else OK
 * (also when no job has an outcome yet: nothing failed).
 */
export function failedJobSeverity(failedCount: number, successCount: number, t: FailedJobThresholds): Severity {
  const decided = failedCount + successCount;
  if (decided === 0) return Severity.OK;
  const failedPercent = (failedCount / decided) * 100;
  if (failedPercent > t.criticalPercent) return Severity.CRITICAL;
  if (failedPercent > t.warningPercent) return Severity.WARNING;
  return Severity.OK;
}

const RANK: Readonly<Record<Severity, number>> = { [Severity.OK]: 0, [Severity.WARNING]: 1, [Severity.CRITICAL]: 2 };

/** The worse of several severities (null when none is known). */
export function worstSeverity(values: ReadonlyArray<Severity | null>): Severity | null {
  let worst: Severity | null = null;
  for (const v of values) if (v !== null && (worst === null || RANK[v] > RANK[worst])) worst = v;
  return worst;
}
