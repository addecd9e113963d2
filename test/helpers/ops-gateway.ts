import { afterAll, beforeAll } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestConfigInput, type TestGateway } from './gateway.js';

export interface OpsGateway {
  sim: CommvaultSimulator;
  gw: TestGateway;
  /** The gateway's log lines at `info` and above, parsed. */
  readonly lines: Array<Record<string, unknown>>;
}

/**
 * A Commvault simulator and a gateway over it (upstream `cv`, one admin caller `ops` with key `k-ops`)
 * for one describe block: started before its tests, closed after them. `extra` is merged into the
 * gateway's config.
 */
export function useOpsGateway(extra: Partial<TestConfigInput> = {}): OpsGateway {
  const env = { lines: [] } as unknown as OpsGateway;
  beforeAll(async () => {
    env.sim = await startCommvaultSimulator();
    env.gw = await startTestGateway(
      { upstreams: [commvaultUpstream('cv', env.sim.url)], callers: [{ id: 'ops', apiKey: 'k-ops', role: 'admin' }], ...extra },
      { logLines: env.lines },
    );
  });
  afterAll(async () => {
    await env.gw?.close();
    await env.sim?.close();
  });
  return env;
}
