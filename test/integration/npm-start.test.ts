import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_TENANT_BUDGET } from '../../simulators/commvault/index.js';
import { DEMO_ESTATE, freeDemoPorts } from '../helpers/demo-estate.js';
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

type GraphAnswer<T> = { data?: T; errors?: Array<{ message: string }> };

describe('npm start on a fresh clone', () => {
  let child: ChildProcess;
  let url: string;
  let output = '';
  /** The port each demo simulator was told to use, by upstream id (free ports, not the defaults). */
  let simPorts: Map<string, number>;

  const graphql = async <T>(apiKey: string, query: string): Promise<GraphAnswer<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as GraphAnswer<T>;
  };

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const demo = await freeDemoPorts();
    simPorts = demo.ports;
    const env: NodeJS.ProcessEnv = { ...process.env, ...demo.env, PORT: String(port), LOG_LEVEL: 'info' };
    delete env.BACKUP_GRAPH_CONFIG;
    child = spawn('npm', ['start', '--silent'], { cwd: new URL('../..', import.meta.url).pathname, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitForReady(url, child, 45_000);
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the README’s first query: the five demo upstreams, and failed jobs of several of them in one list', async () => {
    const { body, apiKey } = await readmeFirstQuery();
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body,
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as GraphAnswer<{
      upstreams: Array<{ id: string; kind: string }>;
      jobs: { totalCount: number; edges: Array<{ node: { id: string; status: string; startedAt: string; upstream: { id: string } } }> };
    }>;
    expect(json.errors).toBeUndefined();
    expect(json.data?.upstreams).toEqual(DEMO_ESTATE.map(({ id, kind }) => ({ id, kind })));
    const nodes = json.data!.jobs.edges.map((e) => e.node);
    expect(nodes).toHaveLength(10);
    for (const node of nodes) expect(node).toMatchObject({ id: expect.any(String), status: 'FAILED', startedAt: expect.any(String) });
    // One list, newest start first, across CommServes, the Cloud tenant and consoles alike.
    const starts = nodes.map((n) => Date.parse(n.startedAt));
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
    // Which upstreams hold the ten newest failures depends on the time of day the simulators start at
    // (their jobs are placed from a past day's start up to now): two of the five at least, not a fixed
    // three (a CI run at 18:11 UTC saw two).
    expect(new Set(nodes.map((n) => n.upstream.id)).size).toBeGreaterThanOrEqual(2);
  });

  it('runs each demo simulator on the port its environment variable names, the Cloud tenant with its budget', async () => {
    for (const u of DEMO_ESTATE) {
      // The README query above read jobs from every upstream: each simulator on its given port was asked.
      const stats = (await (await fetch(`http://127.0.0.1:${simPorts.get(u.id)}/__sim/stats`)).json()) as { total: number };
      expect(stats.total, u.id).toBeGreaterThan(0);
    }
    const tenant = await fetch(`http://127.0.0.1:${simPorts.get('cvcloud-demo')}/commandcenter/api/WhoAmI`);
    expect(tenant.headers.get('x-ratelimit-limit')).toBe(String(CLOUD_TENANT_BUDGET.readsPerPeriod));
    expect(tenant.headers.get('x-ratelimit-period')).toBe(String(CLOUD_TENANT_BUDGET.periodSeconds));
  });

  it('gives demo-acme the second CommServe only, as its company user: fewer clients than the admin sees there', async () => {
    const simulator = `http://127.0.0.1:${simPorts.get('cv-demo-2')}/webconsole/api`;
    const clientsAs = async (username: string): Promise<number> => {
      const login = await fetch(`${simulator}/Login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ username, password: Buffer.from(username).toString('base64') }),
      });
      const { token } = (await login.json()) as { token: string };
      const list = await fetch(`${simulator}/Client`, { headers: { accept: 'application/json', authtoken: token } });
      return ((await list.json()) as { clientProperties: unknown[] }).clientProperties.length;
    };
    // What the simulator itself shows each user (the demo's users sign in with their name as password).
    const [acmeClients, allClients] = [await clientsAs('acme'), await clientsAs('admin')];
    expect(acmeClients).toBeLessThan(allClients);

    const acme = await graphql<{ upstreams: Array<{ id: string }>; commvaultClients: { totalCount: number } }>(
      'demo-acme',
      '{ upstreams { id } commvaultClients(first: 1) { totalCount } }',
    );
    expect(acme.errors).toBeUndefined();
    expect(acme.data).toEqual({ upstreams: [{ id: 'cv-demo-2' }], commvaultClients: { totalCount: acmeClients } });
    const analyst = await graphql<{ commvaultClients: { totalCount: number } }>('demo-analyst', '{ commvaultClients(upstream: "cv-demo-2", first: 1) { totalCount } }');
    expect(analyst.data?.commvaultClients.totalCount).toBe(allClients);
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
