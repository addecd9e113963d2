/**
 * `healthReport`: one check per upstream and area, each a pure function of what the upstream answered
 * (docs/schema.md "healthReport" states every formula). An area whose read failed is not guessed: its
 * check is WARNING with no figure, and the CONNECTIVITY check of that upstream says what failed.
 */
import { Severity } from '../datasources/domain.js';
import type { JobCounts } from './job-summary.js';
import {
  capacitySeverity,
  ddbStoreSeverity,
  failedJobSeverity,
  worstSeverity,
  type DdbPartitionFacts,
  type MonitoringThresholds,
} from './thresholds.js';

export enum HealthArea {
  CONNECTIVITY = 'CONNECTIVITY',
  MEDIA_AGENTS = 'MEDIA_AGENTS',
  CAPACITY = 'CAPACITY',
  FAILED_JOBS = 'FAILED_JOBS',
  DDB = 'DDB',
}

export interface HealthCheckData {
  area: HealthArea;
  status: Severity;
  /** The area's number (see each check); null when the area could not be read. */
  figure: number | null;
  message: string;
}

/** What one read of an area gave: its value, or the error code it failed with. */
export type AreaRead<T> = { ok: true; value: T } | { ok: false; code: string };

/** The machines that move the backups: Commvault MediaAgents, a console's appliances. */
export interface BackupInfrastructure {
  /** What the product calls one, singular and plural (`MediaAgent`, `appliance`). */
  noun: { one: string; many: string };
  /** `maintenance`: taken out of service on purpose (a MediaAgent's maintenance mode); absent or null when unknown. */
  nodes: ReadonlyArray<{ name: string; online: boolean | null; maintenance?: boolean | null }>;
}

/** What the capacity check reads of a storage target. */
export interface CapacityFacts {
  name: string;
  freePercent: number | null;
}

/** What the DDB check reads of a deduplication store (its partitions from the detail answer). */
export interface DdbFacts {
  name: string;
  avgQiMicros: number | null;
  partitions: readonly DdbPartitionFacts[] | null;
}

const RANK: Readonly<Record<Severity, number>> = { [Severity.OK]: 0, [Severity.WARNING]: 1, [Severity.CRITICAL]: 2 };

/** The report's overall status: its worst check (OK for no checks). */
export function overallStatus(checks: readonly HealthCheckData[]): Severity {
  return worstSeverity(checks.map((c) => c.status)) ?? Severity.OK;
}

/**
 * CONNECTIVITY: figure = the report's reads of this upstream that failed. OK when every read answered,
 * CRITICAL when none did (the upstream is unreachable for this caller), WARNING otherwise.
 */
export function connectivityCheck(reads: ReadonlyArray<AreaRead<unknown>>): HealthCheckData {
  const failed = reads.flatMap((r) => (r.ok ? [] : [r.code]));
  const codes = [...new Set(failed)].join(', ');
  if (failed.length === 0) return { area: HealthArea.CONNECTIVITY, status: Severity.OK, figure: 0, message: `all ${reads.length} reads answered` };
  const status = failed.length === reads.length ? Severity.CRITICAL : Severity.WARNING;
  return { area: HealthArea.CONNECTIVITY, status, figure: failed.length, message: `${failed.length} of ${reads.length} reads failed (${codes})` };
}

/** The check of an area that could not be read: unknown is not OK. */
function unread(area: HealthArea, read: { code: string }): HealthCheckData {
  return { area, status: Severity.WARNING, figure: null, message: `not read: ${read.code}` };
}

/**
 * MEDIA_AGENTS (appliances for consoles): figure = how many are offline (`online` false; unknown is
 * not counted). CRITICAL when all of them are offline; WARNING when some are, or when any that is not
 * offline is in maintenance (it takes no new jobs); OK otherwise.
 */
export function infrastructureCheck(read: AreaRead<BackupInfrastructure>): HealthCheckData {
  if (!read.ok) return unread(HealthArea.MEDIA_AGENTS, read);
  const { noun, nodes } = read.value;
  const offline = nodes.filter((n) => n.online === false);
  const maintenance = nodes.filter((n) => n.online !== false && n.maintenance === true);
  const status =
    offline.length > 0 && offline.length === nodes.length ? Severity.CRITICAL : offline.length > 0 || maintenance.length > 0 ? Severity.WARNING : Severity.OK;
  const names = (list: typeof nodes) => list.map((n) => n.name).join(', ');
  const offlineText =
    offline.length === 0 ? `all ${nodes.length} ${plural(noun, nodes.length)} online` : `${offline.length} of ${nodes.length} ${plural(noun, nodes.length)} offline: ${names(offline)}`;
  const maintenanceText = maintenance.length === 0 ? '' : `; ${maintenance.length} in maintenance: ${names(maintenance)}`;
  return { area: HealthArea.MEDIA_AGENTS, status, figure: offline.length, message: offlineText + maintenanceText };
}

