/**
 * Calendar arithmetic in an IANA time zone with nothing but Intl: the date a moment falls on there, and
 * the moment a wall-clock time of a date happens there (DST included).
 */

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(atMs: number, timeZone: string): CalendarDate & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(atMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** The date `atMs` falls on in `timeZone`. */
export function dateIn(atMs: number, timeZone: string): CalendarDate {
  const { year, month, day } = wallClock(atMs, timeZone);
  return { year, month, day };
}

/** `YYYY-MM-DD` of a calendar date. */
export function isoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The date `days` after `d` (negative: before). */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** How far `timeZone`'s wall clock is ahead of UTC at `atMs`, ms (whole seconds). */
function offsetMs(atMs: number, timeZone: string): number {
  const w = wallClock(atMs, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(atMs / 1000) * 1000;
}

/**
 * The moment the wall clock of `timeZone` shows `hour:minute` on date `d`. A time the clocks skip (a
 * spring-forward gap) lands as many minutes after the gap; a time shown twice (fall back) is its first showing.
 */
export function zonedTimeToEpochMs(d: CalendarDate, hour: number, minute: number, timeZone: string): number {
  const wallAsUtc = Date.UTC(d.year, d.month - 1, d.day, hour, minute);
  // The zone's offset half a day before and after (no zone changes its offset twice within 12 h): the
  // moment is wallAsUtc minus one of them. Both fit in a fall-back overlap, neither in a spring-forward gap.
  const candidates = [wallAsUtc - offsetMs(wallAsUtc - HALF_DAY_MS, timeZone), wallAsUtc - offsetMs(wallAsUtc + HALF_DAY_MS, timeZone)];
  const shown = candidates.filter((c) => offsetMs(c, timeZone) === wallAsUtc - c);
  return shown.length > 0 ? Math.min(...shown) : Math.max(...candidates);
}

const HALF_DAY_MS = 12 * 60 * 60 * 1000;
