import { describe, expect, it } from 'vitest';
import { DateTimeScalar } from '../../src/schema/date-time.scalar.js';

describe('DateTime scalar', () => {
  it('serializes a Date to its RFC 3339 UTC string (what JSON would have shown), not a Date', () => {
    const d = new Date(Date.UTC(2026, 10, 25, 6, 30, 5, 120));
    expect(DateTimeScalar.serialize(d)).toBe('2026-11-25T06:30:05.120Z');
  });

  it('follows a Date that changed after it was first serialized', () => {
    const d = new Date(Date.UTC(2026, 0, 1));
    expect(DateTimeScalar.serialize(d)).toBe('2026-01-01T00:00:00.000Z');
    d.setUTCFullYear(2027);
    expect(DateTimeScalar.serialize(d)).toBe('2027-01-01T00:00:00.000Z');
  });

  it('normalises a date-time string with an offset to UTC', () => {
    expect(DateTimeScalar.serialize('2026-11-25T08:30:00+02:00')).toBe('2026-11-25T06:30:00.000Z');
  });

  it('refuses an invalid Date and a value that is no date', () => {
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(/invalid Date/);
    expect(() => DateTimeScalar.serialize({})).toThrow(/DateTime cannot be serialized/);
  });

  it('keeps graphql-scalars\' name and input parsing', () => {
    expect(DateTimeScalar.name).toBe('DateTime');
    expect(DateTimeScalar.parseValue('2026-11-25T06:30:00Z')).toEqual(new Date('2026-11-25T06:30:00Z'));
  });
});

describe('DateTime scalar text cache', () => {
  it('formats every instant right while thousands of others pass through it', () => {
    const base = Date.UTC(2026, 11, 7, 0, 0, 0, 0);
    const first = new Date(base);
    expect(DateTimeScalar.serialize(first)).toBe('2026-12-07T00:00:00.000Z');
    for (let i = 1; i <= 20_000; i++) {
      const d = new Date(base + i * 1000);
      expect(DateTimeScalar.serialize(d)).toBe(d.toISOString());
    }
    // Long out of the cache by now, and a new Date of the same instant: formatted again, the same.
    expect(DateTimeScalar.serialize(new Date(base))).toBe('2026-12-07T00:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date(base + 20_000_000))).toBe('2026-12-07T05:33:20.000Z');
  });
});
