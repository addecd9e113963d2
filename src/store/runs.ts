import type { CollectorRunRecord } from './history-store.js';
import { fromFlag, toFlag, type StoreDb } from './store-db.js';

/** The collector passes, kept so "exactly one replica collected in each interval" can be checked. */

export async function recordCollectorRun(db: StoreDb, run: CollectorRunRecord): Promise<void> {
  await db
    .insertInto('collector_runs')
    .values({
      collector: run.collector,
      upstream_id: run.upstreamId,
      holder: run.holder,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      ok: toFlag(run.ok),
      upstream_calls: run.upstreamCalls,
      error: run.error,
    })
    .onConflict((oc) =>
      oc.columns(['collector', 'upstream_id', 'started_at', 'holder']).doUpdateSet((eb) => ({
        finished_at: eb.ref('excluded.finished_at'),
        ok: eb.ref('excluded.ok'),
        upstream_calls: eb.ref('excluded.upstream_calls'),
        error: eb.ref('excluded.error'),
      })),
    )
    .execute();
}

export async function collectorRuns(db: StoreDb, q: { since: number; collector?: string }): Promise<CollectorRunRecord[]> {
  let query = db.selectFrom('collector_runs').selectAll().where('started_at', '>=', q.since);
  if (q.collector !== undefined) query = query.where('collector', '=', q.collector);
  const rows = await query.orderBy('started_at').orderBy('collector').orderBy('upstream_id').orderBy('holder').execute();
  return rows.map((r) => ({
    collector: r.collector,
    upstreamId: r.upstream_id,
    holder: r.holder,
    startedAt: Number(r.started_at),
    finishedAt: Number(r.finished_at),
    ok: fromFlag(r.ok) === true,
    upstreamCalls: Number(r.upstream_calls),
    error: r.error,
  }));
}
