import { startBackupDrSimulator } from '../../../simulators/backupdr/index.js';
import type { DemoUpstream } from '../product.js';

/** The console simulator's all-organizations bearer token (simulators/README.md). */
export const DEMO_BACKUPDR_TOKEN = 'admin-token';

function backupDrDemo(id: string, defaultPort: number, portEnv: string, seed: number, extra: Pick<DemoUpstream, 'legacyPortKey'> = {}): DemoUpstream {
  return {
    id,
    defaultPort,
    portEnv,
    ...extra,
    upstreamInput: (port) => ({ id, kind: 'backupdr', url: `http://127.0.0.1:${port}/actifio`, bearerToken: DEMO_BACKUPDR_TOKEN }),
    start: (options) => startBackupDrSimulator({ ...options, seed }),
  };
}

/** The demo's consoles: two built-in Backup and DR simulators on different seeds, so their data differ. */
export const backupDrDemos: readonly DemoUpstream[] = [
  backupDrDemo('bdr-demo', 8402, 'BACKUPDR_SIM_PORT', 42, { legacyPortKey: 'backupdrSimPort' }),
  backupDrDemo('bdr-demo-2', 8405, 'BACKUPDR_SIM_PORT_2', 7),
];
