import { describe, expect, it } from 'vitest';
import type { CvSchedulePattern } from '../../src/datasources/commvault/schedule-model.js';
import { toPattern } from '../../src/datasources/commvault/mappers/schedule.js';
import { describePattern, localIso, nextRuns } from '../../src/datasources/commvault/schedule-pattern.js';
import { toWeekdayExceptions } from '../../src/datasources/commvault/mappers/server-plan.js';
import { patternFromPlain, planPatternFromPlain } from '../../src/datasources/commvault/schedule-requests.js';
import { ianaTimeZone } from '../../src/datasources/commvault/windows-time-zones.js';

/**
 * Schedule patterns in plain terms. Expected instants are written out by hand from the US Eastern rules
 * (EST = UTC−5; EDT = UTC−4 from the second Sunday of March 02:00 to the first Sunday of November 02:00),
 * not computed with the code under test.
 */
const NY = 'America/New_York';
const utc = (iso: string): Date => new Date(`${iso}Z`);
const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 1000;

function pattern(p: Partial<CvSchedulePattern>): CvSchedulePattern {
  return {
    freqType: null, freqTypeName: null, freqInterval: null, freqRecurrenceFactor: null, freqRelativeInterval: null, freqSubdayInterval: null,
    activeStartDate: null, activeStartTime: null, activeEndDate: null, activeEndTime: null, activeEndOccurrence: null, patternId: null,
    description: null, timeZoneName: null, exceptDaysOfMonth: [], exceptWeekdaysOfMonth: [], ...p,
  };
}

describe('next runs across daylight-saving changes (America/New_York)', () => {
  it('daily at 21:00 across the March change keeps 21:00 on the wall clock (02:00Z, then 01:00Z)', () => {
    const p = pattern({ freqType: 4, freqRecurrenceFactor: 1, activeStartDate: day('2027-03-12'), activeStartTime: 21 * 3600 });
    expect(nextRuns(p, NY, utc('2027-03-01T00:00:00'), 3)).toEqual([utc('2027-03-13T02:00:00'), utc('2027-03-14T02:00:00'), utc('2027-03-15T01:00:00')]);
  });

  it('weekly Monday and Saturday (66) across the November change', () => {
    const p = pattern({ freqType: 8, freqInterval: 66, freqRecurrenceFactor: 1, activeStartDate: day('2026-10-26'), activeStartTime: 21 * 3600 });
    expect(nextRuns(p, NY, utc('2026-10-30T12:00:00'), 3)).toEqual([utc('2026-11-01T01:00:00'), utc('2026-11-03T02:00:00'), utc('2026-11-08T02:00:00')]);
  });

  it('a time the spring change skips runs an hour later; one the autumn change repeats runs the first time', () => {
    const spring = pattern({ freqType: 4, freqRecurrenceFactor: 1, activeStartDate: day('2027-03-13'), activeStartTime: 2 * 3600 + 1800 });
    expect(nextRuns(spring, NY, utc('2027-03-01T00:00:00'), 3)).toEqual([utc('2027-03-13T07:30:00'), utc('2027-03-14T07:30:00'), utc('2027-03-15T06:30:00')]);
    const autumn = pattern({ freqType: 1, activeStartDate: day('2026-11-01'), activeStartTime: 3600 + 1800 });
    expect(nextRuns(autumn, NY, utc('2026-10-01T00:00:00'), 3)).toEqual([utc('2026-11-01T05:30:00')]);
  });

  it('shows each run on the zone\'s wall clock with its offset', () => {
    expect(localIso(utc('2027-03-15T01:00:00'), NY)).toBe('2027-03-14T21:00:00-04:00');
    expect(localIso(utc('2027-03-14T02:00:00'), NY)).toBe('2027-03-13T21:00:00-05:00');
  });
});

