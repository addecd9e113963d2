import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { commvaultUpstream, startTestGateway, TEST_ANALYST_KEY, type TestGateway } from '../helpers/gateway.js';
import { CHROMIUM_MISSING_MESSAGE, chromiumInstalled, launchChromium } from './chromium.js';

const installed = chromiumInstalled();
// As the playground test: a developer without the browser gets a skip; CI (CI=true) gets a failure.
const skipped = !installed && process.env.CI !== 'true';
if (skipped) console.warn(`skipping the cross-origin browser test: ${CHROMIUM_MISSING_MESSAGE}`);

/** A blank page on its own loopback port: a second origin for the browser. */
async function startPageServer(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>another origin</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** What a page's `fetch` of the gateway gives: the JSON, or the error the browser raised. */
type Outcome = { status: number; body: unknown } | { error: string };

describe.skipIf(skipped)('CORS in Chromium: a page of another origin runs a query only when its origin is allowed', () => {
  let sim: CommvaultSimulator;
  let gw: TestGateway;
  let browser: Browser;
  let context: BrowserContext;
  let allowed: { origin: string; server: Server };
  let other: { origin: string; server: Server };

  beforeAll(async () => {
    if (!installed) return;
    allowed = await startPageServer();
    other = await startPageServer();
    sim = await startCommvaultSimulator();
    gw = await startTestGateway({ upstreams: [commvaultUpstream('cv-main', sim.url)], server: { cors: { origins: [allowed.origin] } } });
    browser = await launchChromium();
    context = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await gw?.close();
    await sim?.close();
    for (const s of [allowed?.server, other?.server]) await new Promise((r) => (s ? s.close(r) : r(undefined)));
  });

  /** Opens a page at `origin` and has it POST a query to the gateway with a key (so the browser sends a preflight first). */
  async function queryFrom(origin: string): Promise<Outcome> {
    const page = await context.newPage();
    try {
      await page.goto(origin);
      return await page.evaluate(
        async ({ url, key }) => {
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
              body: JSON.stringify({ query: '{ upstreams { id } }' }),
            });
            return { status: res.status, body: await res.json() };
          } catch (e) {
            return { error: String(e) };
          }
        },
        { url: `${gw.url}/graphql`, key: TEST_ANALYST_KEY },
      );
    } finally {
      await page.close();
    }
  }

  it('finds Debian chromium at /usr/bin/chromium', () => {
    expect(installed, `${CHROMIUM_MISSING_MESSAGE}; CI=true, so this fails instead of skipping`).toBe(true);
  });

  it.runIf(installed)('runs the query from a page of an allowed origin', async () => {
    expect(await queryFrom(allowed.origin)).toEqual({ status: 200, body: { data: { upstreams: [{ id: 'cv-main' }] } } });
  });

  it.runIf(installed)('refuses it to a page of an origin not allowed: the browser fails the fetch', async () => {
    const outcome = await queryFrom(other.origin);
    expect(outcome).toEqual({ error: expect.stringMatching(/TypeError: Failed to fetch/) });
  });
});
