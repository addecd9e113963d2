import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/observability/logger.js';
import { accessLine, commvaultUpstream } from '../helpers/gateway.js';
import { freePort } from '../helpers/free-port.js';

const API_KEY = 'operator-test-key-5f3a';
const CALLER = 'ops-analyst';

/** A pino destination that keeps every JSON line, for tests that look log lines up. */
class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  raw = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    const text = chunk.toString();
    this.raw += text;
    for (const line of text.split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

async function startGateway(upstreams: unknown[], logs: LogCapture, extra: Record<string, unknown> = {}): Promise<{ gateway: Gateway; url: string }> {
  const config = parseConfig({ callers: [{ id: CALLER, apiKey: API_KEY, role: 'analyst' }], upstreams, server: { port: 0 }, store: { enabled: false }, ...extra }, {});
  const gateway = await createGateway(config, { logger: createLogger('debug', logs) });
  return { gateway, url: await gateway.listen() };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}`, ...headers },
    body: JSON.stringify(body),
  });
}

describe('operators see inside: per-operation metrics, access log, first contact', () => {
  let sim: CommvaultSimulator;
  let gw: { gateway: Gateway; url: string };
  const logs = new LogCapture();
  let documentId: string;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startGateway([commvaultUpstream('cv-main', sim.url)], logs);
    const manifest = (await import('../../src/generated/operations/persisted-documents.json', { with: { type: 'json' } })).default as Record<string, string>;
    documentId = Object.entries(manifest).find(([, text]) => text.includes('query CommvaultClients'))![0];
  });
  afterAll(async () => {
    await gw?.gateway.stop();
    await sim?.close();
  });

  it('logs one access line per request, found by the x-request-id the client sent, and echoes the id', async () => {
    const res = await post(gw.url, { documentId, variables: { first: 5, search: 'never-logged-search' } }, { 'x-request-id': 'ops-req-0001' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('ops-req-0001');
    const body = (await res.json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();

    const line = await accessLine(logs.lines, 'ops-req-0001');
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      caller: CALLER,
      operation: 'CommvaultClients',
      operationType: 'query',
      documentId,
    });
    expect(line.ms).toEqual(expect.any(Number));
    expect(line.upstreamCalls).toBeGreaterThanOrEqual(1);
    expect(line.errors).toBeUndefined();
    // Every other line the request caused carries its id too (the pipeline's debug lines here).
    const others = logs.lines.filter((l) => l.requestId === 'ops-req-0001' && l.component !== 'access');
    expect(others.length).toBeGreaterThan(0);
    // Neither the text, nor the variables, nor the key are logged.
    expect(logs.raw).not.toContain('never-logged-search');
    expect(logs.raw).not.toContain('commvaultClients(');
    expect(logs.raw).not.toContain(API_KEY);
  });

  it('mints a request id when the client sends none or an unsafe one', async () => {
    const none = await post(gw.url, { query: '{ upstreams { id } }' });
    const minted = none.headers.get('x-request-id');
    expect(minted).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await post(gw.url, { query: '{ upstreams { id } }' }, { 'x-request-id': `${'x'.repeat(200)}` });
    const replaced = unsafe.headers.get('x-request-id');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    const line = await accessLine(logs.lines, minted!);
    expect(line).toMatchObject({ operationType: 'query', upstreamCalls: 0, documentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('logs refused requests with their public codes: unauthenticated, bad input', async () => {
    const unauth = await post(gw.url, { query: '{ upstreams { id } }' }, { authorization: 'Bearer wrong', 'x-request-id': 'ops-req-401' });
    expect(unauth.status).toBe(401);
    expect(await accessLine(logs.lines, 'ops-req-401')).toMatchObject({ status: 401, errors: ['UNAUTHENTICATED'] });
    const bad = await post(gw.url, { query: '{ jobs(first: "ten") { totalCount } }' }, { 'x-request-id': 'ops-req-400' });
    expect(await accessLine(logs.lines, 'ops-req-400')).toMatchObject({ status: bad.status, caller: CALLER, errors: ['BAD_USER_INPUT'] });
  });

  it('counts requests, durations and errors per operation on /metrics, with untrusted names as "other"', async () => {
    await post(gw.url, { documentId, variables: { first: 2 } });
    await post(gw.url, { query: 'query MyVeryOwnName { upstreams { id } }' });
    await post(gw.url, { query: 'query Broken { jobs(first: -1) { totalCount } }' });
    const text = await (await fetch(`${gw.url}/metrics`)).text();
    expect(text).toMatch(/backup_graph_graphql_requests_total\{operation="CommvaultClients",type="query",outcome="ok",code="none"\} [1-9]/);
    expect(text).toMatch(/backup_graph_graphql_request_duration_seconds_count\{operation="CommvaultClients",type="query"\} [1-9]/);
    expect(text).toMatch(/backup_graph_graphql_requests_total\{operation="other",type="query",outcome="ok",code="none"\} [1-9]/);
    expect(text).toMatch(/backup_graph_graphql_errors_total\{operation="other",type="query",code="BAD_USER_INPUT"\} [1-9]/);
    expect(text).not.toContain('MyVeryOwnName');
    expect(text).not.toContain('operation="Broken"');
    // Today's metric names stay.
    expect(text).toContain('backup_graph_upstream_requests_total');
  });

  it('sends a browser at / to the playground and tells a JSON client where the graph is', async () => {
    const html = await fetch(`${gw.url}/`, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
    expect(html.status).toBe(302);
    expect(html.headers.get('location')).toBe('/playground');
    const json = await fetch(`${gw.url}/`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({
      graphql: `${gw.url}/graphql`,
      playground: `${gw.url}/playground`,
      docs: expect.objectContaining({ schema: 'docs/schema.md' }),
    });
  });
});

describe('/readyz tells the truth about the upstreams', () => {
  it('is 503 while every upstream is unreachable and 200 once one comes up', async () => {
    const port = await freePort();
    const logs = new LogCapture();
    const gw = await startGateway([commvaultUpstream('cv-late', `http://127.0.0.1:${port}/webconsole/api`)], logs);
    let sim: CommvaultSimulator | undefined;
    try {
      const down = await fetch(`${gw.url}/readyz`);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { status: string; reason: string; upstreams: Array<Record<string, unknown>> };
      expect(body.status).toBe('unavailable');
      expect(body.reason).toMatch(/unreachable/);
      expect(body.upstreams).toEqual([expect.objectContaining({ id: 'cv-late', state: 'down', circuit: 'closed', session: false })]);
      // Liveness stays a liveness check.
      expect((await fetch(`${gw.url}/healthz`)).status).toBe(200);

      sim = await startCommvaultSimulator({ port });
      await new Promise((r) => setTimeout(r, 2100)); // the probe's verdict is reused for 2 s
      const up = await fetch(`${gw.url}/readyz`);
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({ status: 'ready', upstreams: [{ id: 'cv-late', state: 'up' }] });
    } finally {
      await gw.gateway.stop();
      await sim?.close();
    }
  });

  it('goes 503 when every breaker opens, and back to 200 when an upstream returns', async () => {
    let sim = await startCommvaultSimulator();
    const port = sim.port;
    const logs = new LogCapture();
    const upstream = commvaultUpstream('cv-flaky', sim.url, { breaker: { failureThreshold: 1, cooldownMs: 2500 }, retry: { maxAttempts: 1 } });
    const gw = await startGateway([upstream], logs);
    try {
      const first = await post(gw.url, { query: '{ commvaultClients(first: 1) { totalCount } }' });
      expect(((await first.json()) as { errors?: unknown }).errors).toBeUndefined();
      const ready = await fetch(`${gw.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', upstreams: [{ id: 'cv-flaky', state: 'up', circuit: 'closed', session: true }] });

      await sim.close();
      const failed = await post(gw.url, { query: '{ jobs(first: 1) { totalCount } }' });
      const failedBody = (await failed.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      expect(failedBody.errors?.[0]?.extensions?.code).toMatch(/^UPSTREAM_/);
      const open = await fetch(`${gw.url}/readyz`);
      expect(open.status).toBe(503);
      const openBody = (await open.json()) as { status: string; upstreams: Array<Record<string, unknown>> };
      expect(openBody.status).toBe('unavailable');
      expect(openBody.upstreams[0]).toMatchObject({ circuit: 'open', state: 'down', lastError: { code: expect.stringMatching(/^UPSTREAM_/) } });

      sim = await startCommvaultSimulator({ port });
      await new Promise((r) => setTimeout(r, 2600)); // the cooldown
      const back = await fetch(`${gw.url}/readyz`);
      expect(back.status).toBe(200);
      expect(await back.json()).toMatchObject({ upstreams: [{ id: 'cv-flaky', state: 'up', probed: true }] });
    } finally {
      await gw.gateway.stop();
      await sim.close();
    }
  });

  it('is 503 "stopping" once shutdown has begun', async () => {
    const sim = await startCommvaultSimulator();
    const gw = await startGateway([commvaultUpstream('cv-main', sim.url)], new LogCapture());
    const stopped = gw.gateway.stop();
    // The listener closes as the drain ends; a request that gets in first must read "stopping".
    const res = await fetch(`${gw.url}/readyz`).catch(() => undefined);
    if (res) {
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'stopping' });
    }
    await stopped;
    await sim.close();
  });
});
