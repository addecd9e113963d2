import { afterAll, beforeAll } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator, type CommvaultSimulatorOptions } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from './gateway.js';

/**
 * Several CommServe simulators, each with its own seed (`firstSeed`, `firstSeed + 1`, …), behind one gateway
 * whose upstreams are `cv-1` … `cv-<count>`: the set-up of the unified-list tests. Registers the hooks that
 * start them before all tests and stop them after. `gateway` is valid once the tests run.
 */
export function useCommvaultFleet(opts: {
  count: number;
  firstSeed: number;
  /** Options every simulator gets besides its seed (`latencyMs`, …); each listens on an ephemeral port. */
  simulator?: Partial<CommvaultSimulatorOptions>;
  /** The gateway's `cache` config (TTLs per resource class). */
  cache: Record<string, unknown>;
}): { readonly sims: readonly CommvaultSimulator[]; readonly gateway: TestGateway } {
  const sims: CommvaultSimulator[] = [];
  let gateway: TestGateway | undefined;
  beforeAll(async () => {
    for (let i = 0; i < opts.count; i++) sims.push(await startCommvaultSimulator({ ...opts.simulator, port: 0, seed: opts.firstSeed + i }));
    gateway = await startTestGateway({ upstreams: sims.map((sim, i) => commvaultUpstream(`cv-${i + 1}`, sim.url)), cache: opts.cache });
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await Promise.all(sims.map((s) => s.close()));
  });
  return {
    sims,
    get gateway(): TestGateway {
      if (!gateway) throw new Error('the fleet starts in beforeAll: use it inside a test');
      return gateway;
    },
  };
}