/**
 * CAPACITY: figure = the least free share of any target with a known capacity, percent. Status = the
 * worst target's severity (the capacity thresholds); OK when the upstream has no target, WARNING when
 * it has some but none reports a capacity.
 */
export function capacityCheck(read: AreaRead<readonly CapacityFacts[]>, t: MonitoringThresholds): HealthCheckData {
  if (!read.ok) return unread(HealthArea.CAPACITY, read);
  const targets = read.value;
  const known = targets.filter((x): x is CapacityFacts & { freePercent: number } => x.freePercent !== null);
  if (targets.length === 0) return { area: HealthArea.CAPACITY, status: Severity.OK, figure: null, message: 'no storage targets' };
  if (known.length === 0) return { area: HealthArea.CAPACITY, status: Severity.WARNING, figure: null, message: `none of ${targets.length} storage targets reports its capacity` };
  const least = known.reduce((a, b) => (b.freePercent < a.freePercent ? b : a));
  const severities = known.map((x) => capacitySeverity(x.freePercent, t.capacity));
  const critical = severities.filter((s) => s === Severity.CRITICAL).length;
  const warning = severities.filter((s) => s === Severity.WARNING).length;
  const below = critical + warning;
  const summary =
    below === 0
      ? `all ${known.length} storage targets with a known capacity have at least ${t.capacity.warningFreePercent} % free`
      : `${below} of ${known.length} storage targets below ${t.capacity.warningFreePercent} % free (${critical} below ${t.capacity.criticalFreePercent} %)`;
  return {
    area: HealthArea.CAPACITY,
    status: worstSeverity(severities) ?? Severity.OK,
    figure: least.freePercent,
    message: `${summary}; least free: ${least.name} at ${round1(least.freePercent)} %`,
  };
}

/**
 * FAILED_JOBS: figure = jobs started in the window that FAILED or were KILLED (the jobStatusSummary
 * count). Status by the failed share of decided jobs (failedJobs thresholds).
 */
export function failedJobsCheck(read: AreaRead<JobCounts>, t: MonitoringThresholds, windowText: string): HealthCheckData {
  if (!read.ok) return unread(HealthArea.FAILED_JOBS, read);
  const { failedCount, successCount } = read.value;
  const decided = failedCount + successCount;
  const share = decided === 0 ? '' : ` (${round1((failedCount / decided) * 100)} %)`;
  return {
    area: HealthArea.FAILED_JOBS,
    status: failedJobSeverity(failedCount, successCount, t.failedJobs),
    figure: failedCount,
    message: `${failedCount} of ${decided} finished jobs started in the ${windowText} failed or were killed${share}`,
  };
}

/**
 * DDB: figure = the slowest average Q&I time of any store, µs (null when none reports one). Status =
 * the worst store's severity (Q&I, offline partitions, free space: see ddbStoreSeverity); OK when the
 * upstream has no store, WARNING when no store reports any of the three.
 */
export function ddbCheck(read: AreaRead<readonly DdbFacts[]>, t: MonitoringThresholds): HealthCheckData {
  if (!read.ok) return unread(HealthArea.DDB, read);
  const stores = read.value;
  if (stores.length === 0) return { area: HealthArea.DDB, status: Severity.OK, figure: null, message: 'no deduplication stores' };
  const judged = stores.map((s) => ({ store: s, severity: ddbStoreSeverity(s.partitions, t.ddb) }));
  const qi = stores.map((s) => s.avgQiMicros).filter((n): n is number => n !== null);
  const figure = qi.length === 0 ? null : Math.max(...qi);
  const known = judged.filter((j) => j.severity !== null);
  if (known.length === 0) return { area: HealthArea.DDB, status: Severity.WARNING, figure, message: `none of ${stores.length} stores reports its health` };
  const attention = judged
    .filter((j) => j.severity === Severity.WARNING || j.severity === Severity.CRITICAL)
    .sort((a, b) => RANK[b.severity as Severity] - RANK[a.severity as Severity] || (b.store.avgQiMicros ?? 0) - (a.store.avgQiMicros ?? 0));
  const message =
    attention.length === 0
      ? `all ${stores.length} stores healthy`
      : `${attention.length} of ${stores.length} stores need attention: ` +
        attention.map((j) => `${j.store.name} ${j.severity}${j.store.avgQiMicros === null ? '' : ` (Q&I ${j.store.avgQiMicros} µs)`}`).join(', ');
  return { area: HealthArea.DDB, status: worstSeverity(known.map((j) => j.severity)) ?? Severity.OK, figure, message };
}

function plural(noun: BackupInfrastructure['noun'], n: number): string {
  return n === 1 ? noun.one : noun.many;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
