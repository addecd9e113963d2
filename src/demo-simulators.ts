import { startBackupDrSimulator } from '../simulators/backupdr/index.js';
import { startCommvaultSimulator } from '../simulators/commvault/index.js';
import { DEMO_BACKUPDR_ID, DEMO_COMMVAULT_ID } from './config/demo.js';
import type { GatewayConfig } from './config/schema.js';
import type { Logger } from './observability/logger.js';

export interface DemoSimulators {
  close(): Promise<void>;
}

/**
 * Demo mode: starts the built-in simulators on loopback and points the demo upstreams at the address
 * each one actually got (a configured port 0 means "any free port").
 */
export async function startDemoSimulators(
  demo: NonNullable<GatewayConfig['demo']>,
  upstreams: GatewayConfig['upstreams'],
  logger: Logger,
): Promise<DemoSimulators> {
  const commvault = await startCommvaultSimulator({ port: demo.commvaultSimPort, latencyMs: demo.simLatencyMs });
  let backupdr: Awaited<ReturnType<typeof startBackupDrSimulator>>;
  try {
    backupdr = await startBackupDrSimulator({ port: demo.backupdrSimPort, latencyMs: demo.simLatencyMs });
  } catch (error) {
    await commvault.close();
    throw error;
  }
  for (const [id, url] of [
    [DEMO_COMMVAULT_ID, commvault.url],
    [DEMO_BACKUPDR_ID, backupdr.url],
  ] as const) {
    const upstream = upstreams.find((u) => u.id === id);
    if (upstream) upstream.url = url;
    logger.info({ upstream: id, url }, 'demo: simulator started');
  }
  return {
    close: async () => {
      await Promise.allSettled([commvault.close(), backupdr.close()]);
    },
  };
}
