import { randomUUID } from 'node:crypto';
import type { AlertFilter, AlertRecord, NewAlert } from './history-store.js';
import type { AlertTable } from './database.js';
import { num, numOrNull, type StoreDb } from './store-db.js';

/**
 * Alerts: one row per firing. The partial unique index `alerts_open_fingerprint` (fingerprint where
 * resolved_at is null) makes "at most one open alert per fingerprint" the database's rule, so two
 * replicas raising the same condition at once insert one row and both read it back.
 */

export async function raiseAlert(db: StoreDb, a: NewAlert): Promise<{ alert: AlertRecord; created: boolean }> {
  // Another replica may resolve the open alert between our insert attempt and our read: then try again.
  for (let attempt = 0; ; attempt++) {
    const id = randomUUID();
    const inserted = await db
      .insertInto('alerts')
      .values({
        id,
        rule_id: a.ruleId,
        fingerprint: a.fingerprint,
        severity: a.severity,
        upstream_id: a.upstreamId,
        object_id: a.objectId,
        message: a.message,
        raised_at: a.raisedAt,
        last_seen_at: a.raisedAt,
        resolved_at: null,
        acknowledged_at: null,
        acknowledged_by: null,
        acknowledge_note: null,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    const open = await openAlertOf(db, a.fingerprint);
    if (open) return { alert: open, created: num(inserted.numInsertedOrUpdatedRows) > 0 && open.id === id };
    if (attempt >= 2) throw new Error(`alert ${a.fingerprint}: resolved by another writer on every attempt to raise it`);
  }
}

export async function touchAlert(db: StoreDb, fingerprint: string, at: number): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ last_seen_at: at })
    .where('fingerprint', '=', fingerprint)
    .where('resolved_at', 'is', null)
    .where('last_seen_at', '<', at)
    .execute();
}

export async function resolveAlert(db: StoreDb, fingerprint: string, at: number): Promise<AlertRecord | undefined> {
  const open = await openAlertOf(db, fingerprint);
  if (!open) return undefined;
  // Conditional on still being open: of two replicas resolving at once, one updates and both read the row.
  await db.updateTable('alerts').set({ resolved_at: at }).where('id', '=', open.id).where('resolved_at', 'is', null).execute();
  return getAlert(db, open.id);
}

export async function acknowledgeAlert(db: StoreDb, id: string, by: string, note: string | null, at: number): Promise<AlertRecord | undefined> {
  await db.updateTable('alerts').set({ acknowledged_at: at, acknowledged_by: by, acknowledge_note: note }).where('id', '=', id).execute();
  return getAlert(db, id);
}

export async function getAlert(db: StoreDb, id: string): Promise<AlertRecord | undefined> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row && alertRecord(row);
}

export async function openAlerts(db: StoreDb): Promise<AlertRecord[]> {
  const rows = await db.selectFrom('alerts').selectAll().where('resolved_at', 'is', null).orderBy('raised_at', 'desc').orderBy('id').execute();
  return rows.map(alertRecord);
}

export async function listAlerts(
  db: StoreDb,
  filter: AlertFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: AlertRecord[]; total: number }> {
  if (filter.state?.length === 0 || filter.severity?.length === 0 || filter.upstreamId?.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('alerts');
  if (filter.severity) base = base.where('severity', 'in', filter.severity);
  if (filter.upstreamId) base = base.where('upstream_id', 'in', filter.upstreamId);
  if (filter.since !== undefined) base = base.where('raised_at', '>=', filter.since);
  const states = filter.state;
  if (states) {
    base = base.where((eb) =>
      eb.or(
        states.map((s) =>
          s === 'RESOLVED'
            ? eb('resolved_at', 'is not', null)
            : s === 'ACKNOWLEDGED'
              ? eb.and([eb('resolved_at', 'is', null), eb('acknowledged_at', 'is not', null)])
              : eb('resolved_at', 'is', null),
        ),
      ),
    );
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('raised_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
  ]);
  return { rows: rows.map(alertRecord), total: num(count.n) };
}

async function openAlertOf(db: StoreDb, fingerprint: string): Promise<AlertRecord | undefined> {
  const row = await db.selectFrom('alerts').selectAll().where('fingerprint', '=', fingerprint).where('resolved_at', 'is', null).executeTakeFirst();
  return row && alertRecord(row);
}

function alertRecord(r: AlertTable): AlertRecord {
  return {
    id: r.id,
    ruleId: r.rule_id,
    fingerprint: r.fingerprint,
    severity: r.severity,
    upstreamId: r.upstream_id,
    objectId: r.object_id,
    message: r.message,
    raisedAt: Number(r.raised_at),
    lastSeenAt: Number(r.last_seen_at),
    resolvedAt: numOrNull(r.resolved_at),
    acknowledgedAt: numOrNull(r.acknowledged_at),
    acknowledgedBy: r.acknowledged_by,
    acknowledgeNote: r.acknowledge_note,
  };
}
