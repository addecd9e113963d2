import { Severity } from '../datasources/domain.js';

const RANK: Readonly<Record<Severity, number>> = { [Severity.CRITICAL]: 0, [Severity.WARNING]: 1, [Severity.OK]: 2 };

/**
 * The items that need attention (severity WARNING or CRITICAL), most critical first; within one
 * severity `worseFirst` orders them (e.g. least free space first). OK and unknown severities are left out:
 * unknown is not an alert, it is missing data.
 */
export function alertsFirst<T>(items: Iterable<T>, severityOf: (item: T) => Severity | null, worseFirst: (a: T, b: T) => number): T[] {
  return [...items]
    .filter((item) => {
      const s = severityOf(item);
      return s === Severity.WARNING || s === Severity.CRITICAL;
    })
    .sort((a, b) => RANK[severityOf(a) as Severity] - RANK[severityOf(b) as Severity] || worseFirst(a, b));
}

/** Ascending by a nullable number, nulls last. */
export function ascendingNullsLast(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a - b;
}
