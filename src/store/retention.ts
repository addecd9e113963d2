import type { RetentionPolicy } from './history-store.js';
import { ddbRecord, storageRecord, upsertDdbSamples, upsertStorageSamples } from './samples.js';
import { DAY_MS } from './store-db.js';
import { num, type StoreDb } from './store-db.js';

/**
 * Keeps the store bounded (docs/history.md "Retention"). Raw capacity and DDB readings older than
 * `rawMs` become one `daily` row per (upstream, target, UTC day): the day's LAST reading, because a
 * capacity figure is a level, not a flow — the last reading is a real total/free pair the upstream
 * reported, where an average of totals and frees could describe a state that never existed. Rolling
 * is an upsert, so rolling a day in two passes (its early hours now, the rest tomorrow) ends with the
 * same row. Then every table drops what it keeps no longer. One transaction: a crash leaves either
 * the raw rows or their daily rows, never neither.
 */
export async function applyRetention(db: StoreDb, now: number, policy: RetentionPolicy): Promise<Record<string, number>> {
  return db.transaction().execute(async (tx) => {
    const rawCutoff = now - policy.rawMs;
    const counts: Record<string, number> = {};

    const rawStorage = await tx
      .selectFrom('storage_samples')
      .selectAll()
      .where('resolution', '=', 'raw')
      .where('at', '<', rawCutoff)
      .orderBy('at')
      .execute();
    const storageDays = lastPerDay(rawStorage.map(storageRecord), (s) => `${s.upstreamId}\u0000${s.targetId}`);
    await upsertStorageSamples(tx, storageDays.map((s) => ({ ...s, resolution: 'daily' as const })));
    counts.storageDailyRolledUp = storageDays.length;
    counts.storageRawDeleted = await deleted(tx.deleteFrom('storage_samples').where('resolution', '=', 'raw').where('at', '<', rawCutoff));

    const rawDdb = await tx.selectFrom('ddb_samples').selectAll().where('resolution', '=', 'raw').where('at', '<', rawCutoff).orderBy('at').execute();
    const ddbDays = lastPerDay(rawDdb.map(ddbRecord), (s) => `${s.upstreamId}\u0000${s.storeId}`);
    await upsertDdbSamples(tx, ddbDays.map((s) => ({ ...s, resolution: 'daily' as const })));
    counts.ddbDailyRolledUp = ddbDays.length;
    counts.ddbRawDeleted = await deleted(tx.deleteFrom('ddb_samples').where('resolution', '=', 'raw').where('at', '<', rawCutoff));

    const dailyCutoff = now - policy.dailyMs;
    counts.storageDailyDeleted = await deleted(tx.deleteFrom('storage_samples').where('resolution', '=', 'daily').where('at', '<', dailyCutoff));
    counts.ddbDailyDeleted = await deleted(tx.deleteFrom('ddb_samples').where('resolution', '=', 'daily').where('at', '<', dailyCutoff));
    counts.jobsDeleted = await deleted(tx.deleteFrom('job_outcomes').where('occurred_at', '<', now - policy.jobsMs));
    counts.eventsDeleted = await deleted(tx.deleteFrom('events').where('occurred_at', '<', now - policy.eventsMs));
    counts.healthReportsDeleted = await deleted(tx.deleteFrom('health_reports').where('at', '<', now - policy.healthReportsMs));
    // Open alerts stay whatever their age: only a resolved alert's age counts.
    counts.alertsDeleted = await deleted(tx.deleteFrom('alerts').where('resolved_at', 'is not', null).where('resolved_at', '<', now - policy.resolvedAlertsMs));
    counts.deliveriesDeleted = await deleted(tx.deleteFrom('deliveries').where('updated_at', '<', now - policy.deliveriesMs));
    // Daily reports and collector runs are records of the same kind as deliveries: kept as long.
    const reportCutoffDay = new Date(now - policy.deliveriesMs).toISOString().slice(0, 10);
    counts.dailyReportsDeleted = await deleted(tx.deleteFrom('daily_reports').where('day', '<', reportCutoffDay));
    counts.collectorRunsDeleted = await deleted(tx.deleteFrom('collector_runs').where('started_at', '<', now - policy.deliveriesMs));
    return counts;
  });
}

/** The last sample (input is oldest first) of each series per UTC day, stamped at the day's start. */
function lastPerDay<T extends { at: number }>(samples: readonly T[], series: (s: T) => string): T[] {
  const last = new Map<string, T>();
  for (const s of samples) {
    const dayStart = s.at - (s.at % DAY_MS);
    last.set(`${series(s)}\u0000${dayStart}`, { ...s, at: dayStart });
  }
  return [...last.values()];
}

async function deleted(query: { executeTakeFirst(): Promise<{ numDeletedRows: bigint }> }): Promise<number> {
  return num((await query.executeTakeFirst()).numDeletedRows);
}
