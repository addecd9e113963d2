import { describe, expect, it } from 'vitest';
import { capacitySamplesOf, DEFAULT_FORECAST_OPTIONS, forecastCapacity, type CapacitySample } from '../../src/monitoring/forecast.js';
import type { StorageTargetSample } from '../../src/store/history-store.js';

const DAY = 86_400_000;
const TB = 1e12;
const NOW = Date.UTC(2026, 11, 1, 12);

/** One sample per day, `values[i]` used bytes `values.length - 1 - i` days before NOW. */
function daily(values: readonly number[], totalBytes = 5 * TB): CapacitySample[] {
  return values.map((usedBytes, i) => ({ at: NOW - (values.length - 1 - i) * DAY, usedBytes, totalBytes }));
}

/** |a - b| relative to b. */
const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('capacity forecast', () => {
  it('a perfect line: full when the line meets the latest total, R² 1', () => {
    // 2 TB ten days ago, +50 GB a day: 2.5 TB now; 2.5 TB left of 5 TB at 50 GB a day is 50 days.
    const samples = daily(Array.from({ length: 11 }, (_, i) => 2 * TB + i * 50e9));
    const f = forecastCapacity(samples, NOW);
    expect(f.kind).toBe('FULL_IN');
    if (f.kind !== 'FULL_IN') return;
    expect(f.daysUntilFull).toBeCloseTo(50, 9);
    expect(f.fullAt).toBeCloseTo(NOW + 50 * DAY, 0);
    expect(f.slopeBytesPerDay).toBeCloseTo(50e9, 0);
    expect(f.rSquared).toBeCloseTo(1, 12);
    expect(f.samples).toBe(11);
    expect(f.capacityBytes).toBe(5 * TB);
  });

  it('a noisy line: slope, R² and days equal the closed-form least squares', () => {
    const noise = [3, -7, 12, -1, -9, 5, 8, -4, 0, -11, 6, 2, -3, 9].map((g) => g * 1e9);
    const values = noise.map((e, i) => 1.5 * TB + i * 30e9 + e);
    const f = forecastCapacity(daily(values, 4 * TB), NOW);

    // The textbook sums, x = days since the first sample (the closed form the test trusts, not the gateway's).
    const n = values.length;
    const xs = values.map((_, i) => i);
    const sx = xs.reduce((a, b) => a + b, 0);
    const sy = values.reduce((a, b) => a + b, 0);
    const sxy = xs.reduce((a, x, i) => a + x * values[i]!, 0);
    const sxx = xs.reduce((a, x) => a + x * x, 0);
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const intercept = (sy - slope * sx) / n;
    const meanY = sy / n;
    const ssRes = values.reduce((a, y, i) => a + (y - (intercept + slope * i)) ** 2, 0);
    const ssTot = values.reduce((a, y) => a + (y - meanY) ** 2, 0);
    const rSquared = 1 - ssRes / ssTot;
    const xNow = n - 1;
    const days = (4 * TB - intercept) / slope - xNow;

    expect(f.kind).toBe('FULL_IN');
    if (f.kind !== 'FULL_IN') return;
    expect(rSquared).toBeLessThan(1);
    expect(relativeError(f.slopeBytesPerDay, slope)).toBeLessThan(1e-9);
    expect(relativeError(f.rSquared, rSquared)).toBeLessThan(1e-9);
    expect(relativeError(f.daysUntilFull, days)).toBeLessThan(1e-9);
    expect(f.samples).toBe(n);
  });

  it('a flat series is NOT_GROWING with slope 0', () => {
    const f = forecastCapacity(daily(Array(10).fill(3 * TB)), NOW);
    expect(f).toEqual({ kind: 'NOT_GROWING', slopeBytesPerDay: 0, rSquared: 1, samples: 10 });
  });

  it('a shrinking series is NOT_GROWING with its negative slope', () => {
    const f = forecastCapacity(daily(Array.from({ length: 8 }, (_, i) => 3 * TB - i * 20e9)), NOW);
    expect(f.kind).toBe('NOT_GROWING');
    if (f.kind !== 'NOT_GROWING') return;
    expect(f.slopeBytesPerDay).toBeCloseTo(-20e9, 0);
    expect(f.samples).toBe(8);
  });

  it('growth too slow to fill within the horizon is NOT_GROWING', () => {
    // 1 GB a day with 2.5 TB free: 2500 days, beyond the 1825-day horizon.
    const f = forecastCapacity(daily(Array.from({ length: 10 }, (_, i) => 2.5 * TB + i * 1e9)), NOW);
    expect(f.kind).toBe('NOT_GROWING');
    expect(forecastCapacity(daily(Array.from({ length: 10 }, (_, i) => 2.5 * TB + i * 1e9)), NOW, { ...DEFAULT_FORECAST_OPTIONS, horizonDays: 3000 }).kind).toBe('FULL_IN');
  });

  it('4 samples are TOO_LITTLE_HISTORY; so are 5 spanning less than a day', () => {
    expect(forecastCapacity(daily([1, 2, 3, 4].map((d) => d * TB)), NOW)).toEqual({ kind: 'TOO_LITTLE_HISTORY', samples: 4 });
    const hourly = [0, 1, 2, 3, 4].map((h) => ({ at: NOW - h * 3_600_000, usedBytes: TB + h, totalBytes: 5 * TB }));
    expect(forecastCapacity(hourly, NOW)).toEqual({ kind: 'TOO_LITTLE_HISTORY', samples: 5 });
    expect(forecastCapacity([], NOW)).toEqual({ kind: 'TOO_LITTLE_HISTORY', samples: 0 });
  });

  it('leaves out samples older than the window or after now', () => {
    const inWindow = daily(Array.from({ length: 6 }, (_, i) => 2 * TB + i * 50e9));
    const stale = { at: NOW - 40 * DAY, usedBytes: 4.9 * TB, totalBytes: 5 * TB };
    const future = { at: NOW + DAY, usedBytes: 0, totalBytes: 5 * TB };
    const f = forecastCapacity([stale, ...inWindow, future], NOW);
    expect(f.kind === 'FULL_IN' && f.samples).toBe(6);
    expect(f.kind === 'FULL_IN' && f.daysUntilFull).toBeCloseTo((5 * TB - 2.25 * TB) / 50e9, 9);
  });

  it('a target past its capacity on the line is full in 0 days, at now', () => {
    const f = forecastCapacity(daily(Array.from({ length: 6 }, (_, i) => 5 * TB + i * 1e9)), NOW);
    expect(f).toMatchObject({ kind: 'FULL_IN', daysUntilFull: 0, fullAt: NOW });
  });

  it('reads used bytes from stored rows with both a total and a free figure', () => {
    const row = (at: number, totalBytes: number | null, freeBytes: number | null): StorageTargetSample => ({
      upstreamId: 'cv', targetId: 't', at, resolution: 'raw', totalBytes, freeBytes, demo: false,
    });
    expect(capacitySamplesOf([row(1, 100, 30), row(2, null, 30), row(3, 100, null)])).toEqual([{ at: 1, usedBytes: 70, totalBytes: 100 }]);
  });
});
