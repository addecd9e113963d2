/**
 * Capacity forecast (docs/history.md "Capacity forecast"): when a storage target fills up, from its
 * stored capacity history. An ordinary least-squares line of used bytes over time, fitted to the samples
 * of the last `windowDays`, extended until it meets the latest known capacity. Pure: the caller reads the
 * samples from the history store and passes the time to forecast from.
 */
import type { StorageTargetSample } from '../store/history-store.js';

const DAY_MS = 86_400_000;

/** One capacity reading: what the forecast fits. */
export interface CapacitySample {
  /** When it was read (epoch ms). */
  at: number;
  usedBytes: number;
  totalBytes: number;
}

export interface ForecastOptions {
  /** Samples older than this before `now` are left out. @default 30 */
  windowDays: number;
  /** Fewer samples in the window answer TOO_LITTLE_HISTORY. @default 5 */
  minSamples: number;
  /** Samples spanning less time than this answer TOO_LITTLE_HISTORY, hours. @default 24 */
  minSpanHours: number;
  /** A line that meets the capacity later than this after `now` answers NOT_GROWING, days. @default 1825 (5 years) */
  horizonDays: number;
}

export const DEFAULT_FORECAST_OPTIONS: Readonly<ForecastOptions> = Object.freeze({ windowDays: 30, minSamples: 5, minSpanHours: 24, horizonDays: 1825 });

/** The fitted line's quality: shared by every answer that has a line. */
interface Fit {
  /** Growth of used bytes per day (the line's slope). */
  slopeBytesPerDay: number;
  /** Coefficient of determination of the line, 0..1 (1 when every sample lies on it, also a flat series). */
  rSquared: number;
  /** Samples the line was fitted to. */
  samples: number;
}

export type CapacityForecast =
  | (Fit & {
      kind: 'FULL_IN';
      /** Days from `now` until the line meets the capacity; 0 when it already has. */
      daysUntilFull: number;
      /** When the line meets the capacity (epoch ms); never before `now`. */
      fullAt: number;
      /** The capacity the line is extended to: the newest sample's total. */
      capacityBytes: number;
    })
  | (Fit & { kind: 'NOT_GROWING' })
  | { kind: 'TOO_LITTLE_HISTORY'; samples: number };

/**
 * The forecast at `now` from `samples` (any order; samples after `now`, outside the window or not finite
 * are left out).
 *
 * - TOO_LITTLE_HISTORY: fewer than `minSamples` samples, or they span less than `minSpanHours`.
 * - NOT_GROWING: the slope is 0 or negative, or the line meets the capacity more than `horizonDays` after
 *   `now` (a month of history says nothing about five years on).
 * - FULL_IN otherwise.
 */
export function forecastCapacity(samples: readonly CapacitySample[], now: number, options: ForecastOptions = DEFAULT_FORECAST_OPTIONS): CapacityForecast {
  const since = now - options.windowDays * DAY_MS;
  const used = samples
    .filter((s) => s.at >= since && s.at <= now && Number.isFinite(s.at) && Number.isFinite(s.usedBytes) && Number.isFinite(s.totalBytes))
    .sort((a, b) => a.at - b.at);
  const n = used.length;
  const spanMs = n === 0 ? 0 : used[n - 1]!.at - used[0]!.at;
  // A span of 0 has no line through it, whatever minSpanHours allows.
  if (n < options.minSamples || spanMs === 0 || spanMs < options.minSpanHours * 3_600_000) return { kind: 'TOO_LITTLE_HISTORY', samples: n };

  const line = leastSquares(used.map((s) => ({ x: (s.at - now) / DAY_MS, y: s.usedBytes })));
  const fit: Fit = { slopeBytesPerDay: line.slope, rSquared: line.rSquared, samples: n };
  if (line.slope <= 0) return { kind: 'NOT_GROWING', ...fit };

  // x is days after `now`, so the line meets the capacity at x = (capacity - intercept) / slope.
  const capacityBytes = used[n - 1]!.totalBytes;
  const daysUntilFull = Math.max(0, (capacityBytes - line.intercept) / line.slope);
  if (daysUntilFull > options.horizonDays) return { kind: 'NOT_GROWING', ...fit };
  return { kind: 'FULL_IN', ...fit, daysUntilFull, fullAt: now + daysUntilFull * DAY_MS, capacityBytes };
}

/** The stored rows a forecast can use: those with both a total and a free figure. */
export function capacitySamplesOf(rows: readonly StorageTargetSample[]): CapacitySample[] {
  return rows.flatMap((r) => (r.totalBytes === null || r.freeBytes === null ? [] : [{ at: r.at, usedBytes: r.totalBytes - r.freeBytes, totalBytes: r.totalBytes }]));
}

/**
 * Ordinary least squares y = intercept + slope·x. Centred sums: x and y are subtracted from their means
 * before squaring, so large values (bytes in the terabytes) lose no precision to cancellation.
 * `points` must hold two or more distinct x.
 */
export function leastSquares(points: ReadonlyArray<{ x: number; y: number }>): { slope: number; intercept: number; rSquared: number } {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    const dx = p.x - meanX;
    const dy = p.y - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  // R² = explained / total variation; a flat series has none to explain and lies on its line exactly.
  const rSquared = syy === 0 ? 1 : Math.min(1, (sxy * sxy) / (sxx * syy));
  return { slope, intercept: meanY - slope * meanX, rSquared };
}
