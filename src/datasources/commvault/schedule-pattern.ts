/**
 * Schedule patterns in plain terms, pure: a readable description, the next run times in a time zone
 * (Intl; right across daylight-saving changes), and the `pattern` a plain request becomes
 * (docs/upstreams/commvault-schedules.md §3, §5). Nothing here does I/O.
 */
import type { CvSchedulePattern } from './schedule-model.js';
import { RELATIVE_DAYS, RELATIVE_WEEKS, WEEKDAYS } from './schedule-names.js';

export type CvScheduleFrequency =
  | 'ONE_TIME' | 'ON_DEMAND' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'MONTHLY_RELATIVE' | 'YEARLY' | 'YEARLY_RELATIVE'
  | 'AUTOMATIC' | 'CONTINUOUS' | 'AFTER_JOB_COMPLETES' | 'OTHER';

/** `freq_type` numbers (cvpysdk; the docs list 1, 4, 8, 16, 32, 64, 128, 1024). */
export const FREQ_TYPES: Readonly<Record<number, CvScheduleFrequency>> = {
  1: 'ONE_TIME', 2: 'ON_DEMAND', 4: 'DAILY', 8: 'WEEKLY', 16: 'MONTHLY', 32: 'MONTHLY_RELATIVE', 64: 'YEARLY', 128: 'YEARLY_RELATIVE',
  1024: 'AUTOMATIC', 4096: 'CONTINUOUS',
};
export const FREQ_TYPE_OF: Readonly<Partial<Record<CvScheduleFrequency, number>>> = Object.fromEntries(
  Object.entries(FREQ_TYPES).map(([n, f]) => [f, Number(n)]),
);

export { RELATIVE_DAYS, RELATIVE_WEEKS, WEEKDAYS, type CvRelativeDay, type CvRelativeWeek, type CvWeekday } from './schedule-names.js';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const DAY_S = 86_400;
const DAY_MS = DAY_S * 1000;
const LAST_SECOND = DAY_S - 1;
/** How far ahead next runs are looked for: past it a pattern has no next run the graph shows. */
const HORIZON_DAYS = 366 * 12;

export function frequencyOf(p: CvSchedulePattern): CvScheduleFrequency {
  if (p.freqType !== null) return FREQ_TYPES[p.freqType] ?? 'OTHER';
  return p.freqTypeName?.toLowerCase() === 'after_job_completes' ? 'AFTER_JOB_COMPLETES' : 'OTHER';
}

/** Days, weeks or months between runs: cvpysdk writes a daily pattern's N in `freq_recurrence_factor`, the docs in `freq_interval`. */
function every(p: CvSchedulePattern, frequency: CvScheduleFrequency): number {
  const factor = p.freqRecurrenceFactor ?? 0;
  if (frequency === 'DAILY') return factor > 1 ? factor : Math.max(1, p.freqInterval ?? 1);
  return Math.max(1, factor);
}

// ── civil dates (days since 1970-01-01, no zone) ───────────────────────────────────────────────

