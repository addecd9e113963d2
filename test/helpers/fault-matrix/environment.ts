import type { ChildProcess } from 'node:child_process';
import { pino } from 'pino';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../../simulators/commvault/index.js';
import { parseConfig } from '../../../src/config/load.js';
import { createGateway, type Gateway } from '../../../src/gateway.js';
import { freePort } from '../free-port.js';
import { startServer, stopServer } from '../redis-server.js';
import { TcpGate } from './tcp-gate.js';

/** The three upstream kinds the gateway serves, one instance each. */
export type UpstreamId = 'cv' | 'cloud' | 'bdr';
export const UPSTREAM_IDS: readonly UpstreamId[] = ['cv', 'cloud', 'bdr'];

/** One upstream of the matrix: its simulator, the gate the gateway reaches it through, and its login route. */
export interface MatrixUpstream {
  id: UpstreamId;
  kind: 'commvault' | 'commvault-cloud' | 'backupdr';
  sim: CommvaultSimulator | BackupDrSimulator;
  gate: TcpGate;
  /** The route a new session costs (counted to prove exactly one re-login). */
  loginRoute: string;
  /** Jobs the simulator holds now: what `jobs { totalCount }` for this upstream must say. */
  jobCount(): number;
}

/**
 * Per-attempt timeout, retries, breaker and token wait: small, so every fault shows within a few seconds.
 * The timeout leaves a healthy console room on a loaded machine: a console list costs its simulator
 * 20-80 ms of CPU, and `npm test` runs two other test files beside this one on the same two cores (CI
 * once saw the healthy console's list pass a 1 s timeout there, beside the bench smoke test).
 */
export const MATRIX_UPSTREAM_SETTINGS = {
  timeoutMs: 2_000,
  retry: { maxAttempts: 2, baseDelayMs: 20 },
  breaker: { failureThreshold: 3, cooldownMs: 500 },
  rateLimit: { queueTimeoutMs: 300, read: { capacity: 500, refillPerSecond: 500 }, write: { capacity: 100, refillPerSecond: 100 } },
} as const;

/** Added to every simulator answer: requests are in flight long enough for a fault to land mid-way. */
export const SIM_LATENCY_MS = 20;
export const ADMIN_KEY = 'fault-matrix-admin';

/** A `redis-server` that can be stopped and started again on the same port. */
export class RestartableRedis {
  private child?: ChildProcess;
  private constructor(readonly port: number) {}

  static async start(): Promise<RestartableRedis> {
    const redis = new RestartableRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child) await stopServer(child);
  }

  async restart(): Promise<void> {
    if (!this.child) this.child = await startServer(this.port);
  }
}

export interface MatrixEnvironment {
  readonly url: string;
  readonly gateway: Gateway;
  readonly upstreams: Readonly<Record<UpstreamId, MatrixUpstream>>;
  readonly redis: RestartableRedis;
  close(): Promise<void>;
}

/**
 * A gateway over a CommServe, a Commvault Cloud tenant and a Backup and DR console (each a simulator
 * behind a TcpGate), sharing a private Redis: the fault matrix's world. Job lists are not cached
 * (TTL 0), so every query reaches every upstream; the tenant's budget is set far above what the bench
 * spends, so only injected faults refuse calls.
 */
export async function startMatrixEnvironment(): Promise<MatrixEnvironment> {
  const redis = await RestartableRedis.start();
  const [cv, cloud, bdr] = await Promise.all([
    startCommvaultSimulator({ latencyMs: SIM_LATENCY_MS, jobDurationMs: [60_000, 120_000] }),
    startCommvaultSimulator({
      seed: 7,
      latencyMs: SIM_LATENCY_MS,
      jobDurationMs: [60_000, 120_000],
      tenantBudget: { readsPerPeriod: 1_000_000, writesPerPeriod: 100_000, periodSeconds: 3600 },
    }),
    startBackupDrSimulator({ latencyMs: SIM_LATENCY_MS }),
  ]);
  const gates = await Promise.all([cv, cloud, bdr].map((sim) => TcpGate.open(sim.port)));
  const through = (sim: { url: string; origin: string }, gate: TcpGate) => gate.origin + sim.url.slice(sim.origin.length);
  const upstreams: Record<UpstreamId, MatrixUpstream> = {
    cv: { id: 'cv', kind: 'commvault', sim: cv, gate: gates[0]!, loginRoute: 'POST /Login', jobCount: () => cv.data.jobs.length },
    cloud: { id: 'cloud', kind: 'commvault-cloud', sim: cloud, gate: gates[1]!, loginRoute: 'POST /Login', jobCount: () => cloud.data.jobs.length },
    bdr: { id: 'bdr', kind: 'backupdr', sim: bdr, gate: gates[2]!, loginRoute: 'POST /session', jobCount: () => bdr.data.jobs.length },
  };
  const config = parseConfig(
    {
      logLevel: 'silent',
      server: { port: 0 },
      store: { enabled: false },
      callers: [{ id: 'fault-matrix', apiKey: ADMIN_KEY, role: 'admin' }],
      cache: { ttlMs: { jobsRunning: 0, jobsFinished: 0 } },
      redis: { url: redis.url },
      upstreams: [
        { id: 'cv', kind: 'commvault', url: through(cv, gates[0]!), username: 'admin', password: 'admin', ...MATRIX_UPSTREAM_SETTINGS },
        { id: 'cloud', kind: 'commvault-cloud', url: through(cloud, gates[1]!), username: 'admin', password: 'admin', ...MATRIX_UPSTREAM_SETTINGS },
        // jobLookup 0: the backup's answer does not wait for its job to show up.
        { id: 'bdr', kind: 'backupdr', url: through(bdr, gates[2]!), bearerToken: 'admin-token', jobLookup: { timeoutMs: 0, intervalMs: 100 }, ...MATRIX_UPSTREAM_SETTINGS },
      ],
    },
    {},
  );
  const gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
  const url = await gateway.listen();
  return {
    url,
    gateway,
    upstreams,
    redis,
    async close() {
      await gateway.stop();
      await Promise.all(gates.map((g) => g.close()));
      await Promise.all([cv.close(), cloud.close(), bdr.close()]);
      await redis.stop();
    },
  };
}
