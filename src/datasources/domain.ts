/**
 * Product-neutral domain vocabulary shared by every upstream's mappers and by the schema (which
 * registers these TypeScript enums as GraphQL enums). No graphql imports here: datasources use it.
 */

/** Normalised job state across products. */
export enum JobStatus {
  RUNNING = 'RUNNING',
  PENDING = 'PENDING',
  WAITING = 'WAITING',
  SUSPENDED = 'SUSPENDED',
  COMPLETED = 'COMPLETED',
  COMPLETED_WITH_ERRORS = 'COMPLETED_WITH_ERRORS',
  FAILED = 'FAILED',
  KILLED = 'KILLED',
  OTHER = 'OTHER',
}

/** Running-or-queued versus finished jobs: the cheapest job filter, served by the upstreams. */
export enum JobCategory {
  ACTIVE = 'ACTIVE',
  FINISHED = 'FINISHED',
  ALL = 'ALL',
}

/** The conditions of a unified job list, as every product is asked them. */
export interface JobConditions {
  category?: JobCategory | null;
  statuses?: readonly JobStatus[] | null;
  jobTypes?: readonly string[] | null;
  startedAfter?: Date | null;
  startedBefore?: Date | null;
}

/**
 * Severity of an event or alert of any product, on Commvault's event scale (0 Information, 3 Minor,
 * 6 Major, 9 Critical); each mapper says how its upstream's own levels land here.
 */
export enum EventSeverity {
  INFORMATION = 'INFORMATION',
  MINOR = 'MINOR',
  MAJOR = 'MAJOR',
  CRITICAL = 'CRITICAL',
}

/** Where an event or alert stands: still to be looked at, or dealt with (acknowledged, cleared). */
export enum EventStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CLEARED = 'CLEARED',
}

/** What every event or alert record carries for the graph's `BackupEvent` interface. */
export interface EventFacts {
  occurredAt: Date | null;
  /** Null when the upstream does not say (e.g. a Commvault alert whose rule picks severity automatically). */
  severity: EventSeverity | null;
  /** Null when the upstream does not say. */
  status: EventStatus | null;
  message: string | null;
}

/** The conditions of the unified `events` list, as every product is asked them. */
export interface EventConditions {
  /** Only these severities (an event of unknown severity matches none). */
  severities?: readonly EventSeverity[] | null;
  /** At or after. */
  occurredAfter?: Date | null;
  /** Before. */
  occurredBefore?: Date | null;
}

/** Whether an event or alert meets the conditions (also for upstreams that filter themselves: their rounding may differ). */
export function eventMatches(conditions: EventConditions, e: Pick<EventFacts, 'occurredAt' | 'severity'>): boolean {
  const { severities, occurredAfter, occurredBefore } = conditions;
  if (severities && severities.length > 0 && (e.severity === null || !severities.includes(e.severity))) return false;
  if (occurredAfter && (e.occurredAt === null || e.occurredAt < occurredAfter)) return false;
  if (occurredBefore && (e.occurredAt === null || e.occurredAt >= occurredBefore)) return false;
  return true;
}

/** Health of a monitored object (storage capacity, DDB Q&I time): src/monitoring/thresholds.ts applies the operator's thresholds. */
export enum Severity {
  OK = 'OK',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}

/** Free share of a capacity in percent (0..100), or null when the capacity is unknown or zero. */
export function freePercentOf(capacityBytes: number | null, freeBytes: number | null): number | null {
  if (capacityBytes === null || freeBytes === null || capacityBytes <= 0) return null;
  return Math.max(0, Math.min(100, (freeBytes / capacityBytes) * 100));
}
