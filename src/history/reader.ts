/**
 * What the graph reads from the history store (docs/history.md "Reading the history"), as plain domain
 * objects the schema's classes describe. Knows the store, not GraphQL: the resolvers pass the caller's
 * visible upstreams and the time, and map upstream ids to their references.
 */
import { JobStatus, Severity } from '../datasources/domain.js';
import { capacitySamplesOf, forecastCapacity, type CapacityForecast, type ForecastOptions } from '../monitoring/forecast.js';
import type { AlertFilter, AlertRecord, DdbSample, HealthReportRecord, HistoryStore, JobDayRecord, StorageTargetSample } from '../store/history-store.js';
import { lastPerBucket, type HistoryStep } from './buckets.js';

const DAY_MS = 86_400_000;

export interface CapacityPoint {
  at: Date;
  capacityBytes: number | null;
  freeBytes: number | null;
  usedBytes: number | null;
  demo: boolean;
}

export interface DdbPoint {
  at: Date;
  avgQiMicros: number | null;
  freeBytes: number | null;
  online: boolean | null;
  demo: boolean;
}

export interface JobDay {
  day: string;
  total: number;
  byStatus: Array<{ status: JobStatus; count: number }>;
  bytes: number;
  averageDurationSeconds: number | null;
}

export interface JobHistoryData {
  days: JobDay[];
  upstreams: Array<{ upstreamId: string; days: JobDay[] }>;
}

export interface ForecastAnswer {
  storageTargetId: string;
  kind: CapacityForecast['kind'];
  daysUntilFull: number | null;
  fullAt: Date | null;
  slopeBytesPerDay: number | null;
  rSquared: number | null;
  samples: number;
  capacityBytes: number | null;
}

type Window = { since: number; until: number };

export async function storageTargetHistory(store: HistoryStore, target: { upstreamId: string; targetId: string }, window: Window, step: HistoryStep): Promise<CapacityPoint[]> {
  const rows = await store.storageHistory({ ...target, ...window });
  return lastPerBucket(rows, step).map(capacityPoint);
}

export async function ddbStoreHistory(store: HistoryStore, ddb: { upstreamId: string; storeId: string }, window: Window, step: HistoryStep): Promise<DdbPoint[]> {
  const rows = await store.ddbHistory({ ...ddb, ...window });
  return lastPerBucket(rows, step).map(ddbPoint);
}

/** The forecast at `now` over the stored samples of the window the options name. */
export async function targetForecast(store: HistoryStore, target: { upstreamId: string; targetId: string }, now: number, options: ForecastOptions): Promise<ForecastAnswer> {
  const rows = await store.storageHistory({ ...target, since: now - options.windowDays * DAY_MS, until: now + 1 });
  const f = forecastCapacity(capacitySamplesOf(rows), now, options);
  const base = { storageTargetId: target.targetId, kind: f.kind, samples: f.samples, daysUntilFull: null, fullAt: null, slopeBytesPerDay: null, rSquared: null, capacityBytes: null };
  if (f.kind === 'TOO_LITTLE_HISTORY') return base;
  if (f.kind === 'NOT_GROWING') return { ...base, slopeBytesPerDay: f.slopeBytesPerDay, rSquared: f.rSquared };
  return { ...base, slopeBytesPerDay: f.slopeBytesPerDay, rSquared: f.rSquared, daysUntilFull: f.daysUntilFull, fullAt: new Date(f.fullAt), capacityBytes: f.capacityBytes };
}

/** Per day over all `upstreamIds` together, and per upstream in the order given. */
export async function jobHistory(store: HistoryStore, upstreamIds: readonly string[], window: Window): Promise<JobHistoryData> {
  const rows = await store.jobHistoryByDay({ upstreamIds: [...upstreamIds], ...window });
  const byDay = new Map<string, JobDayRecord[]>();
  for (const r of rows) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  return {
    days: [...byDay.keys()].sort().map((day) => jobDay(day, byDay.get(day)!)),
    upstreams: upstreamIds.map((upstreamId) => ({
      upstreamId,
      days: rows.filter((r) => r.upstreamId === upstreamId).map((r) => jobDay(r.day, [r])),
    })),
  };
}

/** Stored reports of `[since, until)`, oldest first. */
export async function healthReports(store: HistoryStore, window: Window): Promise<HealthReportRecord[]> {
  return store.healthReports(window);
}

export interface AlertQuery {
  /** The caller's visible upstreams, narrowed by the filter: never empty here. */
  upstreamIds: string[];
  state?: AlertFilter['state'];
  severity?: string[];
  since?: number;
}

export async function listAlerts(store: HistoryStore, q: AlertQuery, page: { offset: number; limit: number }): Promise<{ rows: AlertRecord[]; total: number }> {
  const filter: AlertFilter = { upstreamId: q.upstreamIds };
  if (q.state?.length) filter.state = q.state;
  if (q.severity?.length) filter.severity = q.severity;
  if (q.since !== undefined) filter.since = q.since;
  return store.listAlerts(filter, page);
}

/** An alert's state as the graph names it. */
export function alertState(a: AlertRecord): 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' {
  if (a.resolvedAt !== null) return 'RESOLVED';
  return a.acknowledgedAt !== null ? 'ACKNOWLEDGED' : 'OPEN';
}

/** A stored severity name as the graph's enum; anything else (a newer rule's) reads as WARNING, never OK. */
export function severityOf(name: string): Severity {
  return name === Severity.CRITICAL ? Severity.CRITICAL : name === Severity.OK ? Severity.OK : Severity.WARNING;
}

function jobDay(day: string, rows: readonly JobDayRecord[]): JobDay {
  const counts = new Map<JobStatus, number>();
  let total = 0;
  let bytes = 0;
  let durationSum = 0;
  let withDuration = 0;
  for (const r of rows) {
    total += r.total;
    bytes += r.bytes;
    if (r.averageDurationSeconds !== null) {
      durationSum += r.averageDurationSeconds * r.jobsWithDuration;
      withDuration += r.jobsWithDuration;
    }
    for (const [name, count] of Object.entries(r.counts)) {
      const status = jobStatusOf(name);
      counts.set(status, (counts.get(status) ?? 0) + count);
    }
  }
  const byStatus = [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || a.status.localeCompare(b.status));
  return { day, total, byStatus, bytes, averageDurationSeconds: withDuration > 0 ? durationSum / withDuration : null };
}

/** A stored status name; one this gateway does not know (an older or newer writer's) counts as OTHER. */
function jobStatusOf(name: string): JobStatus {
  return (Object.values(JobStatus) as string[]).includes(name) ? (name as JobStatus) : JobStatus.OTHER;
}

function capacityPoint(r: StorageTargetSample): CapacityPoint {
  const used = r.totalBytes !== null && r.freeBytes !== null ? r.totalBytes - r.freeBytes : null;
  return { at: new Date(r.at), capacityBytes: r.totalBytes, freeBytes: r.freeBytes, usedBytes: used, demo: r.demo };
}

function ddbPoint(r: DdbSample): DdbPoint {
  return { at: new Date(r.at), avgQiMicros: r.qiTimeMicros, freeBytes: r.freeBytes, online: r.online, demo: r.demo };
}
