import type { GatewayConfig } from './config/schema.js';
import type { DemoUpstream } from './datasources/product.js';
import type { Logger } from './observability/logger.js';

export interface DemoSimulators {
  close(): Promise<void>;
}

/**
 * Demo mode: starts each demo upstream's built-in simulator on loopback (in the order given) and points
 * the upstream at the address it actually got (a configured port 0 means "any free port"). If one fails
 * to start, the ones already started are closed.
 */
export async function startDemoSimulators(
  demo: NonNullable<GatewayConfig['demo']>,
  demos: readonly DemoUpstream[],
  upstreams: GatewayConfig['upstreams'],
  logger: Logger,
): Promise<DemoSimulators> {
  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    await Promise.allSettled(started.map((s) => s.close()));
  };
  for (const d of demos) {
    let simulator;
    try {
      // parseConfig filled in every demo's port (resolveDemoPorts); the default guards a config built otherwise.
      simulator = await d.start({ port: demo.ports[d.id] ?? d.defaultPort, latencyMs: demo.simLatencyMs });
    } catch (error) {
      await closeAll();
      throw error;
    }
    started.push(simulator);
    const upstream = upstreams.find((u) => u.id === d.id);
    if (upstream) {
      upstream.url = simulator.url;
      simulator.configure?.(upstream);
    }
    logger.info({ upstream: d.id, url: simulator.url }, 'demo: simulator started');
  }
  return { close: closeAll };
}
