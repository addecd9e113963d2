import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryStore } from '../../src/store/history-store.js';
import { openHistoryStore, type StoreLocation } from '../../src/store/open-store.js';
import { createTestDatabase } from './postgres.js';

/** One empty history database for a test: open as many stores on it as the test needs; drop it after. */
export interface TestStoreDatabase {
  readonly location: StoreLocation;
  /** Opens (and migrates) another store on this database; closed by `drop()` unless closed before. */
  open(): Promise<{ store: HistoryStore; applied: string[] }>;
  drop(): Promise<void>;
}

export type TestStoreDatabases = () => Promise<TestStoreDatabase>;

function tracked(location: StoreLocation, remove: () => Promise<void>): TestStoreDatabase {
  const opened: HistoryStore[] = [];
  return {
    location,
    async open() {
      const result = await openHistoryStore(location);
      opened.push(result.store);
      return result;
    },
    async drop() {
      await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
      await remove();
    },
  };
}

/** An embedded store in a fresh temporary folder. */
export const embeddedDatabases: TestStoreDatabases = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bg-history-'));
  return tracked({ dir }, () => rm(dir, { recursive: true, force: true }));
};

/** A fresh PostgreSQL database on the test server (test/helpers/postgres.ts). */
export const postgresDatabases: TestStoreDatabases = async () => {
  const db = await createTestDatabase();
  return tracked({ dir: '/nonexistent', url: db.url }, () => db.drop());
};
