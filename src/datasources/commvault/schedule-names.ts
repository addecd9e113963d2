/**
 * The calendar names schedule patterns use (docs/upstreams/commvault-schedules.md §3, §7, §10): weekdays,
 * the days and weeks of a relative pattern — shared by the pattern model, its mappers and its arithmetic.
 */
export const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
export type CvWeekday = (typeof WEEKDAYS)[number];
/** `freq_interval` of a relative pattern, 1…10. */
export const RELATIVE_DAYS = [...WEEKDAYS, 'DAY', 'WEEKDAY', 'WEEKEND_DAY'] as const;
export type CvRelativeDay = (typeof RELATIVE_DAYS)[number];
/** `freq_relative_interval`, 1…5. */
export const RELATIVE_WEEKS = ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'LAST'] as const;
export type CvRelativeWeek = (typeof RELATIVE_WEEKS)[number];
