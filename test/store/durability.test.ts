import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../../src/store/open-store.js';
import { embeddedDatabases, postgresDatabases, type TestStoreDatabase, type TestStoreDatabases } from '../helpers/history-store-factory.js';
import { providePostgres } from '../helpers/postgres.js';

const postgres = await providePostgres();
const WRITER = new URL('./store-writer.ts', import.meta.url).pathname;

/**
 * Runs the writer until it has reported `steps` committed steps, then SIGKILLs it. Answers every step it
 * reported (a step is printed only after its writes returned, i.e. committed).
 */
function writeThenKill(location: StoreLocation, firstStep: number, steps: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
      env: { ...process.env, STORE_LOCATION: JSON.stringify(location), FIRST_STEP: String(firstStep) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: number[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (/^\d+$/.test(line)) reported.push(Number(line));
      if (reported.length >= steps && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`writer exited ${code}: ${stderr}`));
    });
  });
}

function describeDurability(name: string, databases: TestStoreDatabases, skip = false): void {
  describe.skipIf(skip)(`history store durability: ${name}`, () => {
    let db: TestStoreDatabase | undefined;
    afterEach(async () => {
      await db?.drop();
      db = undefined;
    });

    it('keeps every write a SIGKILLed writer reported committed, and a restarted writer duplicates none', { timeout: 60_000 }, async () => {
      db = await databases();
      const firstRun = await writeThenKill(db.location, 0, 40);
      // The restart writes the same natural keys again from a step the first run had reached, as a
      // restarted collector re-reads what it collected before.
      const restartFrom = firstRun[firstRun.length - 10]!;
      const secondRun = await writeThenKill(db.location, restartFrom, 30);

      const { store } = await db.open();
      const jobs = await store.jobOutcomes({ since: 0, until: Number.MAX_SAFE_INTEGER });
      const jobIds = jobs.map((j) => j.jobId);
      expect(new Set(jobIds).size).toBe(jobIds.length);
      for (const i of [...firstRun, ...secondRun]) expect(jobIds).toContain(`job-${i}`);
      const samples = await store.storageHistory({ upstreamId: 'cv1', targetId: 'pool-a', since: 0, until: Number.MAX_SAFE_INTEGER });
      expect(new Set(samples.map((s) => s.at)).size).toBe(samples.length);
      for (const i of [...firstRun, ...secondRun]) expect(samples.find((s) => s.at === 1_000 + i)?.freeBytes).toBe(i);
      // At most the one step in flight when each writer died went beyond what it reported.
      const highest = Math.max(...secondRun);
      expect(jobs.length).toBeGreaterThanOrEqual(highest + 1);
      expect(jobs.length).toBeLessThanOrEqual(highest + 2);
    });
  });
}

describeDurability('embedded (SQLite file)', embeddedDatabases);
describeDurability('PostgreSQL', postgresDatabases, !postgres.available);
