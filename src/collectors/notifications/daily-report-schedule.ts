import { addDays, dateIn, zonedTimeToEpochMs } from './zoned-time.js';

/**
 * When the daily report is next due after `nowMs` (strictly after: a scheduler that fired at a due time
 * and asks again gets the next day's), at wall-clock `at` (`HH:MM`, 24 h) in `timeZone`. Across a DST
 * change two due times are 23 or 25 hours apart; a time the clocks skip is due just after the gap.
 */
export function nextDailyReportAt(nowMs: number, at: string, timeZone = 'UTC'): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new RangeError(`daily report time "${at}" is not HH:MM`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const today = dateIn(nowMs, timeZone);
  // Yesterday too: near midnight in a zone behind UTC, "today" at a late `at` may already be past while
  // yesterday's was skipped by a gap; the loop takes the first due time after now whatever the offsets.
  for (let days = -1; days <= 2; days++) {
    const due = zonedTimeToEpochMs(addDays(today, days), hour, minute, timeZone);
    if (due > nowMs) return due;
  }
  throw new Error(`no due time found for ${at} in ${timeZone}`);
}
