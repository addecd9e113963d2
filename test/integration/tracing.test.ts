import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { parse } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { estimateCost } from '../../src/plugins/cost/estimate.js';
import { PRODUCT_COSTS, PRODUCTS } from '../../src/products.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { freePort } from '../helpers/free-port.js';
import { commvaultUpstream } from '../helpers/gateway.js';

const API_KEY = 'tracing-test-key-7c1e';
const CALLER = 'trace-analyst';
const DASHBOARD = readFileSync(new URL('../../operations/DashboardJobs.graphql', import.meta.url), 'utf8');
/** Where spans would go if the in-memory processor did not replace the exporter: nothing listens there. */
const UNUSED_COLLECTOR = 'http://127.0.0.1:9/v1/traces';
const TRACES_ON = { telemetry: { traces: { endpoint: UNUSED_COLLECTOR } } };

interface Traced {
  gateway: Gateway;
  url: string;
  exporter: InMemorySpanExporter;
}

async function startGateway(upstreams: unknown[], extra: Record<string, unknown> = {}): Promise<Traced> {
  const config = parseConfig({ callers: [{ id: CALLER, apiKey: API_KEY, role: 'analyst' }], upstreams, server: { port: 0 }, store: { enabled: false }, logLevel: 'silent', ...extra }, {});
  const exporter = new InMemorySpanExporter();
  const gateway = await createGateway(config, { logger: pino({ level: 'silent' }), spanProcessor: new SimpleSpanProcessor(exporter) });
  return { gateway, url: await gateway.listen(), exporter };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}`, ...headers },
    body: JSON.stringify(body),
  });
  return (await res.json()) as never;
}

/** The operation span is ended just before the response is written; the spans are all there by then. */
async function spansOf(exporter: InMemorySpanExporter, operationName: string): Promise<ReadableSpan[]> {
  for (let i = 0; i < 50; i++) {
    const spans = exporter.getFinishedSpans();
    if (spans.some((s) => s.name === operationName)) return spans;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no span named ${operationName}: ${exporter.getFinishedSpans().map((s) => s.name).join(', ')}`);
}

const idOf = (span: ReadableSpan): string => span.spanContext().spanId;
const parentOf = (span: ReadableSpan): string | undefined => span.parentSpanContext?.spanId;
const childrenOf = (spans: ReadableSpan[], parent: ReadableSpan): ReadableSpan[] => spans.filter((s) => parentOf(s) === idOf(parent));
const one = (spans: ReadableSpan[], name: string): ReadableSpan => {
  const found = spans.filter((s) => s.name === name);
  expect(found.map((s) => s.name), `exactly one span ${name}`).toEqual([name]);
  return found[0] as ReadableSpan;
};

