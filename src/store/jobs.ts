import { sql } from 'kysely';
import type { EventRecord, JobDayRecord, JobOutcomeRecord } from './history-store.js';
import type { JobOutcomeTable } from './database.js';
import { DAY_MS, fromFlag, inChunks, num, numOrNull, toFlag, toInt, type StoreDb } from './store-db.js';

/** Job outcomes (kept past the upstream's own ageing) and upstream events. */



export async function upsertJobOutcomes(db: StoreDb, rows: readonly JobOutcomeRecord[]): Promise<void> {
  await inChunks(db, rows, (tx, chunk) =>
    tx
      .insertInto('job_outcomes')
      .values(chunk.map(jobRow))
      .onConflict((oc) =>
        oc.columns(['upstream_id', 'job_id']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          job_type: eb.ref('excluded.job_type'),
          workload_id: eb.ref('excluded.workload_id'),
          workload_name: eb.ref('excluded.workload_name'),
          started_at: eb.ref('excluded.started_at'),
          ended_at: eb.ref('excluded.ended_at'),
          occurred_at: eb.ref('excluded.occurred_at'),
          bytes: eb.ref('excluded.bytes'),
          duration_seconds: eb.ref('excluded.duration_seconds'),
          demo: eb.ref('excluded.demo'),
        })),
      )
      .execute(),
  );
}

/**
 * A job counts on the UTC day it started (ended, when the upstream gave no start). The day is computed
 * in SQL with integer arithmetic both databases share (`at - at % 86400000`), grouped there, and the
 * per-status counts folded here.
 */
export async function jobHistoryByDay(db: StoreDb, q: { upstreamIds?: string[]; since: number; until: number }): Promise<JobDayRecord[]> {
  if (q.upstreamIds?.length === 0) return [];
  const dayStart = sql<number>`occurred_at - (occurred_at % ${sql.lit(DAY_MS)})`;
  let query = db
    .selectFrom('job_outcomes')
    .select([
      'upstream_id',
      'status',
      dayStart.as('day_start'),
      (eb) => eb.fn.countAll().as('jobs'),
      (eb) => eb.fn.sum<number>('bytes').as('bytes'),
      (eb) => eb.fn.sum<number>('duration_seconds').as('duration_sum'),
      (eb) => eb.fn.count<number>('duration_seconds').as('duration_count'),
    ])
    .where('occurred_at', '>=', q.since)
    .where('occurred_at', '<', q.until);
  if (q.upstreamIds) query = query.where('upstream_id', 'in', q.upstreamIds);
  const groups = await query.groupBy(['upstream_id', 'status', dayStart]).execute();

  const days = new Map<string, JobDayRecord & { durationSum: number; durationCount: number }>();
  for (const g of groups) {
    const day = new Date(num(g.day_start)).toISOString().slice(0, 10);
    const key = `${day}\u0000${g.upstream_id}`;
    let d = days.get(key);
    if (!d) {
      d = { day, upstreamId: g.upstream_id, counts: {}, total: 0, bytes: 0, averageDurationSeconds: null, jobsWithDuration: 0, durationSum: 0, durationCount: 0 };
      days.set(key, d);
    }
    d.counts[g.status] = (d.counts[g.status] ?? 0) + num(g.jobs);
    d.total += num(g.jobs);
    d.bytes += num(g.bytes);
    d.durationSum += num(g.duration_sum);
    d.durationCount += num(g.duration_count);
  }
  return [...days.values()]
    .map(({ durationSum, durationCount, ...d }) => ({ ...d, averageDurationSeconds: durationCount > 0 ? durationSum / durationCount : null, jobsWithDuration: durationCount }))
    .sort((a, b) => (a.day === b.day ? a.upstreamId.localeCompare(b.upstreamId) : a.day < b.day ? -1 : 1));
}

export async function jobOutcomes(
  db: StoreDb,
  q: { since: number; until: number; upstreamIds?: string[]; statuses?: string[] },
): Promise<JobOutcomeRecord[]> {
  if (q.upstreamIds?.length === 0 || q.statuses?.length === 0) return [];
  let query = db.selectFrom('job_outcomes').selectAll().where('occurred_at', '>=', q.since).where('occurred_at', '<', q.until);
  if (q.upstreamIds) query = query.where('upstream_id', 'in', q.upstreamIds);
  if (q.statuses) query = query.where('status', 'in', q.statuses);
  const rows = await query.orderBy('occurred_at').orderBy('upstream_id').orderBy('job_id').execute();
  return rows.map(jobRecord);
}

export async function upsertEvents(db: StoreDb, rows: readonly EventRecord[]): Promise<void> {
  await inChunks(db, rows, (tx, chunk) =>
    tx
      .insertInto('events')
      .values(
        chunk.map((e) => ({
          upstream_id: e.upstreamId,
          event_id: e.eventId,
          occurred_at: e.occurredAt,
          severity: e.severity,
          message: e.message,
          object_id: e.objectId,
          demo: toFlag(e.demo),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['upstream_id', 'event_id']).doUpdateSet((eb) => ({
          occurred_at: eb.ref('excluded.occurred_at'),
          severity: eb.ref('excluded.severity'),
          message: eb.ref('excluded.message'),
          object_id: eb.ref('excluded.object_id'),
          demo: eb.ref('excluded.demo'),
        })),
      )
      .execute(),
  );
}

function jobRow(j: JobOutcomeRecord): JobOutcomeTable {
  return {
    upstream_id: j.upstreamId,
    job_id: j.jobId,
    status: j.status,
    job_type: j.jobType,
    workload_id: j.workloadId,
    workload_name: j.workloadName,
    started_at: j.startedAt,
    ended_at: j.endedAt,
    occurred_at: j.startedAt ?? j.endedAt ?? 0,
    bytes: toInt(j.bytes),
    duration_seconds: j.durationSeconds,
    demo: toFlag(j.demo),
  };
}

function jobRecord(r: JobOutcomeTable): JobOutcomeRecord {
  return {
    upstreamId: r.upstream_id,
    jobId: r.job_id,
    status: r.status,
    jobType: r.job_type,
    workloadId: r.workload_id,
    workloadName: r.workload_name,
    startedAt: numOrNull(r.started_at),
    endedAt: numOrNull(r.ended_at),
    bytes: numOrNull(r.bytes),
    durationSeconds: numOrNull(r.duration_seconds),
    demo: fromFlag(r.demo) === true,
  };
}
