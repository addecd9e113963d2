/** How finely a stored series is answered: every row, or the last reading of each UTC hour or day. */
export enum HistoryStep {
  RAW = 'RAW',
  HOUR = 'HOUR',
  DAY = 'DAY',
}

const STEP_MS: Record<HistoryStep, number> = { RAW: 0, HOUR: 3_600_000, DAY: 86_400_000 };

/**
 * The last reading of each bucket of `step`, oldest first (`rows` oldest first). The last, not an
 * average: it is what retention keeps of a day (docs/history.md), so a series reads the same before and
 * after its raw rows are rolled up. A daily row and a raw row of the same day: the later one wins.
 */
export function lastPerBucket<T extends { at: number }>(rows: readonly T[], step: HistoryStep): T[] {
  const size = STEP_MS[step];
  if (size === 0) return [...rows];
  const out: T[] = [];
  let bucket = Number.NaN;
  for (const row of rows) {
    const b = row.at - (row.at % size);
    if (b === bucket) out[out.length - 1] = row;
    else {
      out.push(row);
      bucket = b;
    }
  }
  return out;
}
