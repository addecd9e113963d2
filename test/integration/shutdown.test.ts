import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { freePort } from '../helpers/free-port.js';
import { waitUntilReady } from '../helpers/child-ready.js';

type BackupDrSimulator = Awaited<ReturnType<typeof startBackupDrSimulator>>;

const ROOT = new URL('../..', import.meta.url).pathname;
/** Each caller logs in under its own upstream identity: 3 CommServe tokens and 4 console sessions in all. */
const CALLERS = [
  { id: 'ops', apiKey: 'key-ops', role: 'analyst' },
  { id: 'acme', apiKey: 'key-acme', role: 'analyst', credentials: { 'cv-main': { username: 'acme', password: 'acme' }, 'bdr-main': { bearerToken: 'org-a-token' } } },
  { id: 'globex', apiKey: 'key-globex', role: 'analyst', credentials: { 'cv-main': { username: 'globex', password: 'globex' }, 'bdr-main': { bearerToken: 'org-b-token' } } },
  { id: 'auditor', apiKey: 'key-auditor', role: 'analyst', credentials: { 'bdr-main': { bearerToken: 'readonly-token' } } },
];
const QUERY = '{ jobs(first: 3) { totalCount edges { node { id status } } } }';

/**
 * The gateway as `npm start` runs it (`node --import tsx src/server.ts`), alone in its own process
 * group, against simulators running here so that their sessions can be counted. Each signal is sent
 * twice, 20 ms apart, as an impatient supervisor (or a signal relayed by a wrapper) would.
 */
describe('shutdown on SIGTERM/SIGINT (child process, simulators outside it)', () => {
  let cv: CommvaultSimulator;
  let bdr: BackupDrSimulator;
  let dir: string;
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    // Every upstream call takes 150 ms: a request is still running when the signals arrive, and logouts take time.
    cv = await startCommvaultSimulator({ latencyMs: 150 });
    bdr = await startBackupDrSimulator({ latencyMs: 150 });
    dir = await mkdtemp(join(tmpdir(), 'bg-shutdown-'));
  });
  afterAll(async () => {
    await cv?.close();
    await bdr?.close();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    if (child?.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
  });

  async function startGateway(): Promise<{ url: string; exited: Promise<[number | null, NodeJS.Signals | null]> }> {
    const port = await freePort();
    const config = {
      server: { port, host: '127.0.0.1', playground: false },
      logLevel: 'info',
      // The sessions counted below are the callers'; collectors (on with a store) would open their own.
      collectors: { enabled: false },
      callers: CALLERS,
      upstreams: [
        { id: 'cv-main', kind: 'commvault', url: cv.url, username: 'admin', password: 'admin' },
        { id: 'bdr-main', kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' },
      ],
    };
    const file = join(dir, `config-${port}.json`);
    await writeFile(file, JSON.stringify(config));
    output = '';
    const env: NodeJS.ProcessEnv = { ...process.env, BACKUP_GRAPH_CONFIG: file };
    delete env.PORT;
    delete env.REDIS_URL;
    // The command `npm start` execs, in a process group of its own as a supervisor would start it.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const c = child;
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => c.once('close', (code, signal) => resolve([code, signal])));
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(c, url, () => output, 45_000);
    return { url, exited };
  }

  const query = (url: string, apiKey: string) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query: QUERY }) });

  it.each([
    ['SIGTERM', 'SIGTERM'],
    ['SIGINT', 'SIGTERM'],
  ] as const)(
    'on %s then %s to the process group at once: finishes the running request, logs out every session, exits 0',
    async (first, second) => {
      cv.reset();
      bdr.reset();
      const { url, exited } = await startGateway();
      for (const c of CALLERS) expect((await query(url, c.apiKey)).status).toBe(200);
      expect(cv.liveTokens()).toBe(3);
      expect(bdr.liveSessions()).toBe(4);

      const running = query(url, 'key-ops');
      await new Promise((r) => setTimeout(r, 50));
      const pid = child!.pid!;
      // What a supervisor killing a replica's process group does, impatient: every process gets each signal.
      process.kill(-pid, first);
      await new Promise((r) => setTimeout(r, 20));
      process.kill(-pid, second);

      // Stopped accepting while the running request drains: a new request is refused (a connection kept
      // alive from before gets fastify's 503 while closing).
      await new Promise((r) => setTimeout(r, 30));
      const late = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer key-ops' }, body: JSON.stringify({ query: QUERY }) }).then(
        (r) => r.status,
        () => 'refused',
      );
      expect([503, 'refused']).toContain(late);

      const res = await running;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data?: unknown }).data).toBeTruthy();
      const [code, signal] = await exited;
      expect({ code, signal }, output).toEqual({ code: 0, signal: null });
      expect(cv.liveTokens()).toBe(0);
      expect(bdr.liveSessions()).toBe(0);
      // New connections are refused once it has stopped.
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    },
    60_000,
  );
});
