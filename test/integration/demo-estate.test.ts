import { createServer, type Server } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { DEMO_ESTATE, freeDemoPorts } from '../helpers/demo-estate.js';
import { testStoreEnv } from '../helpers/store-dir.js';

const silent = pino({ level: 'silent' });

/** Listens on `port` (loopback) and stops listening again; rejects when the port is taken. */
function bindAndRelease(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

describe('the demo estate in one process', () => {
  let gateway: Gateway;
  let url: string;

  beforeAll(async () => {
    // Port 0 for every simulator: each takes a free port and its upstream follows it.
    const env: Record<string, string> = { PORT: '0', LOG_LEVEL: 'silent', ...testStoreEnv() };
    for (const u of DEMO_ESTATE) env[u.portEnv] = '0';
    gateway = await createGateway(await loadConfig(env), { logger: silent });
    url = await gateway.listen();
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('points each demo upstream at the free port its simulator got when its variable says 0', async () => {
    const ports = gateway.config.upstreams.map((u) => Number(new URL(u.url).port));
    expect(gateway.config.upstreams.map((u) => u.id)).toEqual(DEMO_ESTATE.map((u) => u.id));
    for (const port of ports) expect(port).toBeGreaterThan(0);
    expect(new Set(ports).size).toBe(DEMO_ESTATE.length);
    // The second console's token is minted by the gateway, against the demo's local Google token service.
    const minted = gateway.config.upstreams.find((u) => u.id === 'bdr-demo-2')?.auth?.google;
    expect(minted?.tokenEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/token$/);
    expect(minted?.iamEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Every upstream answers jobs through the gateway, each from its own simulator.
    for (const u of DEMO_ESTATE) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-analyst' },
        body: JSON.stringify({ query: `{ jobs(first: 1, filter: { upstream: ["${u.id}"] }) { edges { node { upstream { id kind } } } } }` }),
      });
      const json = (await res.json()) as { data?: { jobs: { edges: Array<{ node: { upstream: { id: string; kind: string } } }> } }; errors?: unknown };
      expect(json.errors, u.id).toBeUndefined();
      expect(json.data?.jobs.edges.map((e) => e.node.upstream)).toEqual([{ id: u.id, kind: u.kind }]);
    }
  });
});

describe('a demo simulator that cannot start', () => {
  let blocker: Server;
  afterAll(async () => {
    await new Promise((resolve) => blocker?.close(resolve));
  });

  it('stops the start and closes the simulators already started', async () => {
    const { env, ports } = await freeDemoPorts();
    // The last demo's port is taken: the four before it start, then the fifth fails.
    const last = DEMO_ESTATE[DEMO_ESTATE.length - 1]!;
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(ports.get(last.id), '127.0.0.1', resolve));
    const config = await loadConfig({ ...env, PORT: '0', LOG_LEVEL: 'silent', ...testStoreEnv() });
    await expect(createGateway(config, { logger: silent })).rejects.toThrow(/EADDRINUSE/);
    // Their ports are free again: nothing was left listening.
    for (const u of DEMO_ESTATE.slice(0, -1)) await expect(bindAndRelease(ports.get(u.id)!)).resolves.toBeUndefined();
  });
});
