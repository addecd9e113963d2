import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment a test passes to `loadConfig` (or a spawned gateway) so its history store lives in
 * the test run's temporary folder, never in the repository's ./data. vitest.config.ts sets
 * BACKUP_GRAPH_STORE_DIR for the whole run; outside vitest a fresh folder is made.
 */
export function testStoreEnv(): { BACKUP_GRAPH_STORE_DIR: string } {
  return { BACKUP_GRAPH_STORE_DIR: process.env.BACKUP_GRAPH_STORE_DIR ?? mkdtempSync(join(tmpdir(), 'backup-graph-store-')) };
}
