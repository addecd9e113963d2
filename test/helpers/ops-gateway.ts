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

/** The access-log line of a request, once the gateway has written it (after the answer). */
export async function accessLine(lines: ReadonlyArray<Record<string, unknown>>, requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 100; i++) {
    const line = lines.find((l) => l.component === 'access' && l.requestId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no access line for ${requestId}`);
}
