import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';

/** The README's first query, taken from the README itself so the two cannot drift apart. */
async function readmeFirstQuery(): Promise<{ body: string; apiKey: string }> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const curl = /curl -s http:\/\/127\.0\.0\.1:4000\/graphql[\s\S]*?-d '(.+?)'\n/.exec(readme);
  const key = /authorization: Bearer ([\w-]+)/.exec(readme);
  if (!curl?.[1] || !key?.[1]) throw new Error('README has no first query in the expected curl form');
  return { body: curl[1], apiKey: key[1] };
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited early with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('gateway did not become ready in time');
}

describe('npm start on a fresh clone', () => {
  let child: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    const [port, simPort, bdrSimPort] = [await freePort(), await freePort(), await freePort()];
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), COMMVAULT_SIM_PORT: String(simPort), BACKUPDR_SIM_PORT: String(bdrSimPort), LOG_LEVEL: 'info' };
    delete env.BACKUP_GRAPH_CONFIG;
    child = spawn('npm', ['start', '--silent'], { cwd: new URL('../..', import.meta.url).pathname, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitForReady(url, child, 45_000);
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the README’s first query from the built-in simulator', async () => {
    const { body, apiKey } = await readmeFirstQuery();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body,
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { data?: { jobs: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> } }; errors?: unknown };
    expect(json.errors).toBeUndefined();
    expect(json.data?.jobs.totalCount).toBeGreaterThan(1000);
    expect(json.data?.jobs.edges).toHaveLength(5);
    for (const { node } of json.data!.jobs.edges) {
      expect(node).toMatchObject({ id: expect.any(String), status: expect.any(String) });
      // The demo's console jobs (BackupDrJob) merge into the same list; the query selects Commvault fields only.
      if (!('jobId' in node)) continue;
      expect(node.jobId).toEqual(expect.any(Number));
      expect((node.client as { name: string }).name).toMatch(/\S/);
    }
  });

  it('answers /healthz and /metrics', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('backup_graph_upstream_requests_total');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      // 'close' waits for every holder of the output pipes, i.e. the gateway under npm, to be gone too.
      child.once('close', (code, signal) => resolve([code, signal])),
    );
    // npm forwards the signal to the gateway it started and, once that has exited, ends by the same signal.
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(output).toContain('backup-graph stopped');
    expect(output).not.toMatch(/failed|error/i);
    expect(output).not.toMatch(/QSDK [0-9a-f]/i);
  });
});
