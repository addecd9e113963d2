import type { FastifyInstance } from 'fastify';
import { pageHeaders, SAME_ORIGIN_PATH, sendAsset } from '../static-asset.js';
import { loadDashboardAssets } from './assets.js';
import { renderDashboardPage } from './page.js';

export const DASHBOARD_PATH = '/dashboard';

/**
 * Content-Security-Policy of the dashboard: stricter than the playground's, since the page injects no
 * styles (bars are SVG attributes) and loads no fonts. `connect-src 'self'` covers `/graphql` over HTTP
 * and WebSocket; `frame-ancestors 'none'`: a page holding an API key must not be framed by another site.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = pageHeaders(DASHBOARD_CSP);

export interface DashboardOptions {
  /** Serve the dashboard at all; when false `/dashboard` answers the app's ordinary 404. @default true */
  enabled?: boolean;
  /** A key written into the page for every visitor (the demo's `demo-frontend`); never a real key. */
  defaultApiKey?: string;
  /** Same-origin path of the graph. @default '/graphql' */
  graphqlPath?: string;
}

/**
 * `GET /dashboard`: the reference frontend (docs/dashboard.md), served whole by the gateway (no CDN), and
 * its two content-hashed assets. It talks to the graph like any frontend: trusted documents by hash.
 */
export function registerDashboardRoutes(app: FastifyInstance, options: DashboardOptions): void {
  if (options.enabled === false) return;
  const graphqlPath = options.graphqlPath ?? '/graphql';
  if (!SAME_ORIGIN_PATH.test(graphqlPath)) {
    throw new Error(`dashboard: graphqlPath must be a same-origin path such as "/graphql", got ${JSON.stringify(graphqlPath)}`);
  }
  const assets = loadDashboardAssets();
  const page = renderDashboardPage(assets, { graphqlPath, defaultApiKey: options.defaultApiKey ?? null });
  app.get(DASHBOARD_PATH, async (_request, reply) => reply.headers(PAGE_HEADERS).send(page));
  for (const asset of [assets.script, assets.stylesheet]) {
    app.get(asset.url, async (request, reply) => sendAsset(request, reply, asset));
  }
}
