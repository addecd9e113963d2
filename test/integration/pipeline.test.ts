import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyKindDefaults } from '../../src/config/load.js';
import { configSchema, type GatewayConfig } from '../../src/config/schema.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import type {
  SourceHooks,
  UpstreamPipeline,
  UpstreamRequest,
  UpstreamResponse,
} from '../../src/datasources/pipeline/types.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { metricsRegistry } from '../../src/observability/metrics.js';
import { FakeUpstream } from '../helpers/fake-upstream.js';

const logger = pino({ level: 'silent' });

/**
 * A source in the manner of UpstreamSource: logs in through the pipeline (`POST /login`,
 * unauthenticated), shares one login among concurrent callers, and on 401 forgets only the session
 * that failed. Commvault-style errors in 200 bodies (`errList`) become UPSTREAM_ERROR.
 */
class FakeSource implements SourceHooks {
  private session?: { headers: Promise<Record<string, string>>; resolved?: Record<string, string> };

  constructor(
    private readonly pipeline: () => UpstreamPipeline,
    readonly instanceId: string,
    readonly identity: string,
  ) {}

  authHeaders(): Promise<Record<string, string>> {
    if (!this.session) {
      const session: { headers: Promise<Record<string, string>>; resolved?: Record<string, string> } = {
        headers: this.pipeline()
          .send<{ token: string }>(this, { method: 'POST', path: '/login', body: { user: this.identity }, authenticated: false })
          .then((res) => (session.resolved = { Authtoken: res.body.token })),
      };
      this.session = session;
    }
    return this.session.headers;
  }

  onUnauthorized(failed: Record<string, string>): void {
    if (this.session?.resolved && this.session.resolved.Authtoken === failed.Authtoken) this.session = undefined;
  }

  errorFromResponse(res: UpstreamResponse): GatewayError | undefined {
    const body = res.body as { errList?: { errorCode: number; errLogMessage: string }[] };
    const first = body && typeof body === 'object' ? body.errList?.[0] : undefined;
    if (!first) return undefined;
    return new GatewayError(ErrorCode.UPSTREAM_ERROR, first.errLogMessage, { upstreamCode: first.errorCode });
  }

  send<T = unknown>(req: UpstreamRequest): Promise<UpstreamResponse<T>> {
    return this.pipeline().send<T>(this, req);
  }
}

let fake: FakeUpstream;
let deadPort: number;
let pipeline: UpstreamPipeline;
/** The token the fake upstream currently accepts; rotating it makes every live session 401. */
let validToken = 'token-1';
let logins = 0;

function config(): GatewayConfig {
  const fast = { retry: { maxAttempts: 3, baseDelayMs: 10 }, rateLimit: { queueTimeoutMs: 3000 } };
  return applyKindDefaults(configSchema.parse({
    upstreams: [
      { id: 'cv-test', kind: 'commvault', url: fake.url, timeoutMs: 2000, ...fast },
      { id: 'cv-slow', kind: 'commvault', url: fake.url, timeoutMs: 300, retry: { maxAttempts: 3, baseDelayMs: 10 }, rateLimit: { queueTimeoutMs: 200 } },
      { id: 'cv-dead', kind: 'commvault', url: `http://127.0.0.1:${deadPort}/api`, ...fast },
      { id: 'cv-flaky', kind: 'commvault', url: fake.url, retry: { maxAttempts: 1, baseDelayMs: 10 }, breaker: { failureThreshold: 2, cooldownMs: 60_000 } },
      { id: 'cv-tight', kind: 'commvault-cloud', url: fake.url, rateLimit: { read: { capacity: 1, refillPerSecond: 0.1 }, queueTimeoutMs: 100 } },
    ],
  }));
}

const source = (instanceId = 'cv-test', identity = 'user:admin') => new FakeSource(() => pipeline, instanceId, identity);

