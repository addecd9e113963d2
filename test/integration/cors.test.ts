import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, TEST_ANALYST_KEY, type TestGateway } from '../helpers/gateway.js';

const APP = 'https://app.example.com';
const OTHER = 'https://evil.example.net';

const corsHeaders = (headers: Headers) => [...headers.keys()].filter((k) => k.startsWith('access-control-'));

function preflight(url: string, origin: string, init: { method?: string; headers?: string } = {}) {
  return fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      ...(init.method === '' ? {} : { 'access-control-request-method': init.method ?? 'POST' }),
      'access-control-request-headers': init.headers ?? 'authorization,content-type',
    },
  });
}

function postFrom(url: string, origin: string, contentType = 'application/json') {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': contentType, authorization: `Bearer ${TEST_ANALYST_KEY}` },
    body: JSON.stringify({ query: '{ upstreams { id } }' }),
  });
}

describe('CORS', () => {
  let sim: CommvaultSimulator;
  beforeAll(async () => {
    sim = await startCommvaultSimulator();
  });
  afterAll(async () => {
    await sim?.close();
  });

  describe('without server.cors (the default: same-origin only)', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)] });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('sends no CORS header on a cross-origin POST (the browser keeps the answer from the page)', async () => {
      const res = await postFrom(gw.url, APP);
      expect(res.status).toBe(200);
      expect(corsHeaders(res.headers)).toEqual([]);
    });

    it('answers a preflight with 204 and no CORS header, so the browser never sends the request', async () => {
      const res = await preflight(gw.url, APP);
      expect(res.status).toBe(204);
      expect(corsHeaders(res.headers)).toEqual([]);
      expect(res.headers.get('allow')).toBe('GET, POST, OPTIONS');
    });
  });

  describe('with server.cors', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway({
        upstreams: [commvaultUpstream('cv-main', sim.url)],
        server: { cors: { origins: [APP, 'http://127.0.0.1:5173'], credentials: true, maxAge: 300 } },
      });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('answers a preflight from an allowed origin with 204 and the allow headers of the Fetch standard', async () => {
      const res = await preflight(gw.url, APP, { headers: 'authorization,content-type' });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(APP);
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type, apollo-require-preflight, x-apollo-operation-name');
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(res.headers.get('access-control-max-age')).toBe('300');
      expect(res.headers.get('vary')).toMatch(/origin/i);
      expect(await res.text()).toBe('');
    });

    it('answers a preflight from an origin not allowed with no CORS header at all', async () => {
      const res = await preflight(gw.url, OTHER);
      expect(res.status).toBe(204);
      expect(corsHeaders(res.headers)).toEqual([]);
    });

    it('matches origins exactly: another port, scheme or a suffix is not allowed', async () => {
      for (const origin of ['http://app.example.com', 'https://app.example.com:8443', 'https://app.example.com.evil.net', 'null']) {
        expect(corsHeaders((await preflight(gw.url, origin)).headers), origin).toEqual([]);
      }
    });

    it('refuses an OPTIONS from an allowed origin without Access-Control-Request-Method as no preflight (400)', async () => {
      const res = await preflight(gw.url, APP, { method: '' });
      expect(res.status).toBe(400);
    });

    it('lets an allowed origin read the answer of its request', async () => {
      const res = await postFrom(gw.url, APP);
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(APP);
      expect(res.headers.get('access-control-allow-credentials')).toBe('true');
      expect(await res.json()).toEqual({ data: { upstreams: [{ id: 'cv-main' }] } });
    });

    it('gives no CORS header to the answer of a request from another origin', async () => {
      const res = await postFrom(gw.url, OTHER);
      expect(corsHeaders(res.headers)).toEqual([]);
    });

    it("keeps Apollo's CSRF prevention: a simple text/plain POST is refused even from an allowed origin", async () => {
      const res = await postFrom(gw.url, APP, 'text/plain');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/Cross-Site Request Forgery/);
    });

    it('leaves the other routes same-origin', async () => {
      for (const path of ['/healthz', '/metrics', '/playground']) {
        const res = await fetch(`${gw.url}${path}`, { headers: { origin: APP } });
        expect(corsHeaders(res.headers), path).toEqual([]);
      }
    });
  });

  it('refuses a configured origin with a path at start', async () => {
    await expect(startTestGateway({ upstreams: [], server: { cors: { origins: ['https://app.example.com/'] } } })).rejects.toThrow(/origin/);
  });
});
