import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator, type CommvaultSimulatorOptions } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from './gateway.js';

/** The API key of the one admin caller the gateway has unless `callers` says otherwise; `gql` sends it. */
const ADMIN_KEY = 'k-admin';

/** The body of a GraphQL answer, loosely typed as the tests read it. */
export interface AuditedAnswer {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

export interface AuditedCommvaultGatewayOptions {
  /** Filled with every log line of the gateway, parsed (its audit lines among them); emptied before each test. */
  auditLines: Array<Record<string, any>>;
  /** The Commvault upstream's id. */
  upstreamId: string;
  /** Options of the simulator (`now`, `jobDurationMs`, …); it always listens on an ephemeral port. @default {} */
  simulator?: Partial<CommvaultSimulatorOptions>;
  /** The gateway's callers. @default one admin with key `k-admin` */
  callers?: unknown[];
  /**
   * A second upstream on the same simulator with a short timeout, for the tests where a write's answer
   * comes later than the gateway waits (the simulator's afterWrite fault); its queue gives up after 200 ms.
   * @default none
   */
  slowTwin?: { id: string; timeoutMs: number };
  /** More raw config for `parseConfig` (cache TTLs, store, …), over the test gateway's defaults. @default {} */
  config?: Record<string, unknown>;
}

/**
 * The set-up of the end-to-end tests of Commvault mutations that read the audit log: one Commvault simulator
 * behind a real gateway whose log lines land in the caller's `auditLines`. The gateway is startTestGateway's,
 * with no history store unless `config` asks for one, so nothing is written into the repository's ./data.
 * Registers the hooks: start both before all tests, stop both after; before each test, reset the simulator
 * to its seed (faults and call counts included) and empty `auditLines`. The getters are valid once the
 * tests run.
 */
export function useAuditedCommvaultGateway(opts: AuditedCommvaultGatewayOptions): {
  readonly sim: CommvaultSimulator;
  readonly gw: TestGateway;
  /** The gateway's base URL (POST `${url}/graphql`). */
  readonly url: string;
  /** POSTs one operation as the caller with key `k-admin`; the answer's body. */
  gql(query: string, variables?: Record<string, unknown>): Promise<AuditedAnswer>;
} {
  let sim: CommvaultSimulator | undefined;
  let gw: TestGateway | undefined;
  beforeAll(async () => {
    sim = await startCommvaultSimulator({ ...opts.simulator, port: 0 });
    const upstreams = [commvaultUpstream(opts.upstreamId, sim.url)];
    if (opts.slowTwin) {
      upstreams.push(commvaultUpstream(opts.slowTwin.id, sim.url, { timeoutMs: opts.slowTwin.timeoutMs, rateLimit: { queueTimeoutMs: 200 } }));
    }
    gw = await startTestGateway(
      { callers: opts.callers ?? [{ id: 'admin', apiKey: ADMIN_KEY, role: 'admin' }], ...opts.config, upstreams },
      { logLines: opts.auditLines },
    );
  });
  afterAll(async () => {
    await gw?.close();
    await sim?.close();
  });
  beforeEach(() => {
    sim!.reset();
    opts.auditLines.length = 0;
  });
  return {
    get sim() {
      return sim!;
    },
    get gw() {
      return gw!;
    },
    get url() {
      return gw!.url;
    },
    gql: async (query, variables = {}) => (await gw!.query<any>(query, variables, { apiKey: ADMIN_KEY })).body as AuditedAnswer,
  };
}
