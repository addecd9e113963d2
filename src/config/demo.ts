import { ROLES, type Role } from './schema.js';

/** Upstream id of the built-in Commvault simulator in demo mode. */
export const DEMO_COMMVAULT_ID = 'cv-demo';
/** Upstream id of the built-in Backup and DR console simulator in demo mode. */
export const DEMO_BACKUPDR_ID = 'bdr-demo';
/** The console simulator's all-organizations bearer token. */
export const DEMO_BACKUPDR_TOKEN = 'admin-token';
/** The simulators' own default login. */
export const DEMO_SIM_USER = { username: 'admin', password: 'admin' } as const;

/** Demo callers `demo-frontend`, `demo-partner`, `demo-analyst`, `demo-admin`: each key equals its id. */
export function demoCallers(): Array<{ id: string; apiKey: string; role: Role }> {
  return ROLES.map((role) => ({ id: `demo-${role}`, apiKey: `demo-${role}`, role }));
}

/**
 * The demo's upstreams as raw config input (defaults come from the schema). The URL names the
 * simulator's configured port; when that port is 0 the gateway rewrites it once the simulator listens.
 */
export function demoUpstreamInputs(ports: { commvaultSimPort: number; backupdrSimPort: number }): Array<Record<string, unknown>> {
  return [
    {
      id: DEMO_COMMVAULT_ID,
      kind: 'commvault',
      url: `http://127.0.0.1:${ports.commvaultSimPort}/webconsole/api`,
      ...DEMO_SIM_USER,
    },
    {
      id: DEMO_BACKUPDR_ID,
      kind: 'backupdr',
      url: `http://127.0.0.1:${ports.backupdrSimPort}/actifio`,
      bearerToken: DEMO_BACKUPDR_TOKEN,
    },
  ];
}
