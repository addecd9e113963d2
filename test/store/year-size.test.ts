import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { retentionPolicy } from '../../src/store/retention-policy.js';
import type { DdbSample, JobOutcomeRecord, StorageTargetSample } from '../../src/store/history-store.js';
import { embeddedDatabases, type TestStoreDatabase } from '../helpers/history-store-factory.js';

/**
 * A simulated year of collections over an estate at least the demo's size, through the store with the
 * default retention applied once a day, on a fake clock: the embedded store stays within the bound
 * docs/history.md states ("How big the store gets").
 */
const MIN = 60_000;
const DAY = 86_400_000;
const ESTATE = { upstreams: 5, targets: 24, ddbStores: 4, jobsPerUpstreamPerDay: 40 };
/** The bound docs/history.md states for this estate after a year. */
const BOUND_BYTES = 48 * 1024 * 1024;

describe('a year of collections', () => {
  let db: TestStoreDatabase;
  afterAll(async () => db?.drop());

  it(`keeps the embedded store under ${BOUND_BYTES / 1024 / 1024} MiB with the default retention`, { timeout: 600_000 }, async () => {
    db = await embeddedDatabases();
    const { store } = await db.open();
    const config = parseConfig({ upstreams: [{ id: 'cv', kind: 'commvault', url: 'http://127.0.0.1:1', username: 'u', password: 'p' }] }, {});
    const policy = retentionPolicy(config.store.retention);
    const start = Date.UTC(2025, 0, 1);
    const upstream = (i: number) => `up-${i % ESTATE.upstreams}`;
    let largest = 0;
    for (let day = 0; day < 365; day++) {
      const dayStart = start + day * DAY;
      const storage: StorageTargetSample[] = [];
      const ddb: DdbSample[] = [];
      for (let q = 0; q < 96; q++) {
        const at = dayStart + q * 15 * MIN;
        for (let t = 0; t < ESTATE.targets; t++) {
          storage.push({ upstreamId: upstream(t), targetId: `target-${t}`, at, resolution: 'raw', totalBytes: 1e14, freeBytes: 5e13 - day * 1e10 - q * 1e7, demo: false });
        }
        for (let s = 0; s < ESTATE.ddbStores; s++) {
          ddb.push({ upstreamId: upstream(s), storeId: `ddb-${s}`, at, resolution: 'raw', qiTimeMicros: 500 + q, freeBytes: 1e12, online: true, demo: false });
        }
      }
      const jobs: JobOutcomeRecord[] = [];
      for (let u = 0; u < ESTATE.upstreams; u++) {
        for (let j = 0; j < ESTATE.jobsPerUpstreamPerDay; j++) {
          const startedAt = dayStart + j * 30 * MIN;
          jobs.push({
            upstreamId: `up-${u}`,
            jobId: `job-${day}-${j}`,
            status: j % 10 === 0 ? 'FAILED' : 'COMPLETED',
            jobType: 'BACKUP',
            workloadId: `workload-${j % 20}`,
            workloadName: `workload ${j % 20}`,
            startedAt,
            endedAt: startedAt + 20 * MIN,
            bytes: 1e10,
            durationSeconds: 1200,
            demo: false,
          });
        }
      }
      await store.upsertStorageSamples(storage);
      await store.upsertDdbSamples(ddb);
      await store.upsertJobOutcomes(jobs);
      for (let h = 0; h < 24; h++) await store.upsertHealthReport({ at: dayStart + h * 3_600_000, status: 'OK', checks: [{ upstreamId: 'up-0', area: 'CAPACITY', status: 'OK', figure: 50, message: 'fine' }], demo: false });
      await store.applyRetention(dayStart + DAY, policy);
      largest = Math.max(largest, await store.sizeBytes());
    }
    // What a year leaves: raw readings of the last 30 days, one daily row per day before.
    const recent = await store.storageHistory({ upstreamId: 'up-0', targetId: 'target-0', since: start, until: start + 365 * DAY });
    expect(recent.filter((r) => r.resolution === 'raw').length).toBeLessThanOrEqual((config.store.retention.rawDays + 1) * 96);
    expect(recent.filter((r) => r.resolution === 'daily').length).toBeGreaterThan(300);
    expect(largest).toBeLessThan(BOUND_BYTES);
  });
});
