/**
 * `npm run simulators`: starts every simulator on its fixed port and stops them on SIGINT/SIGTERM.
 * A simulator joins by adding one entry to SIMULATORS.
 */
import { startBackupDrSimulator } from './backupdr/index.js';
import { startCommvaultSimulator } from './commvault/index.js';

interface Running {
  name: string;
  url: string;
  /** How to authenticate, printed at start. */
  hint: string;
  close(): Promise<void>;
}

interface SimulatorEntry {
  name: string;
  start(latencyMs: number): Promise<Running>;
}

const SIMULATORS: readonly SimulatorEntry[] = [
  {
    name: 'commvault',
    async start(latencyMs: number): Promise<Running> {
      const sim = await startCommvaultSimulator({ port: envInt('COMMVAULT_SIM_PORT', 8401), latencyMs });
      return { name: 'commvault', url: sim.url, hint: 'login admin/admin', close: () => sim.close() };
    },
  },
  {
    name: 'backupdr',
    async start(latencyMs: number): Promise<Running> {
      const sim = await startBackupDrSimulator({ port: envInt('BACKUPDR_SIM_PORT', 8402), latencyMs });
      return { name: 'backupdr', url: sim.url, hint: 'POST /session with Authorization: Bearer admin-token', close: () => sim.close() };
    },
  },
];

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const latencyMs: number = envInt('SIM_LATENCY_MS', 0);
  const running: Running[] = [];
  for (const entry of SIMULATORS) {
    const r = await entry.start(latencyMs);
    running.push(r);
    console.log(`${r.name} simulator listening at ${r.url}  (control: ${new URL(r.url).origin}/__sim/stats; ${r.hint})`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping simulators`);
    Promise.all(running.map((r) => r.close())).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
