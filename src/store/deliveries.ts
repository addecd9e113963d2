import type { DeliveryEvent, DeliveryRecord, DeliveryStatus } from './history-store.js';
import type { DeliveryTable } from './database.js';
import { num, type StoreDb } from './store-db.js';

/**
 * The notification log. Its primary key (subject, channel, event) makes `claimDelivery` an
 * insert-or-nothing: of any number of replicas claiming the same notification, the database lets one
 * insert, and only that one sends.
 */

export async function claimDelivery(db: StoreDb, d: { subjectId: string; channel: string; event: DeliveryEvent; at: number }): Promise<boolean> {
  const result = await db
    .insertInto('deliveries')
    .values({
      subject_id: d.subjectId,
      channel: d.channel,
      event: d.event,
      status: 'PENDING',
      attempts: 0,
      last_error: null,
      created_at: d.at,
      updated_at: d.at,
      sent_at: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return num(result.numInsertedOrUpdatedRows) > 0;
}

export async function recordDelivery(
  db: StoreDb,
  d: { subjectId: string; channel: string; event: DeliveryEvent; status: DeliveryStatus; attempts: number; lastError: string | null; at: number },
): Promise<void> {
  const sentAt = d.status === 'SENT' ? d.at : null;
  await db
    .insertInto('deliveries')
    .values({
      subject_id: d.subjectId,
      channel: d.channel,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      last_error: d.lastError,
      created_at: d.at,
      updated_at: d.at,
      sent_at: sentAt,
    })
    .onConflict((oc) =>
      oc.columns(['subject_id', 'channel', 'event']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        attempts: eb.ref('excluded.attempts'),
        last_error: eb.ref('excluded.last_error'),
        updated_at: eb.ref('excluded.updated_at'),
        sent_at: eb.ref('excluded.sent_at'),
      })),
    )
    .execute();
}

export async function deliveries(db: StoreDb, q: { subjectId?: string; status?: DeliveryStatus[] }): Promise<DeliveryRecord[]> {
  if (q.status?.length === 0) return [];
  let query = db.selectFrom('deliveries').selectAll();
  if (q.subjectId !== undefined) query = query.where('subject_id', '=', q.subjectId);
  if (q.status) query = query.where('status', 'in', q.status);
  const rows = await query.orderBy('created_at').orderBy('subject_id').orderBy('channel').orderBy('event').execute();
  return rows.map(deliveryRecord);
}

function deliveryRecord(r: DeliveryTable): DeliveryRecord {
  return {
    subjectId: r.subject_id,
    channel: r.channel,
    event: r.event as DeliveryEvent,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
  };
}
