import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { SERVICE_ACCOUNTS } from '../../simulators/backupdr/data/security.js';
import { startGoogleTokenSimulator, type GoogleTokenSimulator } from '../../simulators/google/index.js';
import { parseConfig } from '../../src/config/load.js';
import { googleMint } from '../../src/datasources/backupdr/auth/google-mint.js';
import { MintingTokenSource } from '../../src/datasources/backupdr/auth/token-source.js';
import type { BackupDrSource } from '../../src/datasources/backupdr/backupdr-source.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { consoleSource } from '../helpers/console-source.js';
import { failure } from '../helpers/failure.js';

const BDR = 'bdr-google';
const ADMIN = SERVICE_ACCOUNTS.admin;
/** The account of the key file: it impersonates the console's service account. */
const MINTER = 'minter@backupdr-demo.iam.gserviceaccount.com';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const dir = mkdtempSync(join(tmpdir(), 'gtokens-'));
/** A service-account key file as Google issues them; its key signs the JWT-bearer grant. */
function keyFile(email: string): string {
  const path = join(dir, `${email.split('@')[0]}.json`);
  writeFileSync(path, JSON.stringify({ type: 'service_account', client_email: email, private_key: keys.privateKey, private_key_id: 'k1', project_id: 'backupdr-demo' }));
  return path;
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Google's token endpoints and a console that takes what they mint. */
async function estate(options: { lifetimeMs?: number; oauth2ClientId?: string } = {}): Promise<{ google: GoogleTokenSimulator; console: BackupDrSimulator; refused: Set<string> }> {
  const google = await startGoogleTokenSimulator({
    lifetimeMs: options.lifetimeMs ?? 60 * 60_000,
    serviceAccounts: [...Object.values(SERVICE_ACCOUNTS), MINTER],
    keys: { [MINTER]: keys.publicKey, [ADMIN]: keys.publicKey },
  });
  const refused = new Set<string>();
  const console = await startBackupDrSimulator({ google: { issuer: google.issuer, oauth2ClientId: options.oauth2ClientId, refused } });
  return { google, console, refused };
}

/** The google settings that mint locally: key file → local OAuth token endpoint, impersonation → local IAM. */
function googleAuth(google: GoogleTokenSimulator, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { keyFile: keyFile(MINTER), serviceAccount: ADMIN, iamEndpoint: google.url, tokenEndpoint: `${google.url}/token`, ...extra };
}

/** The service account's source for a console configured with `auth.google`. */
function rig(sim: BackupDrSimulator, google: Record<string, unknown>): { source: BackupDrSource; close(): Promise<void> } {
  return consoleSource({ id: BDR, url: sim.url, auth: { google }, retry: { maxAttempts: 1, baseDelayMs: 0 } });
}

describe('Google-minted console tokens', () => {
  let google: GoogleTokenSimulator;
  let sim: BackupDrSimulator;
  let refused: Set<string>;
  /** generateAccessToken calls since the test began. */
  let mints: () => number;

  beforeAll(async () => {
    ({ google, console: sim, refused } = await estate());
  });
  afterAll(async () => {
    await sim?.close();
    await google?.close();
  });
  beforeEach(() => {
    sim.reset();
    refused.clear();
    const before = google.calls('generateAccessToken');
    mints = () => google.calls('generateAccessToken') - before;
  });

  it('mints one token and opens one session for 20 concurrent first calls', async () => {
    const r = rig(sim, googleAuth(google));
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => r.source.list('cluster', { offset: i % 2, limit: 1 + i })));
    expect(pages.every((p) => p.items.length > 0)).toBe(true);
    expect(mints()).toBe(1);
    expect(sim.calls('POST /session')).toBe(1);
    await r.close();
  });

  it('the token source mints once for 20 concurrent callers of the real library (impersonation does not deduplicate)', async () => {
    const tokens = new MintingTokenSource({ mint: googleMint(BDR, parseGoogle(googleAuth(google))) });
    const got = await Promise.all(Array.from({ length: 20 }, () => tokens.token()));
    expect(new Set(got.map((t) => t.value)).size).toBe(1);
    expect(mints()).toBe(1);
  });

  it('a console 401 forces one new token and one new session, then the call goes once more', async () => {
    const r = rig(sim, googleAuth(google));
    await r.source.list('cluster', {});
    sim.setFaults({ expireAllTokens: true }); // every console session ends
    const page = await r.source.list('cluster', { offset: 1 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(mints()).toBe(2);
    expect(sim.calls('POST /session')).toBe(2);
    expect(sim.calls('GET /cluster')).toBe(3);
    await r.close();
  });

  it('a 401 again after the new token and session is UPSTREAM_AUTH', async () => {
    const r = rig(sim, googleAuth(google));
    await r.source.list('cluster', {});
    refused.add(ADMIN); // the console no longer takes the account's tokens; Google still mints them
    const error = await failure(r.source.list('cluster', { offset: 1 }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_AUTH);
    expect(error.upstream).toEqual({ instance: BDR, status: 401 });
    expect(mints()).toBe(2);
    expect(sim.calls('POST /session')).toBe(2);
    await r.close();
  });

  it('a write that meets a 401 is not sent again: UPSTREAM_UNCERTAIN, and the next call has a new token and session', async () => {
    const r = rig(sim, googleAuth(google));
    const job = sim.data.jobs.find((j) => j.status === 'running')!;
    await r.source.list('cluster', {});
    sim.setFaults({ expireAllTokens: true });
    const error = await failure(r.source.cancelJob(job.id));
    // A console's 401 does not say whether the write ran: the caller is told it may have.
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNCERTAIN);
    expect(sim.calls('PUT /job/{id}')).toBe(1);
    await r.source.list('cluster', { offset: 1 });
    expect(mints()).toBe(2);
    expect(sim.calls('POST /session')).toBe(2);
    await r.close();
  });

  it('a mint failure is UPSTREAM_AUTH carrying Google\'s message, and nothing reaches the console', async () => {
    google.deny(ADMIN);
    try {
      const r = rig(sim, googleAuth(google));
      const error = await failure(r.source.list('cluster', {}));
      expect(error.code).toBe(ErrorCode.UPSTREAM_AUTH);
      expect(error.message).toContain("Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).");
      expect(error.message).not.toMatch(/https?:\/\//);
      expect(sim.calls('POST /session')).toBe(0);
      await r.close();
    } finally {
      google.deny(ADMIN, false);
    }
  });

  it('a missing key file is UPSTREAM_AUTH without its path, and is read again on the next call once it is there', async () => {
    const path = join(dir, 'later.json');
    const r = rig(sim, { ...googleAuth(google), keyFile: path });
    const error = await failure(r.source.list('cluster', {}));
    expect(error.code).toBe(ErrorCode.UPSTREAM_AUTH);
    expect(error.message).toContain('ENOENT');
    expect(error.message).not.toContain(dir);
    writeFileSync(path, readFileSync(keyFile(MINTER)));
    expect((await r.source.list('cluster', {})).items.length).toBeGreaterThan(0);
    await r.close();
  });

  it('a key file of the console account itself mints through the OAuth token endpoint, without impersonation', async () => {
    const exchanges = google.calls('token');
    const r = rig(sim, { keyFile: keyFile(ADMIN), tokenEndpoint: `${google.url}/token` });
    expect((await r.source.list('cluster', {})).items.length).toBeGreaterThan(0);
    expect(google.calls('token')).toBe(exchanges + 1);
    expect(mints()).toBe(0);
    await r.close();
  });
});

describe('Google-minted console tokens with a short lifetime', () => {
  let google: GoogleTokenSimulator;
  let sim: BackupDrSimulator;

  beforeAll(async () => {
    ({ google, console: sim } = await estate({ lifetimeMs: 1_500 }));
  });
  afterAll(async () => {
    await sim?.close();
    await google?.close();
  });

  it('replaces an expiring token before using it, with a new session, so no call meets a 401', async () => {
    const r = rig(sim, googleAuth(google));
    await r.source.list('cluster', {});
    await new Promise((resolve) => setTimeout(resolve, 1_700)); // past the first token's life
    await r.source.list('cluster', { offset: 1 });
    expect(google.calls('generateAccessToken')).toBe(2);
    expect(sim.calls('POST /session')).toBe(2);
    // Each call went once: none was refused and sent again.
    expect(sim.calls('GET /cluster')).toBe(2);
    await r.close();
  });

  it('a query stream over several token lifetimes sees no error, and opens a session only for each new token', async () => {
    const r = rig(sim, googleAuth(google));
    const mintsBefore = google.calls('generateAccessToken');
    const sessionsBefore = sim.calls('POST /session');
    const until = Date.now() + 5_000; // over three token lifetimes
    let calls = 0;
    while (Date.now() < until) {
      // A new offset each time: no cache hit, every call reaches the console with the current token.
      await r.source.list('cluster', { offset: calls });
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const mints = google.calls('generateAccessToken') - mintsBefore;
    expect(mints).toBeGreaterThanOrEqual(3);
    expect(sim.calls('POST /session') - sessionsBefore).toBe(mints);
    await r.close();
  });
});

describe('Google-minted ID tokens (agm- consoles)', () => {
  let google: GoogleTokenSimulator;
  let sim: BackupDrSimulator;

  beforeAll(async () => {
    ({ google, console: sim } = await estate({ oauth2ClientId: 'console-client-id.apps.googleusercontent.com' }));
  });
  afterAll(async () => {
    await sim?.close();
    await google?.close();
  });
  beforeEach(() => sim.reset());

  it('mints an ID token for the console\'s OAuth client id, which the console takes', async () => {
    const before = google.calls('generateIdToken');
    const r = rig(sim, googleAuth(google, { token: 'id', audience: 'console-client-id.apps.googleusercontent.com' }));
    expect((await r.source.list('cluster', {})).items.length).toBeGreaterThan(0);
    expect(google.calls('generateIdToken')).toBe(before + 1);
    await r.close();
  });

  it('an ID token for another audience is refused at login: UPSTREAM_AUTH after one mint', async () => {
    const before = google.calls('generateIdToken');
    const r = rig(sim, googleAuth(google, { token: 'id', audience: 'some-other-client' }));
    const error = await failure(r.source.list('cluster', {}));
    expect(error.code).toBe(ErrorCode.UPSTREAM_AUTH);
    expect(google.calls('generateIdToken')).toBe(before + 1);
    expect(sim.calls('POST /session')).toBe(1);
    await r.close();
  });

  it('an access token is refused by a console that takes ID tokens', async () => {
    const r = rig(sim, googleAuth(google));
    expect((await failure(r.source.list('cluster', {}))).code).toBe(ErrorCode.UPSTREAM_AUTH);
    await r.close();
  });
});

function parseGoogle(google: Record<string, unknown>) {
  const config = parseConfig({ upstreams: [{ id: BDR, kind: 'backupdr', url: 'http://127.0.0.1:1/actifio', auth: { google } }], logLevel: 'silent' }, {});
  return config.upstreams[0]!.auth!.google!;
}
