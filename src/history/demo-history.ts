/**
 * The demo's 30 simulated days (docs/history.md "Demo seeding"): pure and deterministic — the same estate
 * and time give the same rows. Capacity grows along a line with noise and ends exactly at today's
 * figures; DDB Q&I time drifts up to today's; each upstream runs a few dozen backups a day, most of them
 * successful; hourly health reports follow from them. Every row is marked `demo`.
 */
import { toGlobalId } from '../util/global-id.js';
import type { DdbSample, HealthReportRecord, JobOutcomeRecord, StorageTargetSample } from '../store/history-store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const DEMO_DAYS = 30;

/** What the demo estate holds now, as the graph answers it. */
export interface DemoEstate {
  upstreamIds: string[];
  targets: Array<{ upstreamId: string; targetId: string; totalBytes: number; freeBytes: number }>;
  ddbStores: Array<{ upstreamId: string; storeId: string; qiTimeMicros: number | null; freeBytes: number | null }>;
}

export interface DemoHistory {
  storage: StorageTargetSample[];
  ddb: DdbSample[];
  jobs: JobOutcomeRecord[];
  healthReports: HealthReportRecord[];
}

/** Hourly readings of the 30 days before `now` (the hour of `now` last), jobs and reports of the 30 days before today. */
export function demoHistory(estate: DemoEstate, now: number): DemoHistory {
  const lastHour = now - (now % HOUR);
  const hours = Array.from({ length: DEMO_DAYS * 24 }, (_, i) => lastHour - (DEMO_DAYS * 24 - 1 - i) * HOUR);
  const storage = estate.targets.flatMap((t) => {
    const rand = random(`${t.upstreamId}:${t.targetId}`);
    const usedNow = t.totalBytes - t.freeBytes;
    // 0.1 %..1.2 % of the capacity a day, never more than what is used now over the 30 days.
    const perDay = Math.min(t.totalBytes * (0.001 + 0.011 * rand()), usedNow / (DEMO_DAYS + 1));
    const noise = t.totalBytes * 0.002;
    return hours.map((at, i): StorageTargetSample => {
      const daysBefore = (lastHour - at) / DAY;
      const wobble = i === hours.length - 1 ? 0 : (rand() - 0.5) * 2 * noise;
      const used = clamp(usedNow - perDay * daysBefore + wobble, 0, t.totalBytes);
      return { upstreamId: t.upstreamId, targetId: t.targetId, at, resolution: 'raw', totalBytes: t.totalBytes, freeBytes: Math.round(t.totalBytes - used), demo: true };
    });
  });
  const ddb = estate.ddbStores.flatMap((s) => {
    const rand = random(`${s.upstreamId}:${s.storeId}`);
    return hours.map((at, i): DdbSample => {
      const progress = i / (hours.length - 1);
      const last = i === hours.length - 1;
      const qi = s.qiTimeMicros === null ? null : Math.round(last ? s.qiTimeMicros : s.qiTimeMicros * (0.75 + 0.25 * progress) * (0.95 + 0.1 * rand()));
      const free = s.freeBytes === null ? null : Math.round(last ? s.freeBytes : s.freeBytes * (1.1 - 0.1 * progress));
      return { upstreamId: s.upstreamId, storeId: s.storeId, at, resolution: 'raw', qiTimeMicros: qi, freeBytes: free, online: true, demo: true };
    });
  });
  const today = now - (now % DAY);
  const days = Array.from({ length: DEMO_DAYS }, (_, d) => today - (DEMO_DAYS - d) * DAY);
  const jobs = estate.upstreamIds.flatMap((upstreamId) => {
    const rand = random(`jobs:${upstreamId}`);
    return days.flatMap((day) => {
      const count = 20 + Math.floor(rand() * 20);
      return Array.from({ length: count }, (_, n): JobOutcomeRecord => {
        const roll = rand();
        const status = roll < 0.85 ? 'COMPLETED' : roll < 0.9 ? 'COMPLETED_WITH_ERRORS' : roll < 0.97 ? 'FAILED' : 'KILLED';
        const startedAt = day + Math.floor(rand() * 23 * HOUR);
        const durationSeconds = 120 + Math.floor(rand() * 3_600);
        return {
          upstreamId,
          jobId: toGlobalId('DemoJob', upstreamId, `${new Date(day).toISOString().slice(0, 10)}-${n}`),
          status,
          jobType: 'BACKUP',
          workloadId: null,
          workloadName: `demo-workload-${n % 12}`,
          startedAt,
          endedAt: startedAt + durationSeconds * 1000,
          bytes: status === 'FAILED' || status === 'KILLED' ? 0 : Math.floor(rand() * 50e9),
          durationSeconds,
          demo: true,
        };
      });
    });
  });
  const healthReports = hours.filter((at) => at < today).map((at): HealthReportRecord => {
    const since = at - DAY;
    const checks = estate.upstreamIds.map((upstreamId) => {
      const failed = jobs.filter((j) => j.upstreamId === upstreamId && (j.status === 'FAILED' || j.status === 'KILLED') && j.startedAt! >= since && j.startedAt! < at).length;
      return { upstreamId, area: 'FAILED_JOBS', status: failed > 0 ? 'WARNING' : 'OK', figure: failed, message: `${failed} jobs failed in the last 24 hours (demo)` };
    });
    return { at, status: checks.some((c) => c.status === 'WARNING') ? 'WARNING' : 'OK', checks, demo: true };
  });
  return { storage, ddb, jobs, healthReports };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** A small deterministic generator (mulberry32) seeded by a string. */
function random(seed: string): () => number {
  let a = 0;
  for (const ch of seed) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