describe('traces: a span per operation, its phases and its upstream calls', () => {
  let sim: CommvaultSimulator;
  let gw: Traced;

  beforeAll(async () => {
    sim = await startCommvaultSimulator();
    gw = await startGateway([commvaultUpstream('cv-main', sim.url)], TRACES_ON);
  });
  afterAll(async () => {
    await gw?.gateway.stop();
    await sim?.close();
  });

  it('gives the dashboard page a tree: operation → parse, validate, execute → one call per upstream route, one attempt each', async () => {
    gw.exporter.reset();
    sim.reset();
    const body = await post(gw.url, { query: DASHBOARD, variables: { first: 5 } }, { 'x-request-id': 'trace-req-0001' });
    expect(body.errors).toBeUndefined();
    const spans = await spansOf(gw.exporter, 'query DashboardJobs');

    const operation = one(spans, 'query DashboardJobs');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(parentOf(operation)).toBeUndefined();
    // The figure the cost limit works with for this caller, who sees one CommServe.
    const schema = await buildGatewaySchema(PRODUCTS);
    const cost = estimateCost({ schema, document: parse(DASHBOARD), variables: { first: 5 }, upstreams: [{ id: 'cv-main', group: 'commvault' }], products: PRODUCT_COSTS, maxPageSize: 500 });
    expect(operation.attributes).toEqual({
      'graphql.operation.name': 'DashboardJobs',
      'graphql.operation.type': 'query',
      'backup_graph.caller_id': CALLER,
      'backup_graph.request_id': 'trace-req-0001',
      'backup_graph.cost_estimate': cost,
      'backup_graph.outcome': 'ok',
    });
    expect(operation.status.code).toBe(SpanStatusCode.UNSET);
    // Every span of the request is in the operation's trace, and carries the request id the access log names.
    expect(new Set(spans.map((s) => s.spanContext().traceId))).toEqual(new Set([operation.spanContext().traceId]));
    for (const span of spans) expect(span.attributes['backup_graph.request_id'], span.name).toBe('trace-req-0001');

    // The document is new to this gateway: Apollo parses and validates it before executing.
    expect(childrenOf(spans, operation).map((s) => s.name)).toEqual(['graphql.parse', 'graphql.validate', 'graphql.execute']);
    const execute = one(spans, 'graphql.execute');

    // What the page needs from a CommServe: the job list, and the client list its jobs' `client` is read from,
    // after a login. Each call is a span under execute; each went out once, in an attempt span under the call.
    const received = sim.received();
    expect(received.map((r) => r.route).sort()).toEqual(['GET /Client', 'GET /Job', 'POST /Login']);
    const calls = childrenOf(spans, execute);
    expect(calls.map((s) => s.name).sort()).toEqual(['upstream GET /Client', 'upstream GET /Job', 'upstream POST /Login']);
    for (const call of calls) {
      const route = call.name.slice('upstream '.length);
      expect(call.kind).toBe(SpanKind.INTERNAL);
      expect(call.attributes).toMatchObject({
        'backup_graph.upstream.id': 'cv-main',
        'backup_graph.upstream.kind': 'commvault',
        'backup_graph.upstream.route': route,
        // Reads are looked up in the cache first (an empty one); the login is never cached.
        'backup_graph.cache.outcome': route === 'POST /Login' ? 'bypass' : 'miss',
        'backup_graph.upstream.attempts': 1,
        'http.response.status_code': 200,
      });
      const [attempt, ...more] = childrenOf(spans, call);
      expect(more).toEqual([]);
      expect(attempt?.name).toBe(route);
      expect(attempt?.kind).toBe(SpanKind.CLIENT);
      expect(attempt?.attributes).toMatchObject({
        'backup_graph.upstream.attempt': 1,
        'http.request.method': route.split(' ')[0],
        'http.response.status_code': 200,
        'backup_graph.ratelimit.wait_ms': expect.any(Number),
      });
      // The upstream was told which attempt it is serving: W3C traceparent, same trace, the attempt's span id, sampled.
      const sent = received.filter((r) => r.route === route);
      expect(sent).toEqual([{ route, traceparent: `00-${operation.spanContext().traceId}-${idOf(attempt as ReadableSpan)}-01` }]);
    }
  });

  it('marks a repeated page as served from the cache: no attempt, no upstream request, no parse or validate', async () => {
    await post(gw.url, { query: DASHBOARD, variables: { first: 5 } });
    gw.exporter.reset();
    sim.reset();
    await post(gw.url, { query: DASHBOARD, variables: { first: 5 } });
    const spans = await spansOf(gw.exporter, 'query DashboardJobs');
    const operation = one(spans, 'query DashboardJobs');
    expect(childrenOf(spans, operation).map((s) => s.name)).toEqual(['graphql.execute']);
    const calls = childrenOf(spans, one(spans, 'graphql.execute'));
    expect(calls.map((s) => [s.name, s.attributes['backup_graph.cache.outcome'], s.attributes['backup_graph.upstream.attempts']]).sort()).toEqual([
      ['upstream GET /Client', 'hit', 0],
      ['upstream GET /Job', 'hit', 0],
    ]);
    expect(spans.filter((s) => s.kind === SpanKind.CLIENT)).toEqual([]);
    expect(sim.stats().total).toBe(0);
  });

  it("continues a client's trace: the operation is a child of its traceparent, and the upstream gets the same trace id", async () => {
    gw.exporter.reset();
    sim.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const clientSpan = '00f067aa0ba902b7';
    // A page size not asked before: the job list is fetched again.
    await post(gw.url, { query: DASHBOARD, variables: { first: 3 } }, { traceparent: `00-${traceId}-${clientSpan}-01` });
    const spans = await spansOf(gw.exporter, 'query DashboardJobs');
    const operation = one(spans, 'query DashboardJobs');
    expect(operation.spanContext().traceId).toBe(traceId);
    expect(parentOf(operation)).toBe(clientSpan);
    const jobRequests = sim.received().filter((r) => r.route === 'GET /Job');
    expect(jobRequests).toHaveLength(1);
    expect(jobRequests[0]?.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it("follows a client's decision not to sample: no span is recorded, the upstream still gets the trace id, unsampled", async () => {
    gw.exporter.reset();
    sim.reset();
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    await post(gw.url, { query: DASHBOARD, variables: { first: 2 } }, { traceparent: `00-${traceId}-b7ad6b7169203331-00` });
    await new Promise((r) => setTimeout(r, 50));
    expect(gw.exporter.getFinishedSpans()).toEqual([]);
    const jobRequests = sim.received().filter((r) => r.route === 'GET /Job');
    expect(jobRequests).toHaveLength(1);
    expect(jobRequests[0]?.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
  });

  it('shows a retried read as one call with two attempts: the failed one with its status, then the answer', async () => {
    gw.exporter.reset();
    sim.reset();
    sim.setFaults({ fail5xx: { count: 1, status: 503 } });
    const body = await post(gw.url, { query: 'query OneJob { jobs(first: 1) { totalCount } }' });
    expect(body.errors).toBeUndefined();
    const spans = await spansOf(gw.exporter, 'query OneJob');
    const call = one(spans, 'upstream GET /Job');
    expect(call.attributes).toMatchObject({ 'backup_graph.upstream.attempts': 2, 'http.response.status_code': 200, 'backup_graph.cache.outcome': 'miss' });
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    const attempts = childrenOf(spans, call).sort((a, b) => Number(a.attributes['backup_graph.upstream.attempt']) - Number(b.attributes['backup_graph.upstream.attempt']));
    expect(attempts.map((a) => [a.attributes['backup_graph.upstream.attempt'], a.attributes['http.response.status_code'], a.status.code])).toEqual([
      [1, 503, SpanStatusCode.ERROR],
      [2, 200, SpanStatusCode.UNSET],
    ]);
    expect(attempts[0]?.attributes['error.type']).toBe('UPSTREAM_ERROR');
    // Each attempt told the upstream its own span id.
    const jobRequests = sim.received().filter((r) => r.route === 'GET /Job');
    expect(jobRequests.map((r) => r.traceparent?.split('-')[2])).toEqual(attempts.map(idOf));
  });

  it('hangs the upstream calls under execute with the graphql-js executor too', async () => {
    const js = await startGateway([commvaultUpstream('cv-main', sim.url)], { ...TRACES_ON, server: { port: 0, executor: 'graphql-js' } });
    try {
      await post(js.url, { query: DASHBOARD, variables: { first: 5 } });
      const spans = await spansOf(js.exporter, 'query DashboardJobs');
      const calls = childrenOf(spans, one(spans, 'graphql.execute'));
      expect(calls.map((s) => s.name).sort()).toEqual(['upstream GET /Client', 'upstream GET /Job', 'upstream POST /Login']);
    } finally {
      await js.gateway.stop();
    }
  });

  it('gives each operation of a batch its own upstream calls', async () => {
    const batched = await startGateway([commvaultUpstream('cv-main', sim.url)], { ...TRACES_ON, server: { port: 0, batching: { enabled: true } } });
    try {
      const res = await fetch(`${batched.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
        body: JSON.stringify([
          { query: 'query Clients { commvaultClients(first: 2) { totalCount } }' },
          { query: 'query Jobs { jobs(first: 2) { totalCount } }' },
        ]),
      });
      expect(res.status).toBe(200);
      await spansOf(batched.exporter, 'query Clients');
      const spans = await spansOf(batched.exporter, 'query Jobs');
      const routesUnder = (name: string): string[] => {
        const execute = childrenOf(spans, one(spans, name)).find((s) => s.name === 'graphql.execute') as ReadableSpan;
        return childrenOf(spans, execute)
          .map((s) => s.attributes['backup_graph.upstream.route'] as string)
          .filter((route) => route !== 'POST /Login') // whichever operation logged in first
          .sort();
      };
      expect(routesUnder('query Clients')).toEqual(['GET /Client']);
      expect(routesUnder('query Jobs')).toEqual(['GET /Job']);
    } finally {
      await batched.gateway.stop();
    }
  });
});

describe('traces when an upstream is down', () => {
  it('fails that upstream\'s call and attempt spans and gives the operation the partial outcome and its code', async () => {
    const sim = await startCommvaultSimulator();
    const closed = await freePort();
    const gw = await startGateway(
      [
        commvaultUpstream('cv-main', sim.url),
        commvaultUpstream('cv-down', `http://127.0.0.1:${closed}/webconsole/api`),
      ],
      TRACES_ON,
    );
    try {
      const body = await post(gw.url, { query: DASHBOARD, variables: { first: 5 } });
      expect(body.data).not.toBeNull();
      expect(body.errors?.map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAVAILABLE');
      const spans = await spansOf(gw.exporter, 'query DashboardJobs');

      const operation = one(spans, 'query DashboardJobs');
      expect(operation.attributes).toMatchObject({ 'backup_graph.outcome': 'partial', 'error.type': 'UPSTREAM_UNAVAILABLE', 'backup_graph.error_codes': ['UPSTREAM_UNAVAILABLE'] });
      expect(operation.status.code).toBe(SpanStatusCode.ERROR);

      const down = spans.filter((s) => s.attributes['backup_graph.upstream.id'] === 'cv-down' || spans.some((c) => idOf(c) === parentOf(s) && c.attributes['backup_graph.upstream.id'] === 'cv-down'));
      const downCalls = down.filter((s) => s.kind === SpanKind.INTERNAL);
      const downAttempts = down.filter((s) => s.kind === SpanKind.CLIENT);
      expect(downCalls.length).toBeGreaterThan(0);
      for (const call of downCalls) {
        expect(call.status.code).toBe(SpanStatusCode.ERROR);
        expect(call.attributes['error.type']).toBe('UPSTREAM_UNAVAILABLE');
      }
      // Nothing listens on the port: the login's attempt was refused, and the reads waiting for it failed with it.
      expect(downAttempts.length).toBeGreaterThan(0);
      for (const attempt of downAttempts) {
        expect(attempt.status.code).toBe(SpanStatusCode.ERROR);
        expect(attempt.attributes['error.type']).toBe('UPSTREAM_UNAVAILABLE');
        expect(attempt.attributes['http.response.status_code']).toBeUndefined();
      }

      // The healthy CommServe's calls are unaffected.
      const main = spans.filter((s) => s.attributes['backup_graph.upstream.id'] === 'cv-main');
      expect(main.map((s) => s.name).sort()).toEqual(['upstream GET /Client', 'upstream GET /Job', 'upstream POST /Login']);
      for (const call of main) expect(call.status.code).toBe(SpanStatusCode.UNSET);
    } finally {
      await gw.gateway.stop();
      await sim.close();
    }
  });
});

describe('traces exported over OTLP/HTTP (no span processor given: the production path)', () => {
  it('batches the spans to the configured endpoint with the configured headers, and flushes them when the gateway stops', async () => {
    const exports: Array<{ path: string; headers: IncomingHttpHeaders; body: OtlpBody }> = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        exports.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const port = (collector.address() as { port: number }).port;
    const sim = await startCommvaultSimulator();
    const config = parseConfig(
      {
        callers: [{ id: CALLER, apiKey: API_KEY, role: 'analyst' }],
        upstreams: [commvaultUpstream('cv-main', sim.url)],
        server: { port: 0 },
        store: { enabled: false },
        telemetry: { traces: { endpoint: `http://127.0.0.1:${port}/v1/traces`, headers: { 'x-tenant': 'eu' }, headersEnv: { 'x-api-key': 'TRACE_TEST_KEY' }, serviceName: 'graph-under-test' } },
      },
      { TRACE_TEST_KEY: 'otlp-secret' },
    );
    const gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
    try {
      const url = await gateway.listen();
      const body = await post(url, { query: DASHBOARD, variables: { first: 5 } }, { 'x-request-id': 'trace-otlp-1' });
      expect(body.errors).toBeUndefined();
    } finally {
      await gateway.stop(); // the batch processor's 5 s delay has not passed: the stop must flush
      await sim.close();
      await new Promise((resolve) => collector.close(resolve));
    }
    expect(exports.length).toBeGreaterThan(0);
    for (const e of exports) {
      expect(e.path).toBe('/v1/traces');
      expect(e.headers).toMatchObject({ 'content-type': 'application/json', 'x-tenant': 'eu', 'x-api-key': 'otlp-secret' });
    }
    const resourceSpans = exports.flatMap((e) => e.body.resourceSpans ?? []);
    expect(resourceSpans.flatMap((r) => r.resource?.attributes ?? [])).toContainEqual({ key: 'service.name', value: { stringValue: 'graph-under-test' } });
    const spans = resourceSpans.flatMap((r) => (r.scopeSpans ?? []).flatMap((s) => s.spans ?? []));
    // The page's spans, and the logout the stop made: tracing is the last thing a stop closes.
    expect(spans.map((s) => s.name).sort()).toEqual([
      'GET /Client',
      'GET /Job',
      'POST /Login',
      'POST /Logout',
      'graphql.execute',
      'graphql.parse',
      'graphql.validate',
      'query DashboardJobs',
      'upstream GET /Client',
      'upstream GET /Job',
      'upstream POST /Login',
      'upstream POST /Logout',
    ]);
    const operation = spans.find((s) => s.name === 'query DashboardJobs');
    expect(operation?.attributes).toContainEqual({ key: 'backup_graph.request_id', value: { stringValue: 'trace-otlp-1' } });
  });
});

interface OtlpBody {
  resourceSpans?: Array<{
    resource?: { attributes?: unknown[] };
    scopeSpans?: Array<{ spans?: Array<{ name: string; attributes?: unknown[] }> }>;
  }>;
}

describe('traces off (the default)', () => {
  it('records no span and sends no traceparent, even when the client sends one', async () => {
    const sim = await startCommvaultSimulator();
    const gw = await startGateway([commvaultUpstream('cv-main', sim.url)]);
    try {
      const body = await post(gw.url, { query: DASHBOARD, variables: { first: 5 } }, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
      expect(body.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 50));
      expect(gw.exporter.getFinishedSpans()).toEqual([]);
      const received = sim.received();
      expect(received.map((r) => r.route).sort()).toEqual(['GET /Client', 'GET /Job', 'POST /Login']);
      expect(received.filter((r) => r.traceparent !== undefined)).toEqual([]);
    } finally {
      await gw.gateway.stop();
      await sim.close();
    }
  });
});
