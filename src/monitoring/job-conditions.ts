/**
 * One definition of "which jobs" for the `jobs` list and the monitoring fields. `jobs(filter)` turns its
 * filter into conditions here, and `jobStatusSummary` / `healthReport` ask each product for the jobs of
 * `windowConditions(window)`: the same conditions the drill-down filter `{startedAfter: since,
 * startedBefore: until}` produces, planned by the same product code. So a summary's counts equal the
 * `jobs` list's `totalCount` under that filter (plus the status set of the count), by construction.
 */
import type { JobCategory, JobConditions, JobStatus } from '../datasources/domain.js';
import type { TimeWindow } from './window.js';

/** The filter fields that are conditions on a job itself (JobFilter's other fields pick upstreams and workloads). */
export interface JobConditionsInput {
  category?: JobCategory | null;
  status?: readonly JobStatus[] | null;
  jobType?: readonly string[] | null;
  startedAfter?: Date | null;
  startedBefore?: Date | null;
}

/** A `jobs` filter's conditions, as every product is asked them. */
export function conditionsOf(filter: JobConditionsInput): JobConditions {
  return {
    category: filter.category,
    statuses: filter.status,
    jobTypes: filter.jobType,
    startedAfter: filter.startedAfter,
    startedBefore: filter.startedBefore,
  };
}

/** The jobs a summary over `window` counts: those `jobs(filter: {startedAfter: since, startedBefore: until})` lists. */
export function windowConditions(window: TimeWindow): JobConditions {
  return conditionsOf({ startedAfter: window.since, startedBefore: window.until });
}
