import { startBackupDrSimulator } from '../../../simulators/backupdr/index.js';
import { SERVICE_ACCOUNTS } from '../../../simulators/backupdr/data/security.js';
import type { DemoUpstream } from '../product.js';
import { DEMO_KEY_FILE_PLACEHOLDER, startMintingConsole } from './demo-google.js';

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

/** A console whose Google token the gateway mints and renews itself, against a local token service (demo-google.ts). */
function mintingDemo(id: string, defaultPort: number, portEnv: string, seed: number): DemoUpstream {
  return {
    id,
    defaultPort,
    portEnv,
    upstreamInput: (port) => ({
      id,
      kind: 'backupdr',
      url: `http://127.0.0.1:${port}/actifio`,
      auth: { google: { serviceAccount: SERVICE_ACCOUNTS.admin, keyFile: DEMO_KEY_FILE_PLACEHOLDER } },
    }),
    start: (options) => startMintingConsole({ ...options, seed }),
  };
}

/**
 * The demo's consoles: two built-in Backup and DR simulators on different seeds, so their data differ;
 * the second one's token is minted by the gateway (auth.google), as a production console's would be.
 */
export const backupDrDemos: readonly DemoUpstream[] = [
  backupDrDemo('bdr-demo', 8402, 'BACKUPDR_SIM_PORT', 42, { legacyPortKey: 'backupdrSimPort' }),
  mintingDemo('bdr-demo-2', 8405, 'BACKUPDR_SIM_PORT_2', 7),
];
