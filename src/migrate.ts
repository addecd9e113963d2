import { loadConfigOrExit } from './config/load.js';
import { openHistoryStore } from './store/open-store.js';

/**
 * `npm run migrate`: applies the history store's pending migrations and exits, without starting the
 * gateway — reading the same configuration (`BACKUP_GRAPH_CONFIG`, `BACKUP_GRAPH_STORE_URL`,
 * `BACKUP_GRAPH_STORE_DIR`) the gateway would. Prints what it applied; exit 0 also when nothing was pending.
 */
async function main(): Promise<void> {
  const config = await loadConfigOrExit('backup-graph migrate');
  if (!config.store.enabled) {
    process.stdout.write('backup-graph migrate: store.enabled is false; nothing to migrate\n');
    return;
  }
  const where = config.store.url ? 'PostgreSQL (store.url)' : `${config.store.dir} (embedded)`;
  const { store, applied } = await openHistoryStore(config.store);
  await store.close();
  process.stdout.write(
    applied.length > 0 ? `backup-graph migrate: applied ${applied.join(', ')} to ${where}\n` : `backup-graph migrate: ${where} is up to date\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`backup-graph migrate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
