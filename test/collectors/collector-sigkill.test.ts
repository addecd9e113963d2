import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STORE_RETENTION_DAYS } from '../../src/config/schema.js';
import { FAST_COLLECTORS, startGatewayProcess, type GatewayProcess } from './collector-process.js';

const DAY_MS = 86_400_000;

/** Natural keys of every row the collectors write, read straight from the file (a second reader: WAL). */
function keysIn(dir: string): { samples: string[]; jobs: string[]; events: string[]; openAlerts: string[]; holders: string[] } {
  const db = new Database(join(dir, 'history.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const col = (sql: string) => (db.prepare(sql).pluck().all() as string[]).map(String);
    return {
      samples: col("select upstream_id || '|' || target_id || '|' || resolution || '|' || at from storage_samples"),
      jobs: col("select upstream_id || '|' || job_id from job_outcomes"),
      events: col("select upstream_id || '|' || event_id from events"),
      openAlerts: col('select fingerprint from alerts where resolved_at is null'),
      holders: col('select distinct holder from collector_runs'),
    };
  } finally {
    db.close();
  }
}

async function until<T>(what: string, read: () => T, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const v = read();
      if (ok(v)) return v;
    } catch {
      // the file or its tables may not exist yet
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('collectors survive a SIGKILL of the gateway (embedded store)', () => {
  let dir: string | undefined;
  let gateway: GatewayProcess | undefined;
  afterEach(async () => {
    await gateway?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
    gateway = undefined;
    dir = undefined;
  });

  it('keeps every row committed before the kill and duplicates none after a restart on the same folder', { timeout: 180_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'collect-sigkill-'));
    const overrides = { store: { dir }, collectors: FAST_COLLECTORS };
    gateway = await startGatewayProcess(overrides, { BACKUP_GRAPH_COLLECTOR_HOLDER: 'first' });
    const storeDir = dir;
    // Several collections in, while passes keep running every second: the kill lands during one.
    const before = await until('three capacity buckets, some jobs and an open alert', () => keysIn(storeDir), (k) => new Set(k.samples.map((s) => s.split('|')[3])).size >= 3 && k.jobs.length > 0 && k.openAlerts.length > 0);
    await gateway.kill();

    gateway = await startGatewayProcess(overrides, { BACKUP_GRAPH_COLLECTOR_HOLDER: 'second' });
    // The embedded lease of the killed holder ends after its ttl; then the restarted gateway collects.
    const after = await until('the restarted gateway collecting twice', () => keysIn(storeDir), (k) => k.holders.includes('second') && new Set(k.samples.map((s) => s.split('|')[3])).size >= new Set(before.samples.map((s) => s.split('|')[3])).size + 2);
    await gateway.stop();
    gateway = undefined;
    const final = keysIn(storeDir);

    // Nothing committed is lost. A raw capacity reading may have aged past the raw retention while the
    // test ran (the demo seeds hourly readings up to 30 days back, the oldest an hour inside it, so an
    // hour boundary puts it outside); retention then rolls it into its day's daily row: kept, not lost.
    const rawCutoff = Date.now() - DEFAULT_STORE_RETENTION_DAYS.raw * DAY_MS;
    for (const key of before.samples) {
      if (final.samples.includes(key)) continue;
      const [upstream, target, resolution, at] = key.split('|') as [string, string, string, string];
      expect({ key, resolution, agedOut: Number(at) < rawCutoff }).toEqual({ key, resolution: 'raw', agedOut: true });
      expect(final.samples).toContain(`${upstream}|${target}|daily|${Number(at) - (Number(at) % DAY_MS)}`);
    }
    for (const key of before.jobs) expect(final.jobs).toContain(key);
    for (const key of before.events) expect(final.events).toContain(key);
    // Nothing is duplicated: each natural key once, each condition one open alert however many collections saw it.
    for (const keys of [final.samples, final.jobs, final.events, final.openAlerts]) expect(new Set(keys).size).toBe(keys.length);
    // The simulators' estate raised alerts, and the restart re-raised none of those still open.
    expect(before.openAlerts.length).toBeGreaterThan(0);
    expect(after.holders).toEqual(expect.arrayContaining(['first', 'second']));
  });
});
