/**
 * The order of the unified job list, and a job's place in it.
 *
 * Jobs go newest first by their time: the start time, or for a job that has not started yet the time it
 * was queued (a queued job waits among the jobs that started around the time it was queued, instead of
 * leading every page). A job with neither time sorts first. Ties go by upstream id (ascending), then by
 * the upstream's job id (descending, numerically when both are numbers), so every job has exactly one
 * place and a cursor can name a place that no job shares.
 */

/** A job's place in the unified list: the cursor of a job list stores the last one it passed. */
export interface JobPosition {
  /** The job's time (epoch ms): started, else queued; null when the upstream gives neither. */
  readonly at: number | null;
  /** The upstream instance's id. */
  readonly upstream: string;
  /** The upstream's own job id. */
  readonly id: string;
}

/** The time a job sorts by: its start, else the time it was queued. */
export function jobTime(startedAt: Date | null, queuedAt: Date | null = null): number | null {
  return (startedAt ?? queuedAt)?.getTime() ?? null;
}

const DIGITS = /^\d+$/;

/** Job ids of one upstream, descending: numerically when both are whole numbers (any length), else as text. */
function compareIdsDescending(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return y.length - x.length;
    return x < y ? 1 : x > y ? -1 : 0;
  }
  return a < b ? 1 : a > b ? -1 : 0;
}

/** Negative when `a` goes before `b` in the list, positive when after, 0 for the same place. */
export function compareJobPositions(a: JobPosition, b: JobPosition): number {
  if (a.at !== b.at) {
    if (a.at === null) return -1;
    if (b.at === null) return 1;
    return b.at - a.at;
  }
  if (a.upstream !== b.upstream) return a.upstream < b.upstream ? -1 : 1;
  return compareIdsDescending(a.id, b.id);
}

/** Whether a job at `position` comes after the cursor's place (`after` absent: the start of the list). */
export function comesAfter(position: JobPosition, after: JobPosition | null): boolean {
  return after === null || compareJobPositions(position, after) > 0;
}
