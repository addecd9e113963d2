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
