import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackupDrSimulator } from '../../../simulators/backupdr/index.js';
import { SERVICE_ACCOUNTS } from '../../../simulators/backupdr/data/security.js';
import { startGoogleTokenSimulator } from '../../../simulators/google/index.js';
import type { StartedDemo } from '../product.js';

/** The account whose key file the demo gateway holds; it impersonates the console's admin account. */
export const DEMO_MINTER = 'demo-minter@backupdr-demo.iam.gserviceaccount.com';

/** Stands in for the key file's path in the parsed config until `configure` writes the real one. */
export const DEMO_KEY_FILE_PLACEHOLDER = '(written when the demo simulators start)';

/**
 * A console whose gateway mints its Google tokens (auth.google) as in production, against a local
 * Google token service: a key file made at start (a fresh RSA key in a temporary directory, removed at
 * close) for DEMO_MINTER, which impersonates the console's admin account. The console also still takes
 * the fixed demo bearers, so `npm run simulators` users can call it by hand.
 */
export async function startMintingConsole(options: { port: number; latencyMs: number; seed: number }): Promise<StartedDemo> {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const dir = await mkdtemp(join(tmpdir(), 'backup-graph-demo-'));
  const keyFile = join(dir, 'demo-minter.json');
  await writeFile(keyFile, JSON.stringify({ type: 'service_account', client_email: DEMO_MINTER, private_key: keys.privateKey, private_key_id: 'demo' }), { mode: 0o600 });
  const google = await startGoogleTokenSimulator({ serviceAccounts: [...Object.values(SERVICE_ACCOUNTS), DEMO_MINTER], keys: { [DEMO_MINTER]: keys.publicKey } });
  const console = await startBackupDrSimulator({ ...options, google: { issuer: google.issuer } }).catch(async (error: unknown) => {
    await google.close();
    throw error;
  });
  // The console simulator itself, so tests keep its controls (port, reset, data…), with the token service
  // started beside it closed alongside and the upstream pointed at both.
  const closeConsole = console.close.bind(console);
  return Object.assign(console, {
    configure(upstream: Parameters<NonNullable<StartedDemo['configure']>>[0]) {
      const auth = upstream.auth?.google;
      if (!auth) return;
      auth.keyFile = keyFile;
      auth.iamEndpoint = google.url;
      auth.tokenEndpoint = `${google.url}/token`;
    },
    async close() {
      await Promise.allSettled([closeConsole(), google.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  });
}
