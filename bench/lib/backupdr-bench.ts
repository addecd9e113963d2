import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { BENCH_API_KEY } from './gateway-config.js';
import { SIM_LATENCY_MS } from './simulator.js';

export type { BackupDrSimulator };

export const BDR_UPSTREAM_ID = 'bdr-bench';
/** A bearer the simulator's default principals accept with every organization (seed principals.ts). */
export const BDR_BEARER = 'admin-token';

/** A Backup and DR console simulator on a free loopback port, with the same fixed latency as the Commvault one. */
export function startBdrSimulator(): Promise<BackupDrSimulator> {
  return startBackupDrSimulator({ port: 0, latencyMs: SIM_LATENCY_MS });
}

/**
 * The raw gateway config of scenario 6: one console, the same analyst caller as `benchConfig` (free
 * documents, no safelist), TTL overrides per resource class.
 */
export function bdrBenchConfig(o: {
  simulatorUrl: string;
  ttlMs?: Record<string, number>;
  /** Upstream token bucket for reads; absent: the kind's default (console 40 / 20 per s). */
  readBucket?: { capacity: number; refillPerSecond: number };
}): Record<string, unknown> {
  return {
    server: { port: 0, host: '127.0.0.1', playground: false },
    logLevel: 'silent',
    callers: [{ id: 'bench', apiKey: BENCH_API_KEY, role: 'analyst' }],
    upstreams: [
      { id: BDR_UPSTREAM_ID, kind: 'backupdr', url: o.simulatorUrl, bearerToken: BDR_BEARER, ...(o.readBucket ? { rateLimit: { read: o.readBucket } } : {}) },
    ],
    ...(o.ttlMs ? { cache: { ttlMs: o.ttlMs } } : {}),
  };
}
