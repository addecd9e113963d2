import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment a test passes to `loadConfig` (or a spawned gateway) so its history store lives in
 * the test run's temporary folder, never in the repository's ./data. vitest.config.ts sets
 * BACKUP_GRAPH_STORE_DIR for the whole run; each call gets its own folder inside it (outside vitest,
 * inside the system's): two gateways of files running at once migrating one database file collide.
 */
export function testStoreEnv(): { BACKUP_GRAPH_STORE_DIR: string } {
  const parent = process.env.BACKUP_GRAPH_STORE_DIR ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  return { BACKUP_GRAPH_STORE_DIR: mkdtempSync(join(parent, 'store-')) };
}
