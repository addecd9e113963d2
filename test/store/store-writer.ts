/**
 * A collector stand-in for the durability test: opens the history store named by STORE_LOCATION (JSON
 * StoreLocation) and writes one job outcome and one capacity reading per step, forever, printing each
 * step's number once its write has committed. The test SIGKILLs it mid-loop.
 */
import { openHistoryStore, type StoreLocation } from '../../src/store/open-store.js';

const location = JSON.parse(process.env.STORE_LOCATION ?? 'null') as StoreLocation;
const first = Number(process.env.FIRST_STEP ?? 0);
const { store } = await openHistoryStore(location);
process.stdout.write('ready\n');
for (let i = first; ; i++) {
  await store.upsertJobOutcomes([
    { upstreamId: 'cv1', jobId: `job-${i}`, status: 'SUCCEEDED', jobType: 'BACKUP', workloadId: null, workloadName: null, startedAt: 1_000 + i, endedAt: null, bytes: i, durationSeconds: 1, demo: false },
  ]);
  await store.upsertStorageSamples([{ upstreamId: 'cv1', targetId: 'pool-a', at: 1_000 + i, resolution: 'raw', totalBytes: 1_000_000, freeBytes: i, demo: false }]);
  process.stdout.write(`${i}\n`);
}