describe('calendar rules', () => {
  it('monthly relative: the last Friday of each month', () => {
    const p = pattern({ freqType: 32, freqRelativeInterval: 5, freqInterval: 6, freqRecurrenceFactor: 1, activeStartDate: day('2026-01-01'), activeStartTime: 22 * 3600 });
    expect(nextRuns(p, NY, utc('2026-12-01T00:00:00'), 3)).toEqual([utc('2026-12-26T03:00:00'), utc('2027-01-30T03:00:00'), utc('2027-02-27T03:00:00')]);
  });

  it('monthly on day 31 runs on the last day of shorter months; every 2 months counts from the start month', () => {
    const p = pattern({ freqType: 16, freqInterval: 31, freqRecurrenceFactor: 2, activeStartDate: day('2026-12-01'), activeStartTime: 0 });
    expect(nextRuns(p, 'UTC', utc('2026-12-01T00:00:00'), 3)).toEqual([utc('2026-12-31T00:00:00'), utc('2027-02-28T00:00:00'), utc('2027-04-30T00:00:00')]);
  });

  it('every 2 weeks on Sunday, counting weeks from the start day\'s week', () => {
    const p = pattern({ freqType: 8, freqInterval: 1, freqRecurrenceFactor: 2, activeStartDate: day('2026-12-02'), activeStartTime: 3600 });
    expect(nextRuns(p, 'UTC', utc('2026-12-01T00:00:00'), 3)).toEqual([utc('2026-12-13T01:00:00'), utc('2026-12-27T01:00:00'), utc('2027-01-10T01:00:00')]);
  });

  it('daily every 3 days in the docs\' form (freq_interval) and cvpysdk\'s (freq_recurrence_factor) alike', () => {
    const expected = [utc('2026-12-01T05:00:00'), utc('2026-12-04T05:00:00'), utc('2026-12-07T05:00:00')];
    const base = { freqType: 4, activeStartDate: day('2026-12-01'), activeStartTime: 5 * 3600 };
    expect(nextRuns(pattern({ ...base, freqInterval: 3 }), 'UTC', utc('2026-11-01T00:00:00'), 3)).toEqual(expected);
    expect(nextRuns(pattern({ ...base, freqInterval: 0, freqRecurrenceFactor: 3 }), 'UTC', utc('2026-11-01T00:00:00'), 3)).toEqual(expected);
  });

  it('yearly relative: the first Sunday of March', () => {
    const p = pattern({ freqType: 128, freqRelativeInterval: 1, freqInterval: 1, freqRecurrenceFactor: 3, activeStartDate: day('2026-01-01'), activeStartTime: 0 });
    expect(nextRuns(p, 'UTC', utc('2026-12-01T00:00:00'), 2)).toEqual([utc('2027-03-07T00:00:00'), utc('2028-03-05T00:00:00')]);
  });

  it('repeats within a day until the end time, stops at the end date and after the last allowed run', () => {
    const repeat = pattern({ freqType: 4, freqRecurrenceFactor: 1, freqSubdayInterval: 6 * 3600, activeStartDate: day('2026-12-01'), activeStartTime: 0, activeEndTime: 86340 });
    expect(nextRuns(repeat, 'UTC', utc('2026-12-01T07:00:00'), 4)).toEqual([
      utc('2026-12-01T12:00:00'), utc('2026-12-01T18:00:00'), utc('2026-12-02T00:00:00'), utc('2026-12-02T06:00:00'),
    ]);
    const ended = pattern({ freqType: 4, freqRecurrenceFactor: 1, activeStartDate: day('2026-12-01'), activeStartTime: 0, activeEndDate: day('2026-12-02') });
    expect(nextRuns(ended, 'UTC', utc('2026-11-01T00:00:00'), 5)).toEqual([utc('2026-12-01T00:00:00'), utc('2026-12-02T00:00:00')]);
    const limited = pattern({ freqType: 4, freqRecurrenceFactor: 1, activeStartDate: day('2026-12-01'), activeStartTime: 0, activeEndOccurrence: 3 });
    expect(nextRuns(limited, 'UTC', utc('2026-12-01T12:00:00'), 5)).toEqual([utc('2026-12-02T00:00:00'), utc('2026-12-03T00:00:00')]);
  });

  it('automatic, continuous and on-demand patterns have no calendar: no next runs', () => {
    for (const freqType of [2, 1024, 4096]) expect(nextRuns(pattern({ freqType }), 'UTC', new Date(), 3)).toEqual([]);
  });
});

