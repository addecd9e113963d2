import { freePort } from './free-port.js';

/**
 * The demo estate as README.md and docs/configuration.md state it: each upstream, its kind in the graph,
 * and the environment variable naming its simulator's port. Spelled out here rather than read from the
 * code, so a test over it catches the code drifting from the documentation.
 */
export const DEMO_ESTATE = [
  { id: 'cv-demo', kind: 'COMMVAULT', portEnv: 'COMMVAULT_SIM_PORT' },
  { id: 'cv-demo-2', kind: 'COMMVAULT', portEnv: 'COMMVAULT_SIM_PORT_2' },
  { id: 'cvcloud-demo', kind: 'COMMVAULT_CLOUD', portEnv: 'COMMVAULT_CLOUD_SIM_PORT' },
  { id: 'bdr-demo', kind: 'BACKUPDR', portEnv: 'BACKUPDR_SIM_PORT' },
  { id: 'bdr-demo-2', kind: 'BACKUPDR', portEnv: 'BACKUPDR_SIM_PORT_2' },
] as const;

/**
 * A free port for every demo simulator, as environment variables for a demo-mode gateway process, and
 * by upstream id. Test files run in parallel: a demo on the default ports would collide with another.
 */
export async function freeDemoPorts(): Promise<{ env: Record<string, string>; ports: Map<string, number> }> {
  const env: Record<string, string> = {};
  const ports = new Map<string, number>();
  for (const u of DEMO_ESTATE) {
    const port = await freePort();
    ports.set(u.id, port);
    env[u.portEnv] = String(port);
  }
  return { env, ports };
}
