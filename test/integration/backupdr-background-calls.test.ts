import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import type { BackupDrSource } from '../../src/datasources/backupdr/backupdr-source.js';
import { consoleSource } from '../helpers/console-source.js';

const BDR = 'bdr-bg';
const IDLE_MS = 60_000;

/**
 * A console session idles out after IDLE_MS of its clock unless a call refreshes it; background calls
 * send `Actifio-No-Session-Refresh: true` (docs/upstreams/backupdr.md §2.4), so only what a caller asked for keeps it alive.
 */
describe('background console calls', () => {
  const clock = { t: Date.now() };
  let sim: BackupDrSimulator;
  let source: BackupDrSource;
  let close: () => Promise<void>;
  let jobId: string;

  beforeAll(async () => {
    sim = await startBackupDrSimulator({ sessionIdleTimeoutMs: IDLE_MS, now: () => clock.t });
    jobId = sim.data.jobs[0]!.id;
  });
  afterAll(async () => {
    await sim?.close();
  });
  beforeEach(() => {
    sim.reset();
    ({ source, close } = consoleSource({ id: BDR, url: sim.url, bearerToken: 'admin-token' }));
  });

  it('a background call does not extend the session: a later call finds it expired and logs in again', async () => {
    await source.list('cluster', {});
    clock.t += 0.6 * IDLE_MS;
    expect(await source.getById('job', jobId, { fresh: true, background: true })).not.toBeNull();
    clock.t += 0.6 * IDLE_MS;
    await source.list('cluster', { offset: 1 });
    expect(sim.calls('POST /session')).toBe(2);
    await close();
  });

  it('a call someone waits on extends the session, so the same sequence needs one login', async () => {
    await source.list('cluster', {});
    clock.t += 0.6 * IDLE_MS;
    expect(await source.getById('job', jobId, { fresh: true })).not.toBeNull();
    clock.t += 0.6 * IDLE_MS;
    await source.list('cluster', { offset: 1 });
    expect(sim.calls('POST /session')).toBe(1);
    await close();
  });
});