describe('exceptions (repeatPattern)', () => {
  it('reads the excepted days from every exception entry\'s onDayNumber bitmask, and ignores entries that are not exceptions', () => {
    const p = toPattern({
      freq_type: 4, freq_recurrence_factor: 1, active_start_time: 0,
      // Day d is bit d−1: 1 and 15 (1 + 16384), 31 (2^30); 2 (bit 1) only in an entry that is not an exception.
      repeatPattern: [{ exception: true, onDayNumber: 1 + 16_384 }, { exception: true, onDayNumber: 1_073_741_824 }, { exception: false, onDayNumber: 2 }],
    });
    expect(p.exceptDaysOfMonth).toEqual([1, 15, 31]);
    expect(toPattern({ freq_type: 4 }).exceptDaysOfMonth).toEqual([]);
  });

  it('daily at 21:00 skips the excepted 14th (the March change) and 16th, keeping 21:00 on the wall clock either side of it', () => {
    const p = pattern({ freqType: 4, freqRecurrenceFactor: 1, activeStartDate: day('2027-03-12'), activeStartTime: 21 * 3600, exceptDaysOfMonth: [14, 16] });
    // 12th and 13th: EST (UTC−5) → 02:00Z the next day; 15th and 17th: EDT (UTC−4) → 01:00Z the next day.
    expect(nextRuns(p, NY, utc('2027-03-01T00:00:00'), 4)).toEqual([
      utc('2027-03-13T02:00:00'), utc('2027-03-14T02:00:00'), utc('2027-03-16T01:00:00'), utc('2027-03-18T01:00:00'),
    ]);
  });

  it('weekly Sundays across the November change skip an excepted first of the month', () => {
    // Sundays from 2026-10-25: 25 Oct (EDT), 1 Nov excepted (the change day), 8 and 15 Nov (EST).
    const p = pattern({ freqType: 8, freqInterval: 1, freqRecurrenceFactor: 1, activeStartDate: day('2026-10-25'), activeStartTime: 3 * 3600, exceptDaysOfMonth: [1] });
    expect(nextRuns(p, NY, utc('2026-10-20T00:00:00'), 3)).toEqual([utc('2026-10-25T07:00:00'), utc('2026-11-08T08:00:00'), utc('2026-11-15T08:00:00')]);
  });

  it('a plain pattern\'s excepted days become one exception entry in cvpysdk\'s form; bad days are refused', () => {
    const built = patternFromPlain({ frequency: 'DAILY', startDate: '2027-03-01', startTime: '23:00', exceptDaysOfMonth: [1, 15] });
    expect('pattern' in built && built.pattern.repeatPattern).toEqual([{ exception: true, onDayNumber: 1 + 16_384 }]);
    expect(patternFromPlain({ frequency: 'DAILY', startDate: '2027-03-01', startTime: '23:00', exceptDaysOfMonth: [0] })).toHaveProperty('problem');
    expect(patternFromPlain({ frequency: 'DAILY', startDate: '2027-03-01', startTime: '23:00', exceptDaysOfMonth: [32] })).toHaveProperty('problem');
    expect(patternFromPlain({ frequency: 'ONE_TIME', startDate: '2027-03-01', startTime: '23:00', exceptDaysOfMonth: [2] })).toHaveProperty('problem');
    expect('pattern' in built && describePattern(toPattern(built.pattern))).toBe('Every day at 23:00, from 2027-03-01, except on days 1 and 15 of the month');
  });
});

