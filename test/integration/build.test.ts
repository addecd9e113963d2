import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeDemoPorts } from '../helpers/demo-estate.js';
import { freePort } from '../helpers/free-port.js';

const ROOT = new URL('../..', import.meta.url).pathname;
/** Not dist/: `npm start` prefers a fresh dist/, and another test file may be starting it right now. */
const OUT_DIR = 'test-artifacts/build';

/**
 * What `npm run build` does (tsc with tsconfig.build.json, the run-time assets, the dashboard bundle), into its own
 * directory, and the compiled gateway started with plain node: ESM imports resolve, the simulators the
 * demo imports are compiled too, the manifest and the playground's examples are found.
 */
describe('the compiled build', () => {
  let child: ChildProcess | undefined;
  let url: string;
  let output = '';

  beforeAll(async () => {
    await rm(`${ROOT}${OUT_DIR}`, { recursive: true, force: true });
    await promisify(execFile)('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json', '--outDir', OUT_DIR], { cwd: ROOT });
    await promisify(execFile)('node', ['scripts/copy-build-assets.mjs', OUT_DIR], { cwd: ROOT });
    await promisify(execFile)('node_modules/.bin/tsx', ['scripts/bundle-dashboard.ts', `${OUT_DIR}/src/generated/dashboard`], { cwd: ROOT });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, ...(await freeDemoPorts()).env, NODE_ENV: 'production', PORT: String(port), LOG_LEVEL: 'info' };
    delete env.BACKUP_GRAPH_CONFIG;
    child = spawn('node', [`${OUT_DIR}/src/server.js`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 40_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`compiled gateway exited with ${child.exitCode}: ${output.slice(0, 2000)}`);
      if (Date.now() > deadline) throw new Error('compiled gateway did not become ready in time');
      const ok = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves GraphQL, the playground, the dashboard and the probes from dist, and names the playground in its start line', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-analyst' },
      body: JSON.stringify({ query: '{ jobs(first: 2) { totalCount } }' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { jobs: { totalCount: number } } }).data.jobs.totalCount).toBeGreaterThan(0);
    expect((await fetch(`${url}/playground`)).status).toBe(200);
    const dashboard = await (await fetch(`${url}/dashboard`)).text();
    const script = /<script src="([^"]+)"/.exec(dashboard)?.[1];
    expect(script).toMatch(/^\/dashboard\/assets\/dashboard\.[0-9a-f]{10}\.js$/);
    expect((await fetch(`${url}${script}`)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(output).toContain(`"playground":"${url}/playground"`);
  });

  it('matches lazy lists on its worker thread, started from the compiled worker beside it', async () => {
    // The compiled module, in a plain node process: no tsx to fall back on.
    const script = `
      const { listBoundsWorker } = await import(${JSON.stringify(`${ROOT}${OUT_DIR}/src/datasources/pipeline/list-bounds-off-thread.js`)});
      const text = JSON.stringify({ total: 3, jobs: Array.from({ length: 500 }, (_, i) => ({ jobId: i, name: 'n'.repeat(80) })) });
      const deadline = Date.now() + 20000;
      for (;;) {
        const bytes = Buffer.alloc(Buffer.byteLength(text));
        bytes.write(text);
        const pending = listBoundsWorker.find(bytes, new Set(['jobs']));
        if (pending) {
          const matched = await pending;
          console.log(JSON.stringify({ items: matched.lists[0].items.length, same: matched.bytes.toString() === text }));
          break;
        }
        if (Date.now() > deadline) throw new Error('the worker never took a list');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }`;
    const { stdout } = await promisify(execFile)('node', ['--input-type=module', '-e', script], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual({ items: 1000, same: true });
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child!.once('close', (code) => resolve(code)));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('backup-graph stopped');
  });
});
