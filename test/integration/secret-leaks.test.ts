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

/**
 * No secret of the config reaches a log line (at trace level), an error, `/metrics` or `Query.upstreams`,
 * whether it is used, refused by the upstream, or rotated: each has a value no other text could hold,
 * and every answer, scrape and log line of a session with failing logins is searched for it (and for its
 * base64 form, which is how Commvault's login carries a password).
 */
const SECRETS = {
  cvPassword: 'Zq7x-cv-service-password',
  cvRotated: 'Zq7x-cv-rotated-password',
  cvWrongPassword: 'Zq7x-cv-wrong-password',
  bdrWrongToken: 'Zq7x-bdr-wrong-token',
  apiKey: 'Zq7x-ops-api-key',
  wrongApiKey: 'Zq7x-not-a-key',
  callerPassword: 'Zq7x-caller-own-password',
  collectorPassword: 'Zq7x-collector-password',
  webhookSecret: 'Zq7x-webhook-hmac-secret',
  smtpPass: 'Zq7x-smtp-password',
};

let dir: string;
let cv: CommvaultSimulator;
let bdr: BackupDrSimulator;
let gateway: Gateway;
let url: string;
const logLines: string[] = [];
const seen: string[] = [];

const file = (name: string, value: string): string => {
  const path = join(dir, name);
  writeFileSync(path, `${value}\n`);
  return path;
};

async function post(apiKey: string, query: string): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query }) });
  const text = await res.text();
  seen.push(text, JSON.stringify([...res.headers]));
  return { status: res.status, body: JSON.parse(text) as never };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bg-leaks-'));
  cv = await startCommvaultSimulator({ port: 0 });
  bdr = await startBackupDrSimulator({ port: 0 });
  const admin = cv.data.users.find((u) => u.userName === 'admin');
  if (!admin) throw new Error('the simulator has no admin user');
  admin.password = SECRETS.cvPassword;
  const config = parseConfig(
    {
      logLevel: 'trace',
      store: { enabled: false },
      server: { port: 0 },
      callers: [
        { id: 'ops', apiKeyFile: file('ops-key', SECRETS.apiKey), role: 'admin' },
        { id: 'acme', apiKey: 'acme-key', role: 'analyst', credentials: { cv: { username: 'acme', passwordFile: file('acme-pw', SECRETS.callerPassword) } } },
      ],
      upstreams: [
        { id: 'cv', kind: 'commvault', url: cv.url, username: 'admin', passwordFile: file('cv-pw', SECRETS.cvPassword) },
        { id: 'cv-bad', kind: 'commvault', url: cv.url, username: 'admin', passwordEnv: 'CV_BAD_PASSWORD', retry: { maxAttempts: 1, baseDelayMs: 0 } },
        { id: 'bdr', kind: 'backupdr', url: bdr.url, bearerTokenFile: file('bdr-token', SECRETS.bdrWrongToken), retry: { maxAttempts: 1, baseDelayMs: 0 } },
      ],
      collectors: { identities: { cv: { username: 'collector', passwordFile: file('collector-pw', SECRETS.collectorPassword) } } },
      notifications: {
        webhooks: [{ name: 'ops', url: 'http://127.0.0.1:9/hook', secretFile: file('hook-secret', SECRETS.webhookSecret) }],
        email: [{ name: 'mail', smtp: { host: '127.0.0.1', port: 9, user: 'alerts', passFile: file('smtp-pass', SECRETS.smtpPass) }, from: 'bg <bg@example.test>', to: ['ops@example.test'] }],
      },
    },
    { CV_BAD_PASSWORD: SECRETS.cvWrongPassword },
  );
  const logger = pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) });
  gateway = await createGateway(config, { logger });
  url = await gateway.listen();
});

afterAll(async () => {
  await gateway?.stop();
  await cv?.close();
  await bdr?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every scalar field of `Upstream`, from introspection, so a field added later is searched too. */
async function upstreamSelection(): Promise<string> {
  const res = await post(SECRETS.apiKey, '{ __type(name: "Upstream") { fields { name args { name } type { kind ofType { kind ofType { kind } } } } } }');
  const fields = (res.body.data?.__type as { fields: { name: string; args: unknown[]; type: { kind: string; ofType?: { kind: string; ofType?: { kind: string } } } }[] }).fields;
  const leaf = (t: { kind: string; ofType?: { kind: string; ofType?: { kind: string } } }): boolean => {
    const kinds = [t.kind, t.ofType?.kind, t.ofType?.ofType?.kind].filter((k) => k !== undefined && k !== 'NON_NULL' && k !== 'LIST');
    return kinds[0] === 'SCALAR' || kinds[0] === 'ENUM';
  };
  return fields.filter((f) => f.args.length === 0 && leaf(f.type)).map((f) => f.name).join(' ');
}

describe('secrets never leave the gateway', () => {
  it('appear in no answer, error, metric or log line, through failing logins and a rotation', async () => {
    const selection = await upstreamSelection();
    expect(selection).toContain('id');
    const upstreams = await post(SECRETS.apiKey, `{ upstreams { ${selection} } }`);
    expect(upstreams.body.errors).toBeUndefined();

    // cv answers; cv-bad's login is refused; the console refuses the token.
    const plans = await post(SECRETS.apiKey, '{ commvaultPlans { name } }');
    // cv's plans stand beside cv-bad's error (partial data).
    expect(plans.body.errors?.length).toBeGreaterThan(0);
    expect((plans.body.data?.commvaultPlans as unknown[]).length).toBeGreaterThan(0);
    const console = await post(SECRETS.apiKey, '{ backupDr(upstream: "bdr") { organizations { totalCount } } }');
    expect(console.body.errors?.length).toBeGreaterThan(0);
    // The caller's own credential is refused by the CommServe.
    const own = await post('acme-key', '{ commvaultPlans(upstream: "cv") { name } }');
    expect(own.body.errors?.length).toBeGreaterThan(0);
    // A key nobody has.
    const stranger = await post(SECRETS.wrongApiKey, '{ upstreams { id } }');
    expect(stranger.status).toBe(401);

    // A rotation: logged, and the next login takes the new password.
    const admin = cv.data.users.find((u) => u.userName === 'admin');
    if (admin) admin.password = SECRETS.cvRotated;
    file('cv-pw', SECRETS.cvRotated);
    gateway.reloadSecrets();
    cv.setFaults({ expireAllTokens: true });
    const rotated = await post(SECRETS.apiKey, '{ commvaultPlans(upstream: "cv") { name } }');
    expect(rotated.body.errors).toBeUndefined();
    expect(logLines.some((l) => l.includes('secret reloaded'))).toBe(true);

    const metrics = await fetch(`${url}/metrics`);
    seen.push(await metrics.text());
    // What was logged mentions the failures (so the search below looked at the right lines).
    expect(logLines.join('').length).toBeGreaterThan(0);

    const haystacks = [...seen, ...logLines];
    for (const [name, value] of Object.entries(SECRETS)) {
      for (const form of [value, Buffer.from(value, 'utf8').toString('base64')]) {
        const found = haystacks.find((h) => h.includes(form));
        expect(found, `${name} leaked`).toBeUndefined();
      }
    }
  });
});