beforeAll(async () => {
  fake = await FakeUpstream.start('/webconsole/api');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  deadPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
  validToken = 'token-1';
  logins = 0;
  fake.on('POST /login', () => {
    logins += 1;
    return { json: { token: validToken } };
  });
  pipeline = createUpstreamPipeline({ upstreams: config().upstreams, cache: config().cache, logger });
});

afterEach(async () => {
  await pipeline.close();
});

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<GatewayError> {
  const result = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(result).toBeInstanceOf(GatewayError);
  return result as GatewayError;
}

describe('upstream pipeline: requests on the wire', () => {
  it('sends to the upstream base path with JSON and auth headers', async () => {
    fake.on('POST /Client/search', { json: { ok: true } });
    const res = await source().send({ method: 'POST', path: '/Client/search', body: { name: 'x' }, access: 'read', headers: { limit: '10' } });
    expect(res.body).toEqual({ ok: true });
    const [call] = fake.calls('POST /Client/search');
    expect(call.headers.accept).toBe('application/json');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers.authtoken).toBe('token-1');
    expect(call.headers.limit).toBe('10');
    expect(JSON.parse(call.body)).toEqual({ name: 'x' });
    // the login itself is sent without auth headers
    expect(fake.calls('POST /login')[0].headers.authtoken).toBeUndefined();
  });

  it("sends a request's own Accept and Content-Type, in any letter case, instead of the defaults, never beside them", async () => {
    fake.on('POST /Client/search', { json: { ok: true } });
    await source().send({ method: 'POST', path: '/Client/search', body: { name: 'x' }, access: 'read', headers: { ACCEPT: 'text/plain', 'Content-TYPE': 'application/merge-patch+json' } });
    const [call] = fake.calls('POST /Client/search');
    // Two headers of one name would arrive joined ("application/json, text/plain").
    expect(call.headers.accept).toBe('text/plain');
    expect(call.headers['content-type']).toBe('application/merge-patch+json');
    expect(call.headers.authtoken).toBe('token-1');
  });

  it('encodes query values with &, = and : so they cannot add or change parameters', async () => {
    fake.on('GET /application', { json: [] });
    await source().send({
      method: 'GET',
      path: '/application',
      query: { filter: ['name:==a&filter=id:==2', 'id:==1'], keyword: 'x=y:z#w?', empty: '', skipped: undefined },
    });
    const [call] = fake.calls('GET /application');
    expect(call.query).toEqual([
      ['filter', 'name:==a&filter=id:==2'],
      ['filter', 'id:==1'],
      ['keyword', 'x=y:z#w?'],
      ['empty', ''],
    ]);
  });
});

