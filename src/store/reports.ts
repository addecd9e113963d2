import type { DailyReportRecord } from './history-store.js';
import type { StoreDb } from './store-db.js';

/** The daily verification reports, one per UTC day; a second run of the same day replaces the first. */

export async function saveDailyReport(db: StoreDb, r: DailyReportRecord): Promise<void> {
  await db
    .insertInto('daily_reports')
    .values({ day: r.day, created_at: r.createdAt, body: JSON.stringify(r.body ?? null) })
    .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ created_at: eb.ref('excluded.created_at'), body: eb.ref('excluded.body') })))
    .execute();
}

export async function dailyReport(db: StoreDb, day: string): Promise<DailyReportRecord | undefined> {
  const row = await db.selectFrom('daily_reports').selectAll().where('day', '=', day).executeTakeFirst();
  return row && { day: row.day, createdAt: Number(row.created_at), body: JSON.parse(row.body) as unknown };
}
