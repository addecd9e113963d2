import type { Lease } from './history-store.js';
import { num, type StoreDb } from './store-db.js';

/**
 * A lease as a `leases` row (the embedded store): taken with one conditional upsert — insert, or take
 * over the row when it has expired or is already ours — so two processes on the same file cannot both
 * win (SQLite serialises the writes). The holder keeps it by renewing before `ttlMs` passes.
 */
export async function acquireTableLease(db: StoreDb, name: string, holder: string, ttlMs: number, now: () => number = Date.now): Promise<Lease | undefined> {
  const at = now();
  const result = await db
    .insertInto('leases')
    .values({ name, holder, expires_at: at + ttlMs })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
        .where((eb) => eb.or([eb('leases.expires_at', '<=', at), eb('leases.holder', '=', holder)])),
    )
    .executeTakeFirst();
  if (num(result.numInsertedOrUpdatedRows) === 0) return undefined;

  let released = false;
  return {
    name,
    holder,
    async renew() {
      if (released) return false;
      const t = now();
      // Only while the row is still ours: once another holder took it over, renewing fails.
      const updated = await db
        .updateTable('leases')
        .set({ expires_at: t + ttlMs })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .executeTakeFirst();
      return num(updated.numUpdatedRows) > 0;
    },
    async release() {
      if (released) return;
      released = true;
      await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
    },
  };
}
