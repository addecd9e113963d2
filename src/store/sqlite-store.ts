import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { HistoryDatabase } from './database.js';
import { KyselyHistoryStore } from './kysely-history-store.js';
import { acquireTableLease } from './table-lease.js';

export const SQLITE_FILE_NAME = 'history.sqlite';

/** How long a write waits for another process's write lock on the same file before failing. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The embedded store: `history.sqlite` in `dir` (made if missing), through better-sqlite3 12.
 *
 * - WAL journal: readers never block the writer, and a crash mid-write leaves the last commit intact.
 * - `synchronous = FULL`: each commit is fsynced before it returns. NORMAL would already survive a
 *   SIGKILL (committed WAL frames are in the OS's page cache), but not a power cut or kernel crash;
 *   at a collector's few commits a minute the fsync costs nothing worth saving.
 * - `busy_timeout`: another process on the same file (a second gateway, `npm run migrate`) waits
 *   instead of failing with SQLITE_BUSY.
 */
export function openSqliteStore(dir: string): KyselyHistoryStore {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE_NAME);
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  database.pragma('foreign_keys = ON');
  const db = new Kysely<HistoryDatabase>({ dialect: new SqliteDialect({ database }) });
  return new KyselyHistoryStore({
    dialect: 'sqlite',
    db,
    acquireLease: (name, holder, ttlMs) => acquireTableLease(db, name, holder, ttlMs),
    async sizeBytes() {
      let total = 0;
      for (const suffix of ['', '-wal', '-shm']) {
        try {
          total += statSync(file + suffix).size;
        } catch {
          // -wal and -shm exist only while a connection is open or after a checkpoint left them.
        }
      }
      return total;
    },
  });
}
