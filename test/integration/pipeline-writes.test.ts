import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyKindDefaults } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { createUpstreamPipeline } from '../../src/datasources/pipeline/index.js';
import type { SourceHooks, UpstreamPipeline, UpstreamRequest, UpstreamResponse } from '../../src/datasources/pipeline/types.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { FakeUpstream } from '../helpers/fake-upstream.js';

/**
 * The write path of the pipeline (docs/operations.md): the write bucket, never cached or coalesced,
 * never re-sent once it may have run — a lost answer is UPSTREAM_UNCERTAIN after exactly one call —
 * not even after a 401 (it drops the session, so the next call logs in) — while a 429 (the upstream did
 * not run it) may be sent again after a wait.
 */
let fake: FakeUpstream;
let pipeline: UpstreamPipeline;
let token = 't1';

class Source implements SourceHooks {
  readonly instanceId = 'cv-w';
  readonly identity = 'user:admin';
  private session?: Promise<Record<string, string>>;
  authHeaders(): Promise<Record<string, string>> {
    this.session ??= pipeline
      .send<{ token: string }>(this, { method: 'POST', path: '/login', authenticated: false, access: 'read' })
      .then((r) => ({ Authtoken: r.body.token }));
    return this.session;
  }
  onUnauthorized(): void {
    this.session = undefined;
  }
  errorFromResponse(): GatewayError | undefined {
    return undefined;
  }
  send<T>(req: UpstreamRequest): Promise<UpstreamResponse<T>> {
    return pipeline.send<T>(this, req);
  }
}

beforeAll(async () => {
  fake = await FakeUpstream.start('/api');
});
afterAll(() => fake.close());

beforeEach(() => {
  fake.reset();
  token = 't1';
  fake.on('POST /login', () => ({ json: { token } }));
  const config = applyKindDefaults(
    configSchema.parse({
      upstreams: [
        {
          id: 'cv-w',
          kind: 'commvault',
          url: fake.url,
          timeoutMs: 200,
          retry: { maxAttempts: 3, baseDelayMs: 5 },
          rateLimit: { queueTimeoutMs: 2000, read: { capacity: 100, refillPerSecond: 100 }, write: { capacity: 2, refillPerSecond: 0.001 }, headroomTokens: 0 },
        },
      ],
    }),
  );
  pipeline = createUpstreamPipeline({ upstreams: config.upstreams, cache: config.cache, logger: pino({ level: 'silent' }) });
});
afterEach(() => pipeline.close());

async function failure(p: Promise<unknown>): Promise<GatewayError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(GatewayError);
  return e as GatewayError;
}

describe('a write', () => {
  it('that times out after the upstream received it is UPSTREAM_UNCERTAIN after exactly one call', async () => {
    fake.on('POST /Job/1/action/kill', { json: {}, delayMs: 600 });
    const error = await failure(new Source().send({ method: 'POST', path: '/Job/1/action/kill' }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNCERTAIN);
    expect(error.message).toMatch(/check the job list/);
    expect(error.upstream).toEqual({ instance: 'cv-w' });
    expect(fake.calls('POST /Job/1/action/kill')).toHaveLength(1);
  });

  it('that gets a 502 is UPSTREAM_UNCERTAIN after exactly one call', async () => {
    fake.on('POST /Job/1/action/pause', { status: 502, raw: '<html>Bad Gateway</html>', headers: { 'content-type': 'text/html' } });
    const error = await failure(new Source().send({ method: 'POST', path: '/Job/1/action/pause' }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNCERTAIN);
    expect(error.upstream).toEqual({ instance: 'cv-w', status: 502 });
    expect(fake.calls('POST /Job/1/action/pause')).toHaveLength(1);
  });

  it('is not sent again after a 401: UPSTREAM_UNCERTAIN, and the next call logs in afresh', async () => {
    fake.on('POST /Job/2/action/kill', { status: 401, json: {} });
    const s = new Source();
    const error = await failure(s.send({ method: 'POST', path: '/Job/2/action/kill' }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_UNCERTAIN);
    expect(error.upstream).toEqual({ instance: 'cv-w', status: 401 });
    expect(fake.calls('POST /Job/2/action/kill')).toHaveLength(1);
    expect(fake.calls('POST /login')).toHaveLength(1);
    fake.on('POST /Job/2/action/kill', { json: { errorCode: 0 } });
    expect((await s.send({ method: 'POST', path: '/Job/2/action/kill' })).status).toBe(200);
    expect(fake.calls('POST /login')).toHaveLength(2);
  });

  it('is never coalesced or cached, and spends the write bucket, not the read bucket', async () => {
    fake.on('POST /Subclient/3/action/backup', { json: { jobIds: ['1'] } });
    fake.on('GET /Job', { json: {} });
    const s = new Source();
    await Promise.all([s.send({ method: 'POST', path: '/Subclient/3/action/backup' }), s.send({ method: 'POST', path: '/Subclient/3/action/backup' })]);
    expect(fake.calls('POST /Subclient/3/action/backup')).toHaveLength(2);
    // The write bucket (capacity 2, no refill to speak of) is empty; reads still flow.
    const third = await failure(s.send({ method: 'POST', path: '/Subclient/3/action/backup' }));
    expect(third.code).toBe(ErrorCode.RATE_LIMITED);
    expect(fake.calls('POST /Subclient/3/action/backup')).toHaveLength(2);
    await s.send({ method: 'GET', path: '/Job' });
    expect(fake.calls('GET /Job')).toHaveLength(1);
  });

  it('login keeps its own errors: a slow login is UPSTREAM_TIMEOUT, not UPSTREAM_UNCERTAIN', async () => {
    fake.on('POST /login', { json: { token: 'x' }, delayMs: 600 });
    const error = await failure(new Source().send({ method: 'GET', path: '/Job' }));
    expect(error.code).toBe(ErrorCode.UPSTREAM_TIMEOUT);
  });
});
