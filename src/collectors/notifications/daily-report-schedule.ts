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

export interface DailyReportTimer {
  stop(): void;
}

/**
 * Calls `run(dueAt)` at every due time of the daily report until stopped. `run` gets the due time, not
 * the clock: every replica that fires for one due time composes the report of the same window and day
 * (the day is the delivery log's subject, so only one of them sends). A failing `run` is logged and the
 * next day still comes.
 */
export function scheduleDailyReport(options: {
  at: string;
  timeZone: string;
  run: (dueAt: number) => Promise<void>;
  onError: (e: unknown) => void;
  /** @default Date.now */
  now?: () => number;
}): DailyReportTimer {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = (after: number) => {
    const dueAt = nextDailyReportAt(after, options.at, options.timeZone);
    timer = setTimeout(() => {
      void options
        .run(dueAt)
        .catch(options.onError)
        .finally(() => {
          // From the due time, not the clock: a run that took long or a timer that fired early still
          // leads to the next day's due time, never the same one twice.
          if (!stopped) arm(Math.max(dueAt, now()));
        });
    }, Math.max(0, dueAt - now()));
    // A pending report never keeps the process alive on its own.
    timer.unref();
  };
  arm(now());
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
