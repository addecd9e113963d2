/**
 * `npm run simulators`: starts the demo estate's simulators (the same five upstreams, seeds and ports as
 * `npm start` without a config: src/datasources/<product>/demo.ts) and stops them on SIGINT/SIGTERM.
 * Each port comes from its demo's environment variable (e.g. `COMMVAULT_SIM_PORT`), else its default.
 */
import { backupDrDemos } from '../src/datasources/backupdr/demo.js';
import { commvaultDemos } from '../src/datasources/commvault/demo.js';
import type { DemoUpstream } from '../src/datasources/product.js';

interface Running {
  name: string;
  url: string;
  close(): Promise<void>;
}

/** Each demo with how to authenticate against it, printed at start. */
const SIMULATORS: ReadonlyArray<{ demo: DemoUpstream; hint: string }> = [
  ...commvaultDemos.map((demo) => ({ demo, hint: 'login admin/admin' })),
  ...backupDrDemos.map((demo) => ({ demo, hint: 'POST /session with Authorization: Bearer admin-token' })),
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
  for (const { demo, hint } of SIMULATORS) {
    const sim = await demo.start({ port: envInt(demo.portEnv, demo.defaultPort), latencyMs });
    running.push({ name: demo.id, ...sim });
    console.log(`${demo.id} simulator listening at ${sim.url}  (control: ${new URL(sim.url).origin}/__sim/stats; ${hint})`);
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