describe('exceptions by week of the month (a plan\'s V4 `onWeekOfTheMonth` × `onDayOfTheWeek`)', () => {
  it('weekly Sundays at 21:00 skip the second Sunday (the March change, 14 March 2027) and the last one (28 March)', () => {
    // Sundays of March 2027: 7 (EST: 21:00 = 02:00Z on the 8th), 14 and 28 excepted, 21 (EDT: 01:00Z on the 22nd); then 4 April (EDT).
    const p = pattern({
      freqType: 8, freqInterval: 1, freqRecurrenceFactor: 1, activeStartDate: day('2027-03-01'), activeStartTime: 21 * 3600,
      exceptWeekdaysOfMonth: [{ week: 'SECOND', day: 'SUNDAY' }, { week: 'LAST', day: 'SUNDAY' }],
    });
    expect(nextRuns(p, NY, utc('2027-03-01T00:00:00'), 3)).toEqual([utc('2027-03-08T02:00:00'), utc('2027-03-22T01:00:00'), utc('2027-04-05T01:00:00')]);
  });

  it('daily runs skip the last weekday of the month (Friday 30 April 2027) and run on the weekend after it', () => {
    const p = pattern({ freqType: 4, freqRecurrenceFactor: 1, activeStartDate: day('2027-04-01'), activeStartTime: 21 * 3600, exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'WEEKDAY' }] });
    // EDT: 21:00 = 01:00Z the next day. 28, 29 April run; 30 April skipped; 1 and 2 May run.
    expect(nextRuns(p, NY, utc('2027-04-28T12:00:00'), 4)).toEqual([
      utc('2027-04-29T01:00:00'), utc('2027-04-30T01:00:00'), utc('2027-05-02T01:00:00'), utc('2027-05-03T01:00:00'),
    ]);
  });

  it('an exception entry excepts every week with every day of it; an entry lacking either list or with unknown names excepts nothing', () => {
    expect(toWeekdayExceptions([
      { onWeekOfTheMonth: ['LAST', 'FIRST'], onDayOfTheWeek: ['SUNDAY', 'WEEKEND_DAYS'] },
      { onWeekOfTheMonth: ['SECOND'] },
      { onWeekOfTheMonth: ['FIFTH'], onDayOfTheWeek: ['MONDAY'] },
      { onDates: [3] },
    ])).toEqual([
      { week: 'FIRST', day: 'SUNDAY' }, { week: 'FIRST', day: 'WEEKEND_DAY' }, { week: 'LAST', day: 'SUNDAY' }, { week: 'LAST', day: 'WEEKEND_DAY' },
    ]);
    expect(toWeekdayExceptions(undefined)).toEqual([]);
  });

  it('is said in the description after the excepted days of the month', () => {
    const p = pattern({ freqType: 4, freqRecurrenceFactor: 1, activeStartTime: 75600, exceptDaysOfMonth: [1], exceptWeekdaysOfMonth: [{ week: 'LAST', day: 'SUNDAY' }, { week: 'FIRST', day: 'WEEKEND_DAY' }] });
    expect(describePattern(p)).toBe('Every day at 21:00, except on day 1 of the month and on the last Sunday and the first weekend day of the month');
  });

  it('a plan pattern writes one V4 exception entry per weekday of the month; a task pattern refuses them', () => {
    const plain = { frequency: 'DAILY' as const, startDate: '2027-03-01', startTime: '21:00', exceptDaysOfMonth: [15], exceptWeekdaysOfMonth: [{ week: 'LAST' as const, day: 'WEEKEND_DAY' as const }, { week: 'FIRST' as const, day: 'MONDAY' as const }] };
    const built = planPatternFromPlain(plain);
    expect('schedulePattern' in built && built.schedulePattern.exceptions).toEqual([
      { onDates: [15] }, { onWeekOfTheMonth: ['LAST'], onDayOfTheWeek: ['WEEKEND_DAYS'] }, { onWeekOfTheMonth: ['FIRST'], onDayOfTheWeek: ['MONDAY'] },
    ]);
    expect(patternFromPlain(plain)).toEqual({ problem: expect.stringMatching(/exceptWeekdaysOfMonth applies to plan schedules only/) });
    expect(planPatternFromPlain({ ...plain, exceptWeekdaysOfMonth: [{ week: 'FIFTH' as never, day: 'MONDAY' }] })).toHaveProperty('problem');
  });
});

describe('descriptions', () => {
  it('says the pattern in words', () => {
    expect(describePattern(pattern({ freqType: 8, freqInterval: 66, freqRecurrenceFactor: 1, activeStartDate: day('2027-03-01'), activeStartTime: 75600 })))
      .toBe('Every week on Monday and Saturday at 21:00, from 2027-03-01');
    expect(describePattern(pattern({ freqType: 32, freqRelativeInterval: 5, freqInterval: 9, freqRecurrenceFactor: 3, activeStartTime: 3600 })))
      .toBe('Every 3 months on the last weekday at 01:00');
    expect(describePattern(pattern({ freqType: 4, freqRecurrenceFactor: 1, freqSubdayInterval: 3600, activeStartTime: 0, activeEndTime: 43200, activeEndOccurrence: 10 })))
      .toBe('Every day at 00:00, then every 60 minutes until 12:00, 10 runs at most');
    expect(describePattern(pattern({ freqType: 1024 }))).toMatch(/^Automatic/);
  });
});

describe('Windows time zone names', () => {
  it('maps display names, standard names, the CommServe\'s bias form and IANA names; null for unknown names', () => {
    expect(ianaTimeZone('(UTC-05:00) Eastern Time (US & Canada)')).toBe(NY);
    expect(ianaTimeZone('0:-300:Eastern Standard Time')).toBe(NY);
    expect(ianaTimeZone('(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna')).toBe('Europe/Berlin');
    expect(ianaTimeZone('AUS Eastern Standard Time')).toBe('Australia/Sydney');
    expect(ianaTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(ianaTimeZone('Atlantis Standard Time')).toBeNull();
    expect(ianaTimeZone('')).toBeNull();
  });
});
