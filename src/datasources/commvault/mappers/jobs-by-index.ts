import type { JobPosition } from '../../../paging/job-order.js';
import type { IndexedItems } from '../../../paging/position-fan-out.js';
import { freezeRecord } from '../../pipeline/freeze.js';
import type { UpstreamRef } from '../../record.js';
import type { CvJob } from '../model.js';
import { JsonPieces } from '../../pipeline/json-pieces.js';
import { commvaultJobPosition, isMappableJob, jobIdFrom, jobPositionOfRaw, jobSummaries, jobTotal, startedAtFrom, toJob } from './job.js';
import { field, int } from './read.js';

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
  readonly #upstream: UpstreamRef;
  /** The job summaries, or, when the list came as bytes, the jobs found in it so far. */
  readonly #summaries: readonly unknown[] | LazySummaries;
  readonly #body: unknown;
  #total?: number;
  readonly #positions: Array<JobPosition | undefined>;
  readonly #jobs: Array<CvJob | undefined>;

  constructor(body: unknown, upstream: UpstreamRef) {
    const items = field(body, 'jobs');
    this.#summaries = items instanceof JsonPieces ? { pieces: items, read: 0, item: [], jobId: [], startedAt: [], inSummary: [] } : jobSummaries(body).filter(isMappableJob);
    this.#upstream = upstream;
    this.#body = body;
    this.#positions = new Array<JobPosition | undefined>(this.#itemsAtMost());
    this.#jobs = new Array<CvJob | undefined>(this.#itemsAtMost());
  }

  /** The answer's jobs that have a job id (toJobPage skips the others too): every job's id read, when the list came as bytes. */
  get length(): number {
    const summaries = this.#summaries;
    if (Array.isArray(summaries)) return summaries.length;
    const lazy = summaries as LazySummaries;
    reach(lazy, Infinity);
    return lazy.item.length;
  }

  /** Matching jobs in all (`totalRecordsWithoutPaging`), never below `length`. */
  get total(): number {
    if (this.#total === undefined) {
      // A stated total of at least the list's items is at least `length`: no job's id need be read for it.
      const recorded = int(field(this.#body, 'totalRecordsWithoutPaging'));
      this.#total = recorded !== null && recorded >= this.#itemsAtMost() ? recorded : jobTotal(this.#body, this.length);
    }
    return this.#total;
  }

  /** Whether the upstream has jobs past this answer's: `total > length`, told by the total alone when it can. */
  get more(): boolean {
    return this.total > this.#itemsAtMost() || this.total > this.length;
  }

  /** Whether there is a job at `index`: the merge asks this one job after another, so ids are read only that far. */
  has(index: number): boolean {
    const summaries = this.#summaries;
    if (Array.isArray(summaries)) return index < summaries.length;
    const lazy = summaries as LazySummaries;
    reach(lazy, index);
    return index < lazy.item.length;
  }

  positionAt(index: number): JobPosition {
    return (this.#positions[index] ??= this.#position(index));
  }

  /** The job at `index`, mapped (and frozen, as MappedOnce freezes a mapped page) on first use. */
  itemAt(index: number): CvJob {
    return (this.#jobs[index] ??= freezeRecord(toJob(this.#summary(index), this.#upstream) as CvJob));
  }

  /** How many items the list holds, mappable or not: `length` is at most that, and it is known without reading them. */
  #itemsAtMost(): number {
    const summaries = this.#summaries;
    return Array.isArray(summaries) ? summaries.length : (summaries as LazySummaries).pieces.length;
  }

  #position(index: number): JobPosition {
    const summaries = this.#summaries;
    if (Array.isArray(summaries)) return jobPositionOfRaw(summaries[index], this.#upstream) as JobPosition;
    const lazy = summaries as LazySummaries;
    reach(lazy, index);
    // Read from the job's bytes with its id: a job the merge weighs but does not keep is never parsed.
    return commvaultJobPosition({ jobId: lazy.jobId[index] as number, startedAt: lazy.startedAt[index] as Date | null }, this.#upstream.id);
  }

  #summary(index: number): unknown {
    const summaries = this.#summaries;
    if (Array.isArray(summaries)) return summaries[index];
    const lazy = summaries as LazySummaries;
    reach(lazy, index);
    const raw = lazy.pieces.at(lazy.item[index] as number);
    return field(raw, 'jobSummary') ?? raw;
  }
}

/**
 * A list kept as bytes (JsonPieces): the mappable jobs found in its first `read` items, each with its
 * item number, id, start time, and whether it sits in `jobSummary`. A merged page weighs the first few
 * jobs of most answers: reading every job's id up front was a tenth of a 50-upstream page's CPU
 * (docs/performance.md). A job's start time is read in the same walk as its id: the merge weighs
 * nearly every job it reaches.
 */
interface LazySummaries {
  pieces: JsonPieces;
  read: number;
  item: number[];
  jobId: number[];
  startedAt: Array<Date | null>;
  inSummary: boolean[];
}

const SUMMARY = ['jobSummary'] as const;
const ITEM: readonly string[] = [];
/** The keys of a job its place is read from (jobIdFrom, startedAtFrom). */
const POSITION_KEYS = ['jobId', 'jobStartTime'] as const;

/**
 * A reader of item i's job for jobIdFrom and startedAtFrom: the keys they read, taken from its bytes in
 * one walk of its `jobSummary` (or of the item itself). A key beyond those is a change to those readers
 * that POSITION_KEYS must follow: it fails rather than reading as absent.
 */
function positionReader(pieces: JsonPieces, i: number, inSummary: boolean): (key: string) => unknown {
  const values = pieces.itemFields(i, inSummary ? SUMMARY : ITEM, POSITION_KEYS);
  return (key) => {
    const k = (POSITION_KEYS as readonly string[]).indexOf(key);
    if (k < 0) throw new Error(`JobsByIndex reads ${POSITION_KEYS.join(', ')} of a job kept as bytes, not ${key}`);
    return values[k];
  };
}

/** Reads items until job `index` is found or the list ends: jobSummaries(body).filter(isMappableJob), from the bytes, as far as asked. */
function reach(lazy: LazySummaries, index: number): void {
  const { pieces } = lazy;
  while (lazy.item.length <= index && lazy.read < pieces.length) {
    const i = lazy.read++;
    const inSummary = pieces.itemHas(i, SUMMARY);
    const read = positionReader(pieces, i, inSummary);
    const jobId = jobIdFrom(read);
    if (jobId === null) continue;
    lazy.item.push(i);
    lazy.jobId.push(jobId);
    lazy.startedAt.push(startedAtFrom(read));
    lazy.inSummary.push(inSummary);
  }
}

/** The mapper CommvaultSource hands MappedOnce: one JobsByIndex per answer. */
export function toJobsByIndex(body: unknown, upstream: UpstreamRef): JobsByIndex {
  return new JobsByIndex(body, upstream);
}
