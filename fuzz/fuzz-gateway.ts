import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { DEFAULT_PRINCIPALS, startBackupDrSimulator, type BackupDrSimulator } from '../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../simulators/commvault/index.js';

/**
 * The upstreams and callers a fuzz run talks to. Every secret is distinctive, so that the oracle can
 * look for it in every answer: a password or token of "admin" would match innocent text.
 */
export const FUZZ_SECRETS = {
  commvaultPassword: 'fuzz-cv-Pw-4kQ9zT',
  backupDrToken: 'fuzz-bdr-Tok-8mW2rX',
} as const;

/** One API key per role (and per-caller mutation rights for the analyst, so its mutations get past the policy). */
export const FUZZ_API_KEYS = {
  partner: 'fuzz-partner-K3y-a1',
  frontend: 'fuzz-frontend-K3y-b2',
  analyst: 'fuzz-analyst-K3y-c3',
  admin: 'fuzz-admin-K3y-d4',
} as const;

export const FUZZ_UPSTREAMS = { commvault: 'cv-fuzz', backupDr: 'bdr-fuzz' } as const;

export interface FuzzSimulators {
  cv: CommvaultSimulator;
  bdr: BackupDrSimulator;
  /** `host:port` of each simulator: no answer may contain one. */
  hosts: string[];
  close(): Promise<void>;
}

/** Both simulators on free loopback ports, with the fuzz run's own credentials and short job runs. */
export async function startFuzzSimulators(): Promise<FuzzSimulators> {
  const [cv, bdr] = await Promise.all([
    startCommvaultSimulator({ jobDurationMs: [200, 400] }),
    startBackupDrSimulator({ jobDurationMs: 300, principals: [{ ...DEFAULT_PRINCIPALS[0], token: FUZZ_SECRETS.backupDrToken }] }),
  ]);
  const admin = cv.data.users.find((u) => u.userName === 'admin');
  if (!admin) throw new Error('the Commvault simulator has no admin user');
  admin.password = FUZZ_SECRETS.commvaultPassword;
  return {
    cv,
    bdr,
    hosts: [cv.url, bdr.url].map((u) => new URL(u).host),
    close: async () => {
      await Promise.all([cv.close(), bdr.close()]);
    },
  };
}

/** The raw gateway config (what `parseConfig` takes) for a fuzz run against the simulators. */
export function fuzzGatewayConfig(sims: FuzzSimulators, executor: 'jit' | 'graphql-js'): Record<string, unknown> & { upstreams: unknown[] } {
  return {
    server: { port: 0, host: '127.0.0.1', playground: false, executor, batching: { enabled: true, maxOperations: 5 } },
    logLevel: 'silent',
    callers: Object.entries(FUZZ_API_KEYS).map(([role, apiKey]) => ({ id: `fuzz-${role}`, apiKey, role, ...(role === 'analyst' ? { mutations: true } : {}) })),
    upstreams: [
      {
        id: FUZZ_UPSTREAMS.commvault,
        kind: 'commvault',
        url: sims.cv.url,
        username: 'admin',
        password: FUZZ_SECRETS.commvaultPassword,
        jobLookup: { timeoutMs: 300, intervalMs: 100 },
      },
      { id: FUZZ_UPSTREAMS.backupDr, kind: 'backupdr', url: sims.bdr.url, bearerToken: FUZZ_SECRETS.backupDrToken, jobLookup: { timeoutMs: 300, intervalMs: 100 } },
    ],
  };
}

const ROOT = new URL('../', import.meta.url);

/** The gateway's schema as codegen printed it, and its trusted documents (`sha256:<hex>` → text). */
export async function loadFuzzTargets(): Promise<{ schema: GraphQLSchema; trusted: Array<[string, string]> }> {
  const [sdl, manifest] = await Promise.all([
    readFile(fileURLToPath(new URL('schema.graphql', ROOT)), 'utf8'),
    readFile(fileURLToPath(new URL('src/generated/operations/persisted-documents.json', ROOT)), 'utf8'),
  ]);
  return { schema: buildSchema(sdl), trusted: Object.entries(JSON.parse(manifest) as Record<string, string>) };
}
