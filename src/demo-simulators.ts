import { startCommvaultSimulator } from '../simulators/commvault/index.js';
import { DEMO_COMMVAULT_ID } from './config/demo.js';
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
  const upstream = upstreams.find((u) => u.id === DEMO_COMMVAULT_ID);
  if (upstream) upstream.url = commvault.url;
  logger.info({ upstream: DEMO_COMMVAULT_ID, url: commvault.url }, 'demo: Commvault simulator started');
  return { close: () => commvault.close() };
}
