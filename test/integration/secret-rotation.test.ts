import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { within } from '../helpers/within.js';
import { commvaultUpstream, startTestGateway } from '../helpers/gateway.js';
import { createTestPki } from '../helpers/test-pki.js';

/**
 * Every kind of credential read from a file, rotated while the gateway runs (upstream-password-file.test.ts
 * does the service-account password): a console's bearer token (`bearerTokenFile`), a caller's API key
 * (`apiKeyFile`), a caller's own upstream password (`credentials.*.passwordFile`) and a password whose
 * `passwordEnv` variable is unset but its `…_FILE` twin names the file. Each applies from its next use;
 * a query in flight finishes; the same gateway (and process) serves throughout.
 */
const NO_CACHE = { ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 } };

let dir: string;
let cv: CommvaultSimulator;
let bdr: BackupDrSimulator;
let gateway: Gateway;
let url: string;
const file = (name: string, value: string): string => {
  const path = join(dir, name);
  writeFileSync(path, `${value}\n`);
  return path;
};

async function query<T>(apiKey: string, text: string): Promise<{ status: number; body: { data?: T; errors?: { extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query: text }) });
  return { status: res.status, body: (await res.json()) as never };
}

const ORGS = '{ backupDr(upstream: "bdr") { organizations { totalCount } } }';
const PLANS = '{ commvaultPlans(upstream: "cv") { name } }';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bg-rotate-'));
  cv = await startCommvaultSimulator({ port: 0 });
  bdr = await startBackupDrSimulator({ port: 0 });
  const config = parseConfig(
    {
      logLevel: 'silent',
      store: { enabled: false },
      server: { port: 0 },
      cache: NO_CACHE,
      callers: [
        { id: 'ops', apiKeyFile: file('ops-key', 'key-one'), role: 'analyst' },
        // Signs in to the CommServe as the company user acme, its password from a file.
        { id: 'acme', apiKey: 'acme-key', role: 'analyst', credentials: { cv: { username: 'acme', passwordFile: file('acme-pw', 'acme') } } },
      ],
      upstreams: [
        { id: 'cv', kind: 'commvault', url: cv.url, username: 'admin', passwordEnv: 'CV_ADMIN_PASSWORD' },
        { id: 'bdr', kind: 'backupdr', url: bdr.url, bearerTokenFile: file('bdr-token', 'org-a-token') },
      ],
    },
    // Docker's convention: the variable itself unset, `<NAME>_FILE` names the file holding the value.
    { CV_ADMIN_PASSWORD_FILE: file('cv-admin-pw', 'admin') },
  );
  gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
  url = await gateway.listen();
});

afterAll(async () => {
  await gateway?.stop();
  await cv?.close();
  await bdr?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('credentials rotated in their files', () => {
  it("a console's bearer token: the next session opens with the new token, a query in flight finishes", async () => {
    const orgA = bdr.data.organizations.filter((o) => o.name === 'OrgA').length;
    const first = await query<{ backupDr: { organizations: { totalCount: number } } }>('key-one', ORGS);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.backupDr.organizations.totalCount).toBe(orgA);

    bdr.setFaults({ latencyMs: 1500 });
    const inFlight = query<{ backupDr: { organizations: { totalCount: number } } }>('key-one', ORGS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    file('bdr-token', 'admin-token');
    gateway.reloadSecrets();
    expect((await inFlight).body.data?.backupDr.organizations.totalCount).toBe(orgA);
    bdr.reset();

    // The admin token sees every organization: the answer can only come from a session opened with it.
    const after = await query<{ backupDr: { organizations: { totalCount: number } } }>('key-one', ORGS);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.backupDr.organizations.totalCount).toBe(bdr.data.organizations.length);
    expect(bdr.data.organizations.length).toBeGreaterThan(orgA);
    expect(bdr.calls('POST /session')).toBe(1);
  });

  it("a caller's API key: the old key is refused and the new one accepted from the next request, while one in flight finishes", async () => {
    cv.setFaults({ latencyMs: 1500 });
    const inFlight = query<{ commvaultPlans: unknown[] }>('key-one', PLANS);
    await new Promise((resolve) => setTimeout(resolve, 300));
    file('ops-key', 'key-two');
    gateway.reloadSecrets();
    expect((await inFlight).body.errors).toBeUndefined();
    cv.reset();
    const old = await query('key-one', PLANS);
    expect(old.status).toBe(401);
    expect(old.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await query('key-two', PLANS)).body.errors).toBeUndefined();
  });

  it('is picked up from the file without a signal (polled) as well', async () => {
    file('ops-key', 'key-three');
    await within(5000, async () => (await query('key-three', PLANS)).status === 200);
    expect((await query('key-two', PLANS)).status).toBe(401);
  });

  it("a caller's own upstream password: its next login uses the new one", async () => {
    const acmePlans = cv.data.plans.filter((p) => p.companyId === 1).map((p) => p.planName).sort();
    const first = await query<{ commvaultPlans: { name: string }[] }>('acme-key', PLANS);
    expect(first.body.data?.commvaultPlans.map((p) => p.name).sort()).toEqual(acmePlans);

    const acme = cv.data.users.find((u) => u.userName === 'acme');
    if (!acme) throw new Error('the simulator has no acme user');
    acme.password = 'acme-rotated';
    file('acme-pw', 'acme-rotated');
    gateway.reloadSecrets();
    cv.reset();
    cv.setFaults({ expireAllTokens: true }); // the old session ends: only a login with the new password answers
    const after = await query<{ commvaultPlans: { name: string }[] }>('acme-key', PLANS);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.commvaultPlans.map((p) => p.name).sort()).toEqual(acmePlans);
    expect(cv.calls('POST /Login')).toBeGreaterThanOrEqual(1);
  });

  it('a password from the file a `…_FILE` variable names: the next login uses the new one', async () => {
    const admin = cv.data.users.find((u) => u.userName === 'admin');
    if (!admin) throw new Error('the simulator has no admin user');
    admin.password = 'admin-rotated';
    file('cv-admin-pw', 'admin-rotated');
    gateway.reloadSecrets();
    cv.reset();
    const after = await query<{ commvaultPlans: { name: string }[] }>('key-three', PLANS);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.commvaultPlans.map((p) => p.name).sort()).toEqual(cv.data.plans.map((p) => p.planName).sort());
    expect(cv.calls('POST /Login')).toBe(1);
  });
});

describe("an upstream's TLS certificate authority rotated in its file", () => {
  it('is refused under the old authority and reached under the new one, on a new connection pool, without a restart', async () => {
    const pki = createTestPki();
    const stranger = createTestPki('stranger CA');
    const server = pki.issue('server', ['commserve.test'], 'serverAuth');
    const tlsSim = await startCommvaultSimulator({ port: 0, tls: { cert: server.cert, key: server.key } });
    const caFile = file('ca.pem', stranger.ca.cert);
    const gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-tls', tlsSim.url, { tls: { ca: caFile, servername: 'commserve.test' } })] });
    try {
      const before = await gw.query(PLANS.replace('"cv"', '"cv-tls"'));
      expect(before.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TLS');
      file('ca.pem', pki.ca.cert);
      gw.gateway.reloadSecrets();
      const after = await gw.query<{ commvaultPlans: { name: string }[] }>(PLANS.replace('"cv"', '"cv-tls"'));
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data?.commvaultPlans.map((p) => p.name).sort()).toEqual(tlsSim.data.plans.map((p) => p.planName).sort());
    } finally {
      await gw.close();
      await tlsSim.close();
      pki.remove();
      stranger.remove();
    }
  });
});
