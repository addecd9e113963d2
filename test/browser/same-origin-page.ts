import type { Browser, BrowserContext, Page } from 'playwright-core';

/** A page that can reach one origin only, and what it tried beyond that. */
export interface SameOriginPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** URLs of requests to any other origin; each was aborted before it left the browser. */
  readonly blockedRequests: string[];
  /** Console messages where the browser refused something under the page's Content-Security-Policy. */
  readonly cspViolations: string[];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[];
}

/**
 * Opens a fresh context (empty localStorage) whose every request to another origin is aborted and recorded:
 * the proof that the playground works offline is that nothing was even attempted elsewhere.
 */
export async function openSameOriginPage(browser: Browser, origin: string): Promise<SameOriginPage> {
  const allowed = new URL(origin).origin;
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const blockedRequests: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin === allowed) return route.continue();
    blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  return { context, page, blockedRequests, cspViolations, pageErrors };
}
