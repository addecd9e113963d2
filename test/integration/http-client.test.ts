import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyKindDefaults } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { answersAwaited, HttpClient, QUEUED_TIMEOUT, TransportError } from '../../src/datasources/pipeline/http-client.js';

/** Routes of a local upstream whose answers arrive in pieces, late, or never. */
let server: Server;
let url: string;
const held: ServerResponse[] = [];
const seen: string[] = [];
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/api/pieces') {
      // Three writes a few ms apart: the body reaches the client in several chunks.
      res.writeHead(200, { 'content-type': 'application/json', 'x-repeated': ['a', 'b'] });
      const parts = [`{"items":[${'1,'.repeat(40_000)}`, `${'2,'.repeat(40_000)}`, '3]}'];
      let i = 0;
      const next = (): void => {
        if (i === parts.length - 1) res.end(parts[i]);
        else {
          res.write(parts[i++]);
          setTimeout(next, 5);
        }
      };
      next();
    } else if (req.url === '/api/slow') {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 300);
    } else if (req.url === '/api/hang') {
      held.push(res);
    } else if (req.url === '/api/trickle') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => clearInterval(timer));
    } else {
      res.writeHead(204).end();
    }
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(connections = 4): HttpClient {
  const config = applyKindDefaults(configSchema.parse({ upstreams: [{ id: 'cv-http', kind: 'commvault', url, connections }] }));
  return new HttpClient(config.upstreams);
}

// The clock starts before the request is issued: its deadline timer starts inside request(), so a clock
// started after it would read short by whatever the call itself took.
async function timing<T>(issue: () => Promise<T>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await issue();
    return { error: undefined, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

describe('HttpClient', () => {
  it('gives the status, lower-cased headers with repeats joined, and a body that came in pieces whole', async () => {
    const http = client();
    try {
      const res = await http.request('cv-http', { method: 'GET', pathAndQuery: '/pieces', headers: {}, timeoutMs: 5000 });
      expect(res.status).toBe(200);
      expect(res.headers['x-repeated']).toBe('a, b');
      expect(res.headers['content-type']).toBe('application/json');
      const body = JSON.parse(Buffer.from(res.bytes).toString('utf8')) as { items: number[] };
      expect(body.items).toHaveLength(80_001);
      expect(body.items.at(-1)).toBe(3);
      expect(body.items.filter((n) => n === 2)).toHaveLength(40_000);
      const empty = await http.request('cv-http', { method: 'GET', pathAndQuery: '/nothing', headers: {}, timeoutMs: 5000 });
      expect([empty.status, empty.bytes.length]).toEqual([204, 0]);
    } finally {
      await http.close();
    }
  });

  it('times out a request still waiting for a connection, within its own time', async () => {
    const http = client(1);
    try {
      // The one connection is taken by an answer that never comes; the second request waits in the queue.
      const first = timing(() => http.request('cv-http', { method: 'GET', pathAndQuery: '/hang', headers: {}, timeoutMs: 1500 }));
      const second = await timing(() => http.request('cv-http', { method: 'POST', pathAndQuery: '/queued', headers: {}, body: '{}', timeoutMs: 200 }));
      expect(second.error).toBeInstanceOf(TransportError);
      expect([(second.error as TransportError).kind, (second.error as TransportError).code]).toEqual(['timeout', QUEUED_TIMEOUT]);
      expect(second.ms).toBeGreaterThanOrEqual(190);
      expect(second.ms).toBeLessThan(1400);
      const hung = await first;
      expect((hung.error as TransportError).kind).toBe('timeout');
      expect(hung.ms).toBeLessThan(3000);
      // Once the connection was free again, the queued request was dropped, not sent late.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(seen).not.toContain('/api/queued');
    } finally {
      await http.close().catch(() => undefined);
    }
  });

  it('drops requests timed out in the queue without closing the connection they waited for', async () => {
    const http = client(1);
    try {
      const before = connections;
      const slow = http.request('cv-http', { method: 'GET', pathAndQuery: '/slow', headers: {}, timeoutMs: 2000 });
      const queued = await Promise.all(
        [1, 2, 3].map((n) => timing(() => http.request('cv-http', { method: 'GET', pathAndQuery: `/nothing?n=${n}`, headers: {}, timeoutMs: 50 }))),
      );
      expect(queued.map((q) => (q.error as TransportError).code)).toEqual([QUEUED_TIMEOUT, QUEUED_TIMEOUT, QUEUED_TIMEOUT]);
      expect((await slow).status).toBe(200);
      expect((await http.request('cv-http', { method: 'GET', pathAndQuery: '/nothing?after', headers: {}, timeoutMs: 2000 })).status).toBe(204);
      // One keep-alive connection carried the slow answer and the one after; the dropped requests closed none.
      expect(connections - before).toBe(1);
      expect(seen.filter((u) => u.startsWith('/api/nothing?n='))).toEqual([]);
    } finally {
      await http.close();
    }
  });

  it('times out a body that keeps trickling, however often bytes come', async () => {
    const http = client();
    try {
      const { error, ms } = await timing(() => http.request('cv-http', { method: 'GET', pathAndQuery: '/trickle', headers: {}, timeoutMs: 300 }));
      expect((error as TransportError).kind).toBe('timeout');
      expect((error as TransportError).code).toBe('ABORT_TIMEOUT');
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(1500);
    } finally {
      await http.close();
    }
  });

  it('counts the answers still awaited across clients, whether they come, time out in the queue or fail', async () => {
    const one = client(1);
    const other = client();
    try {
      expect(answersAwaited()).toBe(0);
      const slow = one.request('cv-http', { method: 'GET', pathAndQuery: '/slow', headers: {}, timeoutMs: 2000 });
      const queued = timing(() => one.request('cv-http', { method: 'GET', pathAndQuery: '/nothing?queued', headers: {}, timeoutMs: 50 }));
      const hung = timing(() => other.request('cv-http', { method: 'GET', pathAndQuery: '/hang', headers: {}, timeoutMs: 150 }));
      // Sent or waiting for a connection, on either client: three answers on their way.
      expect(answersAwaited()).toBe(3);
      expect(((await queued).error as TransportError).code).toBe(QUEUED_TIMEOUT);
      expect(answersAwaited()).toBe(2);
      expect(((await hung).error as TransportError).kind).toBe('timeout');
      expect(answersAwaited()).toBe(1);
      expect((await slow).status).toBe(200);
      expect(answersAwaited()).toBe(0);
    } finally {
      await Promise.all([one.close(), other.close()]);
    }
  });

  it('says a refused connection is unavailable, naming its code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const config = applyKindDefaults(configSchema.parse({ upstreams: [{ id: 'cv-gone', kind: 'commvault', url: `http://127.0.0.1:${port}/api` }] }));
    const http = new HttpClient(config.upstreams);
    try {
      const { error } = await timing(() => http.request('cv-gone', { method: 'GET', pathAndQuery: '/x', headers: {}, timeoutMs: 2000 }));
      expect(error).toBeInstanceOf(TransportError);
      expect([(error as TransportError).kind, (error as TransportError).code]).toEqual(['unavailable', 'ECONNREFUSED']);
      // A failed exchange is no longer awaited either.
      expect(answersAwaited()).toBe(0);
    } finally {
      await http.close();
    }
  });
});
