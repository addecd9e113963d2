import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { freePort } from '../helpers/free-port.js';
import { waitUntilReady } from '../helpers/child-ready.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const PLANS = '{ commvaultPlans { name } }';

/**
 * The gateway as `npm start` runs it, its CommServe password in a file: the password is rotated (file
 * and CommServe) and the process gets SIGHUP while a query is running. The query finishes, the next
 * login uses the new password, and the same process (same pid) goes on serving.
 */
describe('a password rotated in its file, then SIGHUP (child process)', () => {
  let cv: CommvaultSimulator;
  let dir: string;
  let child: ChildProcess | undefined;
  let output = '';
  let url = '';

  beforeAll(async () => {
    cv = await startCommvaultSimulator({ port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'bg-sighup-'));
    const port = await freePort();
    const passwordFile = join(dir, 'cv-password');
    await writeFile(passwordFile, 'admin\n');
    const config = {
      server: { port, host: '127.0.0.1', playground: false },
      logLevel: 'info',
      store: { enabled: false },
      callers: [{ id: 'ops', apiKey: 'key-ops', role: 'analyst' }],
      cache: { ttlMs: { inventory: 0 } },
      upstreams: [{ id: 'cv-main', kind: 'commvault', url: cv.url, username: 'admin', passwordFile }],
    };
    const file = join(dir, 'config.json');
    await writeFile(file, JSON.stringify(config));
    const env: NodeJS.ProcessEnv = { ...process.env, BACKUP_GRAPH_CONFIG: file };
    delete env.PORT;
    delete env.REDIS_URL;
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    url = `http://127.0.0.1:${port}`;
    await waitUntilReady(child, url, () => output, 60_000);
  }, 90_000);

  afterAll(async () => {
    if (child?.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    await cv?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const plans = async () => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer key-ops' }, body: JSON.stringify({ query: PLANS }) });
    return (await res.json()) as { data?: { commvaultPlans: { name: string }[] }; errors?: unknown[] };
  };

  it('lets the running query finish, logs in with the new password, and keeps the same process', async () => {
    const pid = child?.pid;
    expect((await plans()).errors).toBeUndefined();
    expect(cv.calls('POST /Login')).toBe(1);

    cv.setFaults({ latencyMs: 1500 });
    const inFlight = plans();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const admin = cv.data.users.find((u) => u.userName === 'admin');
    if (!admin) throw new Error('the simulator has no admin user');
    admin.password = 'rotated-by-hup';
    await writeFile(join(dir, 'cv-password'), 'rotated-by-hup\n');
    process.kill(pid as number, 'SIGHUP');
    expect((await inFlight).errors).toBeUndefined();
    cv.reset();

    const after = await plans();
    expect(after.errors).toBeUndefined();
    expect(after.data?.commvaultPlans.map((p) => p.name).sort()).toEqual(cv.data.plans.map((p) => p.planName).sort());
    // A login, with the new password (the CommServe refuses the old one now).
    expect(cv.calls('POST /Login')).toBe(1);
    expect(child?.pid).toBe(pid);
    expect(child?.exitCode).toBeNull();
    expect(output).toContain('SIGHUP: rereading secret files');
    expect(output).not.toContain('rotated-by-hup');
  }, 30_000);
});
