import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { within } from '../helpers/within.js';

/**
 * A service-account password from a file (`passwordFile`), rotated while the gateway runs: the file is
 * rewritten and the simulator's user given the new password; queries already running finish on the
 * old session, and the next login uses the new password, without a restart.
 */
const NO_CACHE = { ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 } };
const PLANS = '{ commvaultPlans { name } }';

let dir: string;
let file: string;
let sim: CommvaultSimulator;
let gw: TestGateway;

function rotate(password: string): void {
  const admin = sim.data.users.find((u) => u.userName === 'admin');
  if (!admin) throw new Error('the simulator has no admin user');
  admin.password = password;
  writeFileSync(file, `${password}\n`);
}

async function plans() {
  return (await gw.query<{ commvaultPlans: { name: string }[] }>(PLANS)).body;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bg-secret-'));
  file = join(dir, 'cv-password');
  writeFileSync(file, 'admin\n');
  sim = await startCommvaultSimulator({ port: 0 });
  gw = await startTestGateway({ upstreams: [commvaultUpstream('cv', sim.url, { password: undefined, passwordFile: file })], cache: NO_CACHE });
});

afterAll(async () => {
  await gw?.close();
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a password rotated in its file', () => {
  it('lets queries in flight finish and is used by the next login', async () => {
    const first = await plans();
    expect(first.errors).toBeUndefined();
    expect(sim.calls('POST /Login')).toBe(1);

    sim.setFaults({ latencyMs: 1500 });
    const inFlight = plans();
    await new Promise((resolve) => setTimeout(resolve, 300));
    rotate('rotated-1');
    // Running on the session logged in with the old password: it finishes.
    expect((await inFlight).errors).toBeUndefined();
    sim.reset();

    // The file is polled: within a few seconds a query logs in again, with the new password (the
    // simulator refuses the old one now, so a login with it would fail the query).
    await within(5000, async () => {
      expect((await plans()).errors).toBeUndefined();
      return sim.calls('POST /Login') > 0;
    });
    expect(sim.calls('POST /Login')).toBe(1);
  });

  it('is reread on demand (SIGHUP) as well', async () => {
    rotate('rotated-2');
    gw.gateway.reloadSecrets();
    sim.reset();
    const body = await plans();
    expect(body.errors).toBeUndefined();
    expect(body.data?.commvaultPlans.map((p) => p.name).sort()).toEqual(sim.data.plans.map((p) => p.planName).sort());
    expect(sim.calls('POST /Login')).toBe(1);
  });
});
