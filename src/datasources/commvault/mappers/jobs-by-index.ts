import type { JobPosition } from '../../../paging/job-order.js';
import type { IndexedItems } from '../../../paging/position-fan-out.js';
import { deepFreeze } from '../../pipeline/freeze.js';
import type { UpstreamRef } from '../../record.js';
import type { CvJob } from '../model.js';
import { isMappableJob, jobPositionOfRaw, jobSummaries, jobTotal, toJob } from './job.js';

/**
 * A `GET /Job` answer whose jobs are mapped one at a time, when asked for. The unified list's first page
 * weighs every upstream's jobs by place but keeps `first` of them all (src/paging/position-fan-out.ts):
 * over 50 upstreams, mapping every job of every answer made 2 500 records to keep 50, and mapping was a
 * quarter of the page's CPU (docs/performance.md). A job's place is read from the raw job (jobPositionOfRaw,
 * the same readers toJob uses) only when the merge weighs it: a late answer's jobs seldom beat the page
 * kept so far, so a 50-upstream page weighs some 270 of its 2 500 jobs (random arrival order, counted).
 * A job is mapped by toJob the first time it is asked for.
 *
 * One per answer (CommvaultSource keeps it with MappedOnce, keyed by the answer), so an answer cached for
 * many requests maps each job at most once. MappedOnce freezes this object as it freezes every mapped
 * value; the memo is in private fields, which freezing does not reach, and the frozen answer itself is
 * only read.
 */
export class JobsByIndex implements IndexedItems<CvJob> {
  /** Matching jobs in all (`totalRecordsWithoutPaging`), never below `length`. */
  readonly total: number;
  /** The answer's jobs that have a job id (toJobPage skips the others too). */
  readonly length: number;
  readonly #upstream: UpstreamRef;
  readonly #summaries: readonly unknown[];
  readonly #positions: Array<JobPosition | undefined>;
  readonly #jobs: Array<CvJob | undefined>;

  constructor(body: unknown, upstream: UpstreamRef) {
    const summaries = jobSummaries(body).filter(isMappableJob);
    this.#upstream = upstream;
    this.#summaries = summaries;
    this.#positions = new Array<JobPosition | undefined>(summaries.length);
    this.#jobs = new Array<CvJob | undefined>(summaries.length);
    this.length = summaries.length;
    this.total = jobTotal(body, summaries.length);
  }

  positionAt(index: number): JobPosition {
    return (this.#positions[index] ??= jobPositionOfRaw(this.#summaries[index], this.#upstream) as JobPosition);
  }

  /** The job at `index`, mapped (and frozen, as MappedOnce freezes a mapped page) on first use. */
  itemAt(index: number): CvJob {
    return (this.#jobs[index] ??= deepFreeze(toJob(this.#summaries[index], this.#upstream) as CvJob));
  }
}

/** The mapper CommvaultSource hands MappedOnce: one JobsByIndex per answer. */
export function toJobsByIndex(body: unknown, upstream: UpstreamRef): JobsByIndex {
  return new JobsByIndex(body, upstream);
}
