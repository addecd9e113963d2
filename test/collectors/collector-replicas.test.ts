import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, providePostgres } from '../helpers/postgres.js';
import { FAST_COLLECTORS, startGatewayProcess, type GatewayProcess } from './collector-process.js';

const postgres = await providePostgres();
// Intervals of 3 s: long enough that a loaded machine's slow tick does not blur "within one interval".
const INTERVAL_MS = 3_000;
const COLLECTORS = { ...FAST_COLLECTORS, intervalsMs: { capacity: INTERVAL_MS, ddb: INTERVAL_MS, jobs: INTERVAL_MS, events: INTERVAL_MS, healthReport: INTERVAL_MS, retention: 60_000 } };

interface Run {
  holder: string;
  startedAt: number;
}

async function capacityRuns(url: string): Promise<Run[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ holder: string; started_at: string }>("select holder, started_at from collector_runs where collector = 'capacity' order by started_at");
    return rows.map((r) => ({ holder: r.holder, startedAt: Number(r.started_at) }));
  } finally {
    await client.end();
  }
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read().catch(() => undefined);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!postgres.available)('collectors with two replicas on PostgreSQL', () => {
  const replicas: GatewayProcess[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((r) => r.kill()));
    await drop?.();
    drop = undefined;
  });

  it('collects each interval on exactly one replica, and the survivor takes over within an interval of the leader being killed', { timeout: 180_000 }, async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const overrides = { store: { url: db.url }, collectors: COLLECTORS };
    const a = await startGatewayProcess(overrides, { BACKUP_GRAPH_COLLECTOR_HOLDER: 'replica-a' });
    replicas.push(a);
    await until('replica-a collecting', () => capacityRuns(db.url), (runs) => runs.length > 0);
    const b = await startGatewayProcess(overrides, { BACKUP_GRAPH_COLLECTOR_HOLDER: 'replica-b' });
    replicas.push(b);
    // Both replicas up for several intervals.
    const bothUp = Date.now();
    await until('four intervals with both replicas up', () => capacityRuns(db.url), (runs) => runs.filter((r) => r.startedAt > bothUp).length >= 4 * 5);

    const runs = await capacityRuns(db.url);
    const leader = runs.at(-1)!.holder;
    const survivor = leader === 'replica-a' ? 'replica-b' : 'replica-a';
    const killedAt = Date.now();
    await (leader === 'replica-a' ? a : b).kill();
    const after = await until('the survivor collecting twice', () => capacityRuns(db.url), (rs) => new Set(rs.filter((r) => r.holder === survivor && r.startedAt >= killedAt).map((r) => Math.floor(r.startedAt / INTERVAL_MS))).size >= 2);

    // Exactly one holder per interval, before and after the kill.
    const holdersByInterval = new Map<number, Set<string>>();
    for (const r of after) {
      const bucket = Math.floor(r.startedAt / INTERVAL_MS);
      holdersByInterval.set(bucket, (holdersByInterval.get(bucket) ?? new Set()).add(r.holder));
    }
    for (const [bucket, holders] of holdersByInterval) expect({ bucket, holders: [...holders] }).toEqual({ bucket, holders: [expect.any(String)] });
    // Before the kill only the leader collected; after it, the survivor's first run starts within one interval
    // of the interval the kill fell in (the PostgreSQL advisory lock ends with the dead process's connection).
    expect(new Set(runs.filter((r) => r.startedAt > bothUp).map((r) => r.holder))).toEqual(new Set([leader]));
    const firstBySurvivor = after.find((r) => r.holder === survivor && r.startedAt >= killedAt)!;
    expect(Math.floor(firstBySurvivor.startedAt / INTERVAL_MS)).toBeLessThanOrEqual(Math.floor(killedAt / INTERVAL_MS) + 1);
  });
});
