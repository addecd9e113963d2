import type { HistoryStore } from './history-store.js';
import { openSqliteStore } from './sqlite-store.js';

/** What opening the store needs from `config.store`. */
export interface StoreLocation {
  /** Folder of the embedded database, used when `url` is absent. */
  dir: string;
  /** A PostgreSQL connection URL (`postgres://user@host:5432/db`): several replicas share it. */
  url?: string;
}

/**
 * Opens the history store the config names — PostgreSQL when `url` is set, else the embedded file in
 * `dir` — and applies pending migrations. The store is closed again when a migration fails.
 */
export async function openHistoryStore(location: StoreLocation): Promise<{ store: HistoryStore; applied: string[] }> {
  // pg loads only when a PostgreSQL URL is configured.
  const store = location.url ? (await import('./postgres-store.js')).openPostgresStore(location.url) : openSqliteStore(location.dir);
  try {
    const applied = await store.migrate();
    return { store, applied };
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}