interface Civil {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

const civilOf = (day: number): Civil => {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whether `day` is the `week`-th (5 = last) `what` of its month (1 Sun … 7 Sat, 8 day, 9 weekday, 10 weekend day). */
function isRelativeDay(day: number, week: number, what: number): boolean {
  const { y, m } = civilOf(day);
  const fits = (d: number): boolean => {
    const wd = weekdayOf(dayOf(y, m, d));
    if (what >= 1 && what <= 7) return wd === what - 1;
    if (what === 8) return true;
    if (what === 9) return wd >= 1 && wd <= 5;
    if (what === 10) return wd === 0 || wd === 6;
    return false;
  };
  const days: number[] = [];
  for (let d = 1; d <= daysInMonth(y, m); d += 1) if (fits(d)) days.push(d);
  const chosen = week === 5 ? days[days.length - 1] : days[week - 1];
  return chosen !== undefined && dayOf(y, m, chosen) === day;
}

/** A monthly day past the month's end runs on its last day (the graph's reading: docs/upstreams/commvault-schedules.md §3). */
const isMonthDay = (day: number, wanted: number): boolean => {
  const { y, m, d } = civilOf(day);
  return d === Math.min(wanted, daysInMonth(y, m));
};

const monthsBetween = (from: number, to: number): number => {
  const a = civilOf(from);
  const b = civilOf(to);
  return (b.y - a.y) * 12 + (b.m - a.m);
};

/** Whether the pattern runs on civil day `day` (its start day being `start`). */
function runsOn(p: CvSchedulePattern, frequency: CvScheduleFrequency, start: number, day: number): boolean {
  const n = every(p, frequency);
  const interval = p.freqInterval ?? 0;
  switch (frequency) {
    case 'ONE_TIME':
      return day === start;
    case 'DAILY':
      return (day - start) % n === 0;
    case 'WEEKLY': {
      // Weeks run Sunday to Saturday; every N weeks counts from the start day's week.
      const weeks = Math.floor((day - weekdayOf(day) - (start - weekdayOf(start))) / 7);
      return (interval & (1 << weekdayOf(day))) !== 0 && weeks % n === 0;
    }
    case 'MONTHLY':
      return isMonthDay(day, interval) && monthsBetween(start, day) % n === 0;
    case 'MONTHLY_RELATIVE':
      return isRelativeDay(day, p.freqRelativeInterval ?? 0, interval) && monthsBetween(start, day) % n === 0;
    case 'YEARLY':
      return civilOf(day).m === p.freqRecurrenceFactor && isMonthDay(day, interval);
    case 'YEARLY_RELATIVE':
      return civilOf(day).m === p.freqRecurrenceFactor && isRelativeDay(day, p.freqRelativeInterval ?? 0, interval);
    default:
      return false;
  }
}

/** The times of day (seconds after midnight) a run day has: the start, then every `freq_subday_interval` until the end time. */
function timesOfDay(p: CvSchedulePattern): number[] {
  const first = p.activeStartTime ?? 0;
  const step = p.freqSubdayInterval ?? 0;
  if (step <= 0) return [first];
  const until = p.activeEndTime && p.activeEndTime > first ? p.activeEndTime : LAST_SECOND;
  const times: number[] = [];
  for (let t = first; t <= until; t += step) times.push(t);
  return times;
}

/**
 * Whether civil `day` is one the pattern's exceptions take out: its day of the month is excepted, or it
 * is the `week`-th (or last) `day` of its month for one of the weekday exceptions (§6, §10).
 */
function isExcepted(p: CvSchedulePattern, day: number): boolean {
  if (p.exceptDaysOfMonth.includes(civilOf(day).d)) return true;
  return p.exceptWeekdaysOfMonth.some((e) => isRelativeDay(day, RELATIVE_WEEKS.indexOf(e.week) + 1, RELATIVE_DAYS.indexOf(e.day) + 1));
}

/** Whether the next runs of a pattern can be computed (calendar patterns; not automatic, continuous or on demand). */
export function hasCalendar(p: CvSchedulePattern): boolean {
  return ['ONE_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'MONTHLY_RELATIVE', 'YEARLY', 'YEARLY_RELATIVE'].includes(frequencyOf(p));
}

/**
 * The next `count` runs strictly after `after`, in zone `zone` (IANA): each run day's wall-clock times
 * made instants with that day's offset. Counts runs from the start when `active_end_occurence` limits
 * them. Skips the days the pattern excepts: days of the month (`repeatPattern`, V4 `onDates`) and weekdays
 * of the month (V4 `onWeekOfTheMonth` × `onDayOfTheWeek`). Empty for patterns without a
 * calendar, and when none falls before the end date or the horizon.
 */
export function nextRuns(p: CvSchedulePattern, zone: string, after: Date, count: number): Date[] {
  const frequency = frequencyOf(p);
  if (!hasCalendar(p) || count <= 0) return [];
  const start = p.activeStartDate ? Math.floor(p.activeStartDate / DAY_S) : localDay(after, zone);
  const end = p.activeEndDate ? Math.floor(p.activeEndDate / DAY_S) : Number.POSITIVE_INFINITY;
  const maxRuns = p.activeEndOccurrence && p.activeEndOccurrence > 0 ? p.activeEndOccurrence : Number.POSITIVE_INFINITY;
  const times = timesOfDay(p);
  // Without a run limit the days before `after` need no walking.
  const from = maxRuns === Number.POSITIVE_INFINITY ? Math.max(start, localDay(after, zone) - 1) : start;
  const runs: Date[] = [];
  let counted = 0;
  for (let day = from; day <= Math.min(end, from + HORIZON_DAYS) && runs.length < count; day += 1) {
    // An excepted day has no run, and none is counted against `active_end_occurence` [U].
    if (!runsOn(p, frequency, start, day) || isExcepted(p, day)) continue;
    for (const t of times) {
      counted += 1;
      if (counted > maxRuns) return runs;
      const at = zonedInstant(day, t, zone);
      if (at.getTime() > after.getTime()) runs.push(at);
      if (runs.length === count) break;
    }
    if (frequency === 'ONE_TIME') break;
  }
  return runs;
}

// ── time zones ─────────────────────────────────────────────────────────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Wall-clock time in `zone` at `ms`, as if it were UTC (ms). */
function wallClockMs(zone: string, ms: number): number {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** `zone`'s offset from UTC at instant `ms` (ms; east positive). */
const offsetMs = (zone: string, ms: number): number => wallClockMs(zone, Math.floor(ms / 1000) * 1000) - Math.floor(ms / 1000) * 1000;

/** The civil day of `at` in `zone`. */
function localDay(at: Date, zone: string): number {
  return Math.floor(wallClockMs(zone, at.getTime()) / DAY_MS);
}

/**
 * The instant the wall clock in `zone` shows `seconds` after the midnight of civil `day`. A time the
 * clock skips (spring forward) runs as many minutes later as were skipped; a time it shows twice (fall
 * back) runs the first time.
 */
export function zonedInstant(day: number, seconds: number, zone: string): Date {
  const wall = day * DAY_MS + seconds * 1000;
  const before = offsetMs(zone, wall - DAY_MS);
  const afterOffset = offsetMs(zone, wall + DAY_MS);
  const fits = [wall - before, wall - afterOffset].filter((u) => u + offsetMs(zone, u) === wall).sort((a, b) => a - b);
  return new Date(fits[0] ?? wall - before);
}

/** `at` as the wall clock in `zone` shows it, ISO 8601 with the offset (`2027-03-14T21:00:00-04:00`). */
export function localIso(at: Date, zone: string): string {
  const offset = offsetMs(zone, at.getTime());
  const wall = new Date(at.getTime() + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / 60_000;
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// ── description ────────────────────────────────────────────────────────────────────────────────

export const clock = (seconds: number): string =>
  `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
const isoDate = (epochS: number): string => new Date(epochS * 1000).toISOString().slice(0, 10);
const plural = (n: number, one: string): string => (n === 1 ? one : `${n} ${one}s`);
const listed = (names: string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);
const title = (s: string): string => s.charAt(0) + s.slice(1).toLowerCase().replace('_', ' ');

/** "the last Friday", "the first weekday": the `week`-th (1–5, 5 last) `what` (1–10, as `freq_interval`) of a month. */
function relativeName(week: number, what: number): string {
  const which = RELATIVE_WEEKS[week - 1]?.toLowerCase() ?? '?';
  const kind = RELATIVE_DAYS[what - 1];
  const day = kind === undefined ? '?' : (WEEKDAYS as readonly string[]).includes(kind) ? title(kind) : kind.toLowerCase().replace('_', ' ');
  return `the ${which} ${day}`;
}

const relativeText = (p: CvSchedulePattern): string => relativeName(p.freqRelativeInterval ?? 0, p.freqInterval ?? 0);

/** ", except on days 1 and 15 of the month and on the last Sunday of the month" (empty without exceptions). */
function exceptionsText(p: CvSchedulePattern): string {
  const parts: string[] = [];
  const days = p.exceptDaysOfMonth;
  if (days.length > 0) parts.push(`day${days.length === 1 ? '' : 's'} ${listed(days.map(String))} of the month`);
  const weekdays = p.exceptWeekdaysOfMonth.map((e) => relativeName(RELATIVE_WEEKS.indexOf(e.week) + 1, RELATIVE_DAYS.indexOf(e.day) + 1));
  if (weekdays.length > 0) parts.push(`${listed(weekdays)} of the month`);
  return parts.length === 0 ? '' : `, except on ${parts.join(' and on ')}`;
}

/** A readable description of the pattern, e.g. "Every week on Monday and Saturday at 21:00, from 2027-03-01". */
export function describePattern(p: CvSchedulePattern): string {
  const frequency = frequencyOf(p);
  const n = every(p, frequency);
  const at = ` at ${clock(p.activeStartTime ?? 0)}`;
  let text: string;
  switch (frequency) {
    case 'ONE_TIME':
      return `Once on ${p.activeStartDate ? isoDate(p.activeStartDate) : 'its start date'}${at}`;
    case 'ON_DEMAND':
      return 'On demand only';
    case 'AUTOMATIC':
      return 'Automatic: the CommServe starts jobs as the RPO and its settings need';
    case 'CONTINUOUS':
      return `Continuous: a job every ${plural(p.freqInterval ?? 30, 'minute')} after the previous one ends`;
    case 'AFTER_JOB_COMPLETES':
      return 'After the job it follows completes';
    case 'OTHER':
      return `Pattern type ${p.freqType ?? p.freqTypeName ?? 'unknown'}`;
    case 'DAILY':
      text = `Every ${n === 1 ? 'day' : plural(n, 'day')}${at}`;
      break;
    case 'WEEKLY': {
      const days = WEEKDAYS.filter((_d, i) => ((p.freqInterval ?? 0) & (1 << i)) !== 0).map(title);
      text = `Every ${n === 1 ? 'week' : plural(n, 'week')} on ${listed(days) || 'no day'}${at}`;
      break;
    }
    case 'MONTHLY':
      text = `Every ${n === 1 ? 'month' : plural(n, 'month')} on day ${p.freqInterval ?? '?'}${at}`;
      break;
    case 'MONTHLY_RELATIVE':
      text = `Every ${n === 1 ? 'month' : plural(n, 'month')} on ${relativeText(p)}${at}`;
      break;
    case 'YEARLY':
      text = `Every year on ${p.freqInterval ?? '?'} ${MONTHS[(p.freqRecurrenceFactor ?? 0) - 1] ?? '?'}${at}`;
      break;
    case 'YEARLY_RELATIVE':
      text = `Every year on ${relativeText(p)} of ${MONTHS[(p.freqRecurrenceFactor ?? 0) - 1] ?? '?'}${at}`;
      break;
  }
  if (p.freqSubdayInterval && p.freqSubdayInterval > 0) {
    const until = p.activeEndTime && p.activeEndTime > (p.activeStartTime ?? 0) ? p.activeEndTime : LAST_SECOND;
    text += `, then every ${plural(Math.round(p.freqSubdayInterval / 60), 'minute')} until ${clock(until)}`;
  }
  if (p.activeStartDate) text += `, from ${isoDate(p.activeStartDate)}`;
  if (p.activeEndDate) text += ` until ${isoDate(p.activeEndDate)}`;
  if (p.activeEndOccurrence) text += `, ${plural(p.activeEndOccurrence, 'run')} at most`;
  return text + exceptionsText(p);
}
