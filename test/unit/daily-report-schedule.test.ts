import { describe, expect, it, vi } from 'vitest';
import { nextDailyReportAt, scheduleDailyReport } from '../../src/collectors/notifications/daily-report-schedule.js';

const at = (iso: string) => Date.parse(iso);

describe('nextDailyReportAt', () => {
  it("is today's time when it is still ahead, else tomorrow's (UTC)", () => {
    expect(nextDailyReportAt(at('2026-12-06T03:00:00Z'), '07:00', 'UTC')).toBe(at('2026-12-06T07:00:00Z'));
    expect(nextDailyReportAt(at('2026-12-06T07:30:00Z'), '07:00', 'UTC')).toBe(at('2026-12-07T07:00:00Z'));
    expect(nextDailyReportAt(at('2026-12-31T23:59:00Z'), '00:00', 'UTC')).toBe(at('2027-01-01T00:00:00Z'));
  });

  it('is strictly after now: asked at a due time it gives the next day', () => {
    expect(nextDailyReportAt(at('2026-12-06T07:00:00Z'), '07:00', 'UTC')).toBe(at('2026-12-07T07:00:00Z'));
  });

  it("reads the time on the zone's wall clock", () => {
    // Berlin is UTC+1 in winter, UTC+2 in summer.
    expect(nextDailyReportAt(at('2026-12-06T03:00:00Z'), '07:00', 'Europe/Berlin')).toBe(at('2026-12-06T06:00:00Z'));
    expect(nextDailyReportAt(at('2026-07-06T03:00:00Z'), '07:00', 'Europe/Berlin')).toBe(at('2026-07-06T05:00:00Z'));
    // New York is UTC-5 in winter: at 03:00 UTC it is still 22:00 the day before there, and 23:30 there
    // is 04:30 UTC.
    expect(nextDailyReportAt(at('2026-12-06T03:00:00Z'), '23:30', 'America/New_York')).toBe(at('2026-12-06T04:30:00Z'));
    expect(nextDailyReportAt(at('2026-12-06T04:31:00Z'), '23:30', 'America/New_York')).toBe(at('2026-12-07T04:30:00Z'));
  });

  it('keeps the wall-clock time across a DST change (23 h and 25 h days)', () => {
    // Europe/Berlin: clocks go forward on 2026-03-29 at 02:00, back on 2026-10-25 at 03:00.
    const before = nextDailyReportAt(at('2026-03-28T06:30:00Z'), '07:00', 'Europe/Berlin');
    expect(before).toBe(at('2026-03-29T05:00:00Z'));
    expect(before - at('2026-03-28T06:00:00Z')).toBe(23 * 3600_000);
    expect(nextDailyReportAt(at('2026-10-24T06:30:00Z'), '07:00', 'Europe/Berlin')).toBe(at('2026-10-25T06:00:00Z'));
  });

  it('puts a time the clocks skip just after the gap, and a time shown twice at its first showing', () => {
    expect(nextDailyReportAt(at('2026-03-28T12:00:00Z'), '02:30', 'Europe/Berlin')).toBe(at('2026-03-29T01:30:00Z'));
    expect(nextDailyReportAt(at('2026-10-24T12:00:00Z'), '02:30', 'Europe/Berlin')).toBe(at('2026-10-25T00:30:00Z'));
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => nextDailyReportAt(0, '7:00', 'UTC')).toThrow(RangeError);
    expect(() => nextDailyReportAt(0, '24:00', 'UTC')).toThrow(RangeError);
  });
});

describe('scheduleDailyReport', () => {
  it('runs at each due time with the due time, then the next day, until stopped', async () => {
    vi.useFakeTimers({ now: at('2026-12-06T06:00:00Z') });
    try {
      const runs: string[] = [];
      const timer = scheduleDailyReport({ at: '07:00', timeZone: 'UTC', run: async (dueAt) => void runs.push(new Date(dueAt).toISOString()), onError: () => {} });
      await vi.advanceTimersByTimeAsync(59 * 60_000);
      expect(runs).toEqual([]);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toEqual(['2026-12-06T07:00:00.000Z']);
      await vi.advanceTimersByTimeAsync(24 * 3600_000);
      expect(runs).toEqual(['2026-12-06T07:00:00.000Z', '2026-12-07T07:00:00.000Z']);
      timer.stop();
      await vi.advanceTimersByTimeAsync(48 * 3600_000);
      expect(runs).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the schedule after a failed run', async () => {
    vi.useFakeTimers({ now: at('2026-12-06T06:59:00Z') });
    try {
      const errors: unknown[] = [];
      let calls = 0;
      const timer = scheduleDailyReport({
        at: '07:00',
        timeZone: 'UTC',
        run: async () => {
          calls++;
          throw new Error('store down');
        },
        onError: (e) => errors.push(e),
      });
      await vi.advanceTimersByTimeAsync(24 * 3600_000 + 60_000);
      timer.stop();
      expect(calls).toBe(2);
      expect(errors).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