describe('upstream pipeline: caching and coalescing', () => {
  it('does not re-send a cached read within its TTL', async () => {
    fake.on('GET /Client', { json: { clients: [1, 2] } });
    const first = await source().send({ method: 'GET', path: '/Client', cacheClass: 'inventory' });
    const second = await source().send({ method: 'GET', path: '/Client', cacheClass: 'inventory' });
    expect(second.body).toEqual({ clients: [1, 2] });
    expect(second).toBe(first);
    expect(Object.isFrozen(first.body)).toBe(true);
    expect(fake.calls('GET /Client')).toHaveLength(1);
  });

  it('keeps the cached answers of two identities apart', async () => {
    fake.on('GET /Client', (req) => ({ json: { seenBy: req.headers['x-user'] } }));
    const alice = await source('cv-test', 'user:alice').send({ method: 'GET', path: '/Client', cacheClass: 'inventory', headers: { 'x-user': 'alice' } });
    const bob = await source('cv-test', 'user:bob').send({ method: 'GET', path: '/Client', cacheClass: 'inventory', headers: { 'x-user': 'alice' } });
    expect(fake.calls('GET /Client')).toHaveLength(2);
    expect(bob).not.toBe(alice);
  });

  it('sends 50 concurrent identical reads upstream once', async () => {
    fake.on('GET /Job', { json: { jobs: [] }, delayMs: 50 });
    const s = source();
    const answers = await Promise.all(Array.from({ length: 50 }, () => s.send({ method: 'GET', path: '/Job', query: { a: 1, b: 2 } })));
    expect(fake.calls('GET /Job')).toHaveLength(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('never coalesces writes', async () => {
    fake.on('POST /Job/1/action/kill', { json: {}, delayMs: 20 });
    const s = source();
    await Promise.all([1, 2, 3].map(() => s.send({ method: 'POST', path: '/Job/1/action/kill' })));
    expect(fake.calls('POST /Job/1/action/kill')).toHaveLength(3);
  });

  it('sends a read again after its tag was invalidated', async () => {
    fake.on('GET /Job', { json: { jobs: [] } });
    const read = () => source().send({ method: 'GET', path: '/Job', cacheClass: 'jobsFinished', tags: ['jobs'] });
    await read();
    await read();
    await pipeline.invalidate('cv-test', ['jobs']);
    await read();
    expect(fake.calls('GET /Job')).toHaveLength(2);
  });

  it('does not cache an error the upstream reports in a 200 body, nor retry it', async () => {
    fake.on('GET /Job/7', { json: { errList: [{ errorCode: 2, errLogMessage: 'Job not visible' }] } });
    const read = () => source().send({ method: 'GET', path: '/Job/7', cacheClass: 'jobsFinished' });
    const error = await failure(read());
    expect(error.code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(error.upstreamCode).toBe(2);
    expect(error.upstream).toEqual({ instance: 'cv-test', status: 200 });
    expect(fake.calls('GET /Job/7')).toHaveLength(1);
    await failure(read());
    expect(fake.calls('GET /Job/7')).toHaveLength(2);
  });
});

describe('upstream pipeline: rate limits', () => {
  it('waits out a 429 with Retry-After: 1 and then succeeds, losing no call', async () => {
    fake.on('POST /Job', (_req, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '1' }, json: {} } : { json: { jobId: n } }));
    const s = source();
    await s.authHeaders();
    const started = Date.now();
    const results = await Promise.all([1, 2, 3].map((i) => s.send<{ jobId: number }>({ method: 'POST', path: '/Job', body: { i } })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = fake.calls('POST /Job').map((c) => JSON.parse(c.body).i);
    expect(bodies).toHaveLength(4); // one was answered 429 and sent again
    expect(new Set(bodies)).toEqual(new Set([1, 2, 3]));
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('answers RATE_LIMITED with retryAfterMs when the 429 wait does not fit the deadline', async () => {
    fake.on('GET /Client', { status: 429, headers: { 'retry-after': '60' }, json: {} });
    const started = Date.now();
    const error = await failure(source().send({ method: 'GET', path: '/Client' }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.upstream?.instance).toBe('cv-test');
    expect(fake.calls('GET /Client')).toHaveLength(1);
  });

  it('answers RATE_LIMITED at once when the tenant budget is spent', async () => {
    fake.on('GET /Client', { json: [] });
    fake.on('GET /Plan', { json: [] });
    const s = source('cv-tight');
    await s.send({ method: 'GET', path: '/Client' });
    const error = await failure(s.send({ method: 'GET', path: '/Plan' }));
    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(error.retryAfterMs).toBeGreaterThan(9000);
    expect(fake.calls('GET /Plan')).toHaveLength(0);
  });

  it('keeps one budget per Cloud tenant: a second caller with its own credential finds it spent too', async () => {
    fake.on('GET /Client', { json: [] });
    fake.on('GET /Plan', { json: [] });
    await source('cv-tight', 'user:first').send({ method: 'GET', path: '/Client' });
    const error = await failure(source('cv-tight', 'user:second').send({ method: 'GET', path: '/Plan' }));
    expect(error.code).toBe(ErrorCode.RATE_LIMITED);
    expect(fake.calls('GET /Plan')).toHaveLength(0);
  });

  it('keeps one budget per identity on a CommServe: another caller is not held by the first one\'s spending', async () => {
    fake.on('GET /Client', { json: [] });
    const tight = { capacity: 1, refillPerSecond: 0.1 };
    const own = createUpstreamPipeline({
      upstreams: applyKindDefaults(
        configSchema.parse({ upstreams: [{ id: 'cv-own', kind: 'commvault', url: fake.url, rateLimit: { read: tight, write: tight, queueTimeoutMs: 100, headroomTokens: 0 } }] }),
      ).upstreams,
      cache: config().cache,
      logger,
    });
    try {
      const on = (identity: string) => new FakeSource(() => own, 'cv-own', identity);
      await on('user:first').send({ method: 'GET', path: '/Client' });
      expect((await failure(on('user:first').send({ method: 'GET', path: '/Client', query: { again: '1' } }))).code).toBe(ErrorCode.RATE_LIMITED);
      await expect(on('user:second').send({ method: 'GET', path: '/Client' })).resolves.toBeDefined();
    } finally {
      await own.close();
    }
  });
});

describe('upstream pipeline: authentication', () => {
  it('re-logs in once for concurrent 401s and then succeeds', async () => {
    for (let i = 1; i <= 10; i++) {
      fake.on(`GET /Client/${i}`, (req) =>
        req.headers.authtoken === validToken ? { json: { clientId: i } } : { status: 401, json: { errorMessage: 'expired' } },
      );
    }
    const s = source();
    await s.authHeaders();
    validToken = 'token-2'; // the session expires upstream
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => s.send<{ clientId: number }>({ method: 'GET', path: `/Client/${i + 1}` })));
    expect(results.map((r) => r.body.clientId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(logins).toBe(2); // the first login and one shared re-login
  });

  it('gives UPSTREAM_ERROR with status 401 when a read is refused after the fresh login too', async () => {
    fake.on('GET /Client/1', { status: 401, json: {} });
    const error = await failure(source().send({ method: 'GET', path: '/Client/1' }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(error.upstream).toEqual({ instance: 'cv-test', status: 401 });
    expect(fake.calls('GET /Client/1')).toHaveLength(2);
  });
});

describe('upstream pipeline: failures', () => {
  it('retries a read that got a 5xx and then succeeds', async () => {
    fake.on('GET /StoragePool', (_req, n) => (n === 1 ? { status: 503, json: {} } : { json: { pools: [] } }));
    const res = await source().send({ method: 'GET', path: '/StoragePool' });
    expect(res.body).toEqual({ pools: [] });
    expect(fake.calls('GET /StoragePool')).toHaveLength(2);
  });

  it('gives up on a read after maxAttempts 5xx answers', async () => {
    fake.on('GET /StoragePool', { status: 500, json: {} });
    const error = await failure(source().send({ method: 'GET', path: '/StoragePool' }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(error.upstream).toEqual({ instance: 'cv-test', status: 500 });
    expect(fake.calls('GET /StoragePool')).toHaveLength(3);
  });

  it('never retries a write that got a 5xx', async () => {
    fake.on('POST /CreateTask', { status: 500, json: {} });
    const error = await failure(source().send({ method: 'POST', path: '/CreateTask', body: { a: 1 } }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNCERTAIN);
    expect(fake.calls('POST /CreateTask')).toHaveLength(1);
  });

  it('maps 403 to FORBIDDEN and 404 to NOT_FOUND without retrying', async () => {
    fake.on('GET /Secret', { status: 403, json: {} });
    fake.on('GET /Gone', { status: 404, json: {} });
    expect((await failure(source().send({ method: 'GET', path: '/Secret' }))).code).toBe(ErrorCode.FORBIDDEN);
    expect((await failure(source().send({ method: 'GET', path: '/Gone' }))).code).toBe(ErrorCode.NOT_FOUND);
    expect(fake.calls('GET /Secret')).toHaveLength(1);
    expect(fake.calls('GET /Gone')).toHaveLength(1);
  });

  it('gives UPSTREAM_TIMEOUT within the call deadline when the upstream is slow', async () => {
    fake.on('GET /Job', { json: {}, delayMs: 3000 });
    const s = source('cv-slow');
    await s.authHeaders();
    const started = Date.now();
    const error = await failure(s.send({ method: 'GET', path: '/Job' }));
    const elapsedMs = Date.now() - started;
    expect(error.code).toBe(ErrorCode.UPSTREAM_TIMEOUT);
    expect(error.upstream?.instance).toBe('cv-slow');
    // deadline = queueTimeoutMs 200 + timeoutMs 300
    expect(elapsedMs).toBeGreaterThanOrEqual(290);
    expect(elapsedMs).toBeLessThan(1000);
  });

  it('gives UPSTREAM_UNAVAILABLE when the connection is refused', async () => {
    const error = await failure(source('cv-dead').send({ method: 'GET', path: '/Job', authenticated: false }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(error.upstream).toEqual({ instance: 'cv-dead' });
  });

  it('gives UPSTREAM_ERROR for a body that claims JSON but is not', async () => {
    fake.on('GET /Client', { raw: '{"clients": [', headers: { 'content-type': 'application/json' } });
    const error = await failure(source().send({ method: 'GET', path: '/Client', cacheClass: 'inventory' }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_ERROR);
    expect(error.message).toMatch(/malformed/);
  });

  it('decodes untyped JSON and keeps plain text as text', async () => {
    fake.on('GET /a', { raw: '{"x":1}', headers: { 'content-type': 'text/plain' } });
    fake.on('GET /b', { raw: 'hello', headers: { 'content-type': 'text/plain' } });
    fake.on('DELETE /c', { status: 204 });
    expect((await source().send({ method: 'GET', path: '/a' })).body).toEqual({ x: 1 });
    expect((await source().send({ method: 'GET', path: '/b' })).body).toBe('hello');
    expect((await source().send({ method: 'DELETE', path: '/c' })).body).toBe('');
  });

  it('opens the circuit after failureThreshold failures and then fails fast without network', async () => {
    fake.on('GET /Job', { status: 502, json: {} });
    const s = source('cv-flaky');
    await s.authHeaders();
    for (let i = 0; i < 2; i++) expect((await failure(s.send({ method: 'GET', path: '/Job' }))).code).toBe(ErrorCode.UPSTREAM_ERROR);
    const started = Date.now();
    const error = await failure(s.send({ method: 'GET', path: '/Job' }));
    expect(Date.now() - started).toBeLessThan(100);
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNAVAILABLE);
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(fake.calls('GET /Job')).toHaveLength(2);
  });

  it('reports a retried read’s own failure, not the circuit, when other calls opened the breaker meanwhile', async () => {
    // Two reads fail together and open the breaker (threshold 2); each one's retry then meets it open.
    // The caller must learn what happened to its own call (503 here, a timeout under the "slow" fault),
    // not a "calls are paused" it never met on its first attempt.
    const crowded = createUpstreamPipeline({
      upstreams: applyKindDefaults(configSchema.parse({
        upstreams: [{ id: 'cv-crowded', kind: 'commvault', url: fake.url, retry: { maxAttempts: 2, baseDelayMs: 100 }, breaker: { failureThreshold: 2, cooldownMs: 60_000 } }],
      })).upstreams,
      cache: config().cache,
      logger,
      random: () => 0.5,
    });
    try {
      let arrived = 0;
      let bothArrived: () => void = () => {};
      const barrier = new Promise<void>((resolve) => (bothArrived = resolve));
      fake.on('GET /Job', async () => {
        if (++arrived === 2) bothArrived();
        await barrier;
        return { status: 503, json: {} };
      });
      const s = new FakeSource(() => crowded, 'cv-crowded', 'user:admin');
      await s.authHeaders();
      const errors = await Promise.all([failure(s.send({ method: 'GET', path: '/Job', query: { a: 1 } })), failure(s.send({ method: 'GET', path: '/Job', query: { b: 1 } }))]);
      expect(crowded.health?.()[0]?.circuit).toBe('open');
      expect(fake.calls('GET /Job')).toHaveLength(2);
      for (const error of errors) {
        expect(error.code).toBe(ErrorCode.UPSTREAM_ERROR);
        expect(error.upstream).toEqual({ instance: 'cv-crowded', status: 503 });
      }
    } finally {
      await crowded.close();
    }
  });

  it('does not count 4xx answers as breaker failures', async () => {
    fake.on('GET /Gone', { status: 404, json: {} });
    const s = source('cv-flaky');
    for (let i = 0; i < 4; i++) expect((await failure(s.send({ method: 'GET', path: '/Gone' }))).code).toBe(ErrorCode.NOT_FOUND);
    expect(fake.calls('GET /Gone')).toHaveLength(4);
  });

  it('never puts the upstream URL or a token in an error', async () => {
    fake.on('GET /x500', { status: 500, json: {} });
    fake.on('GET /x404', { status: 404, json: {} });
    fake.on('GET /xbad', { raw: 'nope{', headers: { 'content-type': 'application/json' } });
    fake.on('GET /x401', { status: 401, json: {} });
    fake.on('GET /x429', { status: 429, headers: { 'retry-after': '90' }, json: {} });
    const s = source();
    const errors = await Promise.all([
      failure(s.send({ method: 'GET', path: '/x500' })),
      failure(s.send({ method: 'GET', path: '/x404' })),
      failure(s.send({ method: 'GET', path: '/xbad' })),
      failure(s.send({ method: 'GET', path: '/x401' })),
      failure(s.send({ method: 'GET', path: '/x429' })),
      failure(source('cv-dead').send({ method: 'GET', path: '/x', authenticated: false })),
    ]);
    const port = new URL(fake.url).port;
    for (const error of errors) {
      const shown = `${error.message} ${JSON.stringify(error.toExtensions())}`;
      expect(shown).not.toContain('127.0.0.1');
      expect(shown).not.toContain(port);
      expect(shown).not.toContain(String(deadPort));
      expect(shown).not.toContain('webconsole');
      expect(shown).not.toContain('token-1');
    }
  });
});

describe('upstream pipeline: observability', () => {
  it('counts calls, cache lookups and circuit state in the gateway registry', async () => {
    fake.on('GET /Client', { json: [] });
    await source().send({ method: 'GET', path: '/Client', cacheClass: 'inventory', route: 'GET /Client' });
    await source().send({ method: 'GET', path: '/Client', cacheClass: 'inventory', route: 'GET /Client' });
    const text = await metricsRegistry.metrics();
    expect(text).toMatch(/backup_graph_upstream_requests_total\{instance="cv-test",route="GET \/Client",status="\d+"\} \d+/);
    expect(text).toMatch(/backup_graph_cache_lookups_total\{instance="cv-test",result="hit"\} [1-9]/);
    expect(text).toMatch(/backup_graph_circuit_state\{instance="cv-test"\} 0/);
    expect(text).toContain('backup_graph_upstream_request_duration_seconds_bucket');
  });

  it('logs each upstream call at debug without its headers or token', async () => {
    const lines: string[] = [];
    const debugLogger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    await pipeline.close();
    pipeline = createUpstreamPipeline({ upstreams: config().upstreams, cache: config().cache, logger: debugLogger });
    fake.on('GET /Job/42', { json: {} });
    await source().send({ method: 'GET', path: '/Job/42' });
    const calls = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'upstream call');
    expect(calls.map((c) => [c.upstream, c.route, c.status])).toEqual([
      ['cv-test', 'POST /login', '200'],
      ['cv-test', 'GET /Job/{id}', '200'],
    ]);
    expect(calls.every((c) => typeof c.ms === 'number')).toBe(true);
    expect(lines.join('\n')).not.toContain('token-1');
  });
});
