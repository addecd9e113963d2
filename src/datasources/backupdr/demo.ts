import { startBackupDrSimulator } from '../../../simulators/backupdr/index.js';
import type { DemoUpstream } from '../product.js';

/** The console simulator's all-organizations bearer token (simulators/README.md). */
export const DEMO_BACKUPDR_TOKEN = 'admin-token';

/** The demo's console: the built-in Backup and DR simulator, upstream `bdr-demo`, port `demo.backupdrSimPort`. */
export const backupDrDemo: DemoUpstream = {
  id: 'bdr-demo',
  portKey: 'backupdrSimPort',
  upstreamInput: (port) => ({ id: 'bdr-demo', kind: 'backupdr', url: `http://127.0.0.1:${port}/actifio`, bearerToken: DEMO_BACKUPDR_TOKEN }),
  start: (options) => startBackupDrSimulator(options),
};
