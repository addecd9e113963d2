import type { JobPosition } from '../../../paging/job-order.js';
import type { IndexedItems } from '../../../paging/position-fan-out.js';
import { deepFreeze } from '../../pipeline/freeze.js';
import type { UpstreamRef } from '../../record.js';
import type { CvJob } from '../model.js';
import { JsonPieces } from '../../pipeline/json-pieces.js';
import { commvaultJobPosition, isMappableJob, jobIdFrom, jobPositionOfRaw, jobSummaries, jobTotal, startedAtFrom, toJob } from './job.js';
import { field } from './read.js';

/**
 * A `GET /Job` answer whose jobs are mapped one at a time, when asked for. The unified list's first page
 * weighs every upstream's jobs by place but keeps `first` of them all (src/paging/position-fan-out.ts):
 * over 50 upstreams, mapping every job of every answer made 2 500 records to keep 50, and mapping was a
 * quarter of the page's CPU (docs/performance.md). A job's place is read from the raw job (jobPositionOfRaw,
 * the same readers toJob uses) only when the merge weighs it: a late answer's jobs seldom beat the page
 * kept so far, so a 50-upstream page weighs some 270 of its 2 500 jobs (random arrival order, counted).
 * A job is mapped by toJob the first time it is asked for.
 *
 * A list kept as bytes (GET /Job names `jobs` in lazyLists) is not parsed at all for this: each job's id
 * and start time are read from its bytes, and a job is parsed when it is mapped.
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
  /** The job summaries, or, when the list came as bytes, where each mappable job is in it. */
  readonly #summaries: readonly unknown[] | LazySummaries;
  readonly #positions: Array<JobPosition | undefined>;
  readonly #jobs: Array<CvJob | undefined>;

  constructor(body: unknown, upstream: UpstreamRef) {
    const items = field(body, 'jobs');
    const summaries = items instanceof JsonPieces ? lazySummaries(items) : jobSummaries(body).filter(isMappableJob);
    this.#upstream = upstream;
    this.#summaries = summaries;
    this.length = Array.isArray(summaries) ? summaries.length : summaries.item.length;
    this.#positions = new Array<JobPosition | undefined>(this.length);
    this.#jobs = new Array<CvJob | undefined>(this.length);
    this.total = jobTotal(body, this.length);
  }

  positionAt(index: number): JobPosition {
    return (this.#positions[index] ??= this.#position(index));
  }

  /** The job at `index`, mapped (and frozen, as MappedOnce freezes a mapped page) on first use. */
  itemAt(index: number): CvJob {
    return (this.#jobs[index] ??= deepFreeze(toJob(this.#summary(index), this.#upstream) as CvJob));
  }

  #position(index: number): JobPosition {
    const summaries = this.#summaries;
    if (Array.isArray(summaries)) return jobPositionOfRaw(summaries[index], this.#upstream) as JobPosition;
    const lazy = summaries as LazySummaries;
    // Read from the job's bytes: a job the merge weighs but does not keep is never parsed.
    const startedAt = startedAtFrom(reader(lazy.pieces, lazy.item[index] as number, lazy.inSummary[index] as boolean));
    return commvaultJobPosition({ jobId: lazy.jobId[index] as number, startedAt }, this.#upstream.id);
  }

  #summary(index: number): unknown {
    const summaries = this.#summaries;
    if (Array.isArray(summaries)) return summaries[index];
    const lazy = summaries as LazySummaries;
    const raw = lazy.pieces.at(lazy.item[index] as number);
    return field(raw, 'jobSummary') ?? raw;
  }
}

/** A list kept as bytes (JsonPieces): its mappable jobs, each with its item number, id, and whether it sits in `jobSummary`. */
interface LazySummaries {
  pieces: JsonPieces;
  item: number[];
  jobId: number[];
  inSummary: boolean[];
}

const SUMMARY = ['jobSummary'] as const;

/** Reads a key of item i's job from its bytes: in its `jobSummary`, or in the item itself. */
function reader(pieces: JsonPieces, i: number, inSummary: boolean): (key: string) => unknown {
  return (key) => pieces.itemPath(i, inSummary ? [SUMMARY[0], key] : [key]);
}

/** jobSummaries(body).filter(isMappableJob), read from the items' bytes: `field(item, 'jobSummary') ?? item`, then its job id. */
function lazySummaries(pieces: JsonPieces): LazySummaries {
  const out: LazySummaries = { pieces, item: [], jobId: [], inSummary: [] };
  for (let i = 0; i < pieces.length; i++) {
    const inSummary = pieces.itemHas(i, SUMMARY);
    const jobId = jobIdFrom(reader(pieces, i, inSummary));
    if (jobId === null) continue;
    out.item.push(i);
    out.jobId.push(jobId);
    out.inSummary.push(inSummary);
  }
  return out;
}

/** The mapper CommvaultSource hands MappedOnce: one JobsByIndex per answer. */
export function toJobsByIndex(body: unknown, upstream: UpstreamRef): JobsByIndex {
  return new JobsByIndex(body, upstream);
}
