import { badUserInput } from '../errors/gateway-error.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The window `jobStatusSummary` counts when the caller gives none: the last 24 hours. */
export const DEFAULT_SUMMARY_WINDOW_MS = DAY_MS;
/**
 * The longest summary window, 31 days: a monthly report's period. A month of a 300-client CommServe is
 * ~12 500 jobs, 13 upstream pages of 1000, well inside the job window's 50-page limit.
 */
export const MAX_SUMMARY_WINDOW_MS = 31 * DAY_MS;
/** `unprotectedWorkloads(days)` bounds: a day to a year (Commvault's default job lookup). */
export const MIN_PROTECTION_DAYS = 1;
export const MAX_PROTECTION_DAYS = 365;
/** `unprotectedWorkloads(hours)` bounds: an hour to the same year. */
export const MIN_PROTECTION_HOURS = 1;
export const MAX_PROTECTION_HOURS = MAX_PROTECTION_DAYS * 24;

/** A half-open time window [since, until). */
export interface TimeWindow {
  since: Date;
  until: Date;
}

/**
 * The window a summary covers. Defaults: `until` now, `since` 24 h before `until`.
 * @throws BAD_USER_INPUT when `since` is not before `until` or the window is longer than 31 days.
 */
export function summaryWindow(since: Date | null | undefined, until: Date | null | undefined, now: Date = new Date()): TimeWindow {
  const end = until ?? now;
  const start = since ?? new Date(end.getTime() - DEFAULT_SUMMARY_WINDOW_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw badUserInput('since and until must be valid times');
  if (start.getTime() >= end.getTime()) throw badUserInput('since must be before until');
  if (end.getTime() - start.getTime() > MAX_SUMMARY_WINDOW_MS) throw badUserInput('the window may span at most 31 days');
  return { since: start, until: end };
}

/**
 * How many days a summary window given as `jobStatusSummary` arguments spans (DateTime text, from a
 * literal or a variable), as summaryWindow would take it: for cost estimates, which run before the
 * arguments are validated (an unreadable time counts as absent).
 */
export function summaryWindowDays(since: unknown, until: unknown, now: number): number {
  const end = timeOf(until) ?? now;
  const start = timeOf(since) ?? end - DEFAULT_SUMMARY_WINDOW_MS;
  return Math.min(MAX_SUMMARY_WINDOW_MS, Math.max(0, end - start)) / DAY_MS;
}

/** A DateTime argument (ISO text from a literal or a variable) as epoch ms; undefined when absent or unreadable. */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The cutoff of "no successful backup in the last `days` days".
 * @throws BAD_USER_INPUT when `days` is not a whole number in 1..365.
 */
export function protectionCutoff(days: number, now: Date = new Date()): Date {
  if (!Number.isInteger(days) || days < MIN_PROTECTION_DAYS || days > MAX_PROTECTION_DAYS) {
    throw badUserInput(`days must be between ${MIN_PROTECTION_DAYS} and ${MAX_PROTECTION_DAYS}`);
  }
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * The cutoff of `unprotectedWorkloads`: `hours` when given (the collectors ask by the alert rule's hours),
 * else `days`.
 * @throws BAD_USER_INPUT when `hours` is not a whole number in 1..8760, or `days` not one in 1..365.
 */
export function protectionWindowCutoff(args: { days: number; hours?: number | null }, now: Date = new Date()): Date {
  const { hours } = args;
  if (hours === undefined || hours === null) return protectionCutoff(args.days, now);
  if (!Number.isInteger(hours) || hours < MIN_PROTECTION_HOURS || hours > MAX_PROTECTION_HOURS) {
    throw badUserInput(`hours must be between ${MIN_PROTECTION_HOURS} and ${MAX_PROTECTION_HOURS}`);
  }
  return new Date(now.getTime() - hours * HOUR_MS);
}

/** How many days `unprotectedWorkloads`' arguments (as the cost estimate sees them, unvalidated) span: `hours` / 24 when given, else `days`. */
export function protectionWindowDays(args: Readonly<Record<string, unknown>>): number {
  if (typeof args.hours === 'number') return args.hours / 24;
  return typeof args.days === 'number' ? args.days : 0;
}
