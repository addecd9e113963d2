import { spawn, type ChildProcess } from 'node:child_process';

const ENTRY = new URL('./collecting-gateway.ts', import.meta.url).pathname;

/** Every demo simulator on a free port of its own (0): test files run in parallel. */
const ANY_PORTS = { COMMVAULT_SIM_PORT: '0', COMMVAULT_SIM_PORT_2: '0', COMMVAULT_CLOUD_SIM_PORT: '0', BACKUPDR_SIM_PORT: '0', BACKUPDR_SIM_PORT_2: '0' };

export interface GatewayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** SIGKILL: no shutdown, no lease release, no last write. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the graceful stop. */
  stop(): Promise<void>;
}

/** Short intervals, so a test sees several collections in seconds. */
export const FAST_COLLECTORS = {
  tickMs: 200,
  leaseTtlMs: 2_000,
  intervalsMs: { capacity: 1_000, ddb: 1_000, infrastructure: 1_000, jobs: 1_000, events: 1_000, healthReport: 2_000, retention: 60_000 },
};

/** Starts the demo gateway (collecting-gateway.ts) in a child process with `overrides` over the demo config. */
export function startGatewayProcess(overrides: Record<string, unknown>, env: Record<string, string> = {}): Promise<GatewayProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, ...ANY_PORTS, ...env, GATEWAY_OVERRIDES: JSON.stringify(overrides) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\S+)/.exec(out);
      if (m)
        resolve({
          url: m[1] as string,
          child,
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await gone;
          },
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await gone;
          },
        });
    });
    child.once('exit', (code, signal) => reject(new Error(`gateway exited (${code ?? signal}) before listening: ${stderr}`)));
  });
}
