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
