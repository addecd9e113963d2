import type { DdbSample, HealthReportRecord, StorageTargetSample } from './history-store.js';
import type { DdbSampleTable, StorageSampleTable } from './database.js';
import { fromFlag, inChunks, toFlag, toInt, type StoreDb } from './store-db.js';

/** Capacity and DDB readings and the hourly health reports: the store's time series. */

export async function upsertStorageSamples(db: StoreDb, rows: readonly StorageTargetSample[]): Promise<void> {
  await inChunks(db, rows, (tx, chunk) =>
    tx
      .insertInto('storage_samples')
      .values(chunk.map(storageRow))
      .onConflict((oc) =>
        oc.columns(['upstream_id', 'target_id', 'resolution', 'at']).doUpdateSet((eb) => ({
          total_bytes: eb.ref('excluded.total_bytes'),
          free_bytes: eb.ref('excluded.free_bytes'),
          demo: eb.ref('excluded.demo'),
        })),
      )
      .execute(),
  );
}

export async function storageHistory(
  db: StoreDb,
  q: { upstreamId: string; targetId: string; since: number; until: number },
): Promise<StorageTargetSample[]> {
  const rows = await db
    .selectFrom('storage_samples')
    .selectAll()
    .where('upstream_id', '=', q.upstreamId)
    .where('target_id', '=', q.targetId)
    .where('at', '>=', q.since)
    .where('at', '<', q.until)
    .orderBy('at')
    .orderBy('resolution', 'desc') // a raw and a daily row at the same instant: daily (the older summary) first
    .execute();
  return rows.map(storageRecord);
}

export async function upsertDdbSamples(db: StoreDb, rows: readonly DdbSample[]): Promise<void> {
  await inChunks(db, rows, (tx, chunk) =>
    tx
      .insertInto('ddb_samples')
      .values(chunk.map(ddbRow))
      .onConflict((oc) =>
        oc.columns(['upstream_id', 'store_id', 'resolution', 'at']).doUpdateSet((eb) => ({
          qi_time_micros: eb.ref('excluded.qi_time_micros'),
          free_bytes: eb.ref('excluded.free_bytes'),
          online: eb.ref('excluded.online'),
          demo: eb.ref('excluded.demo'),
        })),
      )
      .execute(),
  );
}

export async function ddbHistory(db: StoreDb, q: { upstreamId: string; storeId: string; since: number; until: number }): Promise<DdbSample[]> {
  const rows = await db
    .selectFrom('ddb_samples')
    .selectAll()
    .where('upstream_id', '=', q.upstreamId)
    .where('store_id', '=', q.storeId)
    .where('at', '>=', q.since)
    .where('at', '<', q.until)
    .orderBy('at')
    .orderBy('resolution', 'desc')
    .execute();
  return rows.map(ddbRecord);
}

export async function upsertHealthReport(db: StoreDb, r: HealthReportRecord): Promise<void> {
  await db
    .insertInto('health_reports')
    .values({ at: r.at, status: r.status, checks: JSON.stringify(r.checks ?? null), demo: toFlag(r.demo) })
    .onConflict((oc) =>
      oc.column('at').doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), checks: eb.ref('excluded.checks'), demo: eb.ref('excluded.demo') })),
    )
    .execute();
}

export async function healthReports(db: StoreDb, q: { since: number; until?: number }): Promise<HealthReportRecord[]> {
  let query = db.selectFrom('health_reports').selectAll().where('at', '>=', q.since);
  if (q.until !== undefined) query = query.where('at', '<', q.until);
  const rows = await query.orderBy('at').execute();
  return rows.map((r) => ({ at: Number(r.at), status: r.status, checks: JSON.parse(r.checks) as unknown, demo: fromFlag(r.demo) === true }));
}

function storageRow(s: StorageTargetSample): StorageSampleTable {
  return {
    upstream_id: s.upstreamId,
    target_id: s.targetId,
    resolution: s.resolution,
    at: s.at,
    total_bytes: toInt(s.totalBytes),
    free_bytes: toInt(s.freeBytes),
    demo: toFlag(s.demo),
  };
}

export function storageRecord(r: StorageSampleTable): StorageTargetSample {
  return {
    upstreamId: r.upstream_id,
    targetId: r.target_id,
    at: Number(r.at),
    resolution: r.resolution === 'daily' ? 'daily' : 'raw',
    totalBytes: r.total_bytes === null ? null : Number(r.total_bytes),
    freeBytes: r.free_bytes === null ? null : Number(r.free_bytes),
    demo: fromFlag(r.demo) === true,
  };
}

function ddbRow(s: DdbSample): DdbSampleTable {
  return {
    upstream_id: s.upstreamId,
    store_id: s.storeId,
    resolution: s.resolution,
    at: s.at,
    qi_time_micros: s.qiTimeMicros,
    free_bytes: toInt(s.freeBytes),
    online: s.online === null ? null : toFlag(s.online),
    demo: toFlag(s.demo),
  };
}

export function ddbRecord(r: DdbSampleTable): DdbSample {
  return {
    upstreamId: r.upstream_id,
    storeId: r.store_id,
    at: Number(r.at),
    resolution: r.resolution === 'daily' ? 'daily' : 'raw',
    qiTimeMicros: r.qi_time_micros === null ? null : Number(r.qi_time_micros),
    freeBytes: r.free_bytes === null ? null : Number(r.free_bytes),
    online: fromFlag(r.online),
    demo: fromFlag(r.demo) === true,
  };
}
