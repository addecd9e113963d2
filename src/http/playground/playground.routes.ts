import type { FastifyInstance } from 'fastify';
import { SAME_ORIGIN_PATH, sendAsset } from '../static-asset.js';
import { loadPlaygroundAssets } from './assets.js';
import { buildClientConfig, renderPlaygroundPage, type PlaygroundExample } from './page.js';
import { PAGE_HEADERS } from './security-headers.js';

export const PLAYGROUND_PATH = '/playground';
export const DEFAULT_GRAPHQL_PATH = '/graphql';

export interface PlaygroundOptions {
  /**
   * Serve the playground at all. When false no route is registered, so `/playground` and its assets answer
   * the app's ordinary 404. Who may introspect is the GraphQL layer's decision, not this page's.
   * @default true
   */
  enabled?: boolean;
  /** Operations opened as tabs, in this order; the first one is active. See `loadExamples`. */
  examples: readonly PlaygroundExample[];
  /**
   * Prefills the header editor with `{"Authorization": "Bearer <key>"}`. The key is written into the page,
   * so give one only where every visitor may use it (the demo's `demo-analyst`).
   * @default none (empty header editor)
   */
  defaultApiKey?: string;
  /** Same-origin path of the GraphQL endpoint the page talks to. @default '/graphql' */
  graphqlPath?: string;
}

/**
 * `GET /playground`: GraphiQL served entirely by the gateway (no CDN), with the example operations as tabs.
 * `GET /playground/assets/<name>.<hash>.<ext>`: one route per allowlisted file, so no request path is ever
 * mapped to the file system. Assets are read when this runs (a missing package fails the start, not a visit).
 */
export function registerPlaygroundRoutes(app: FastifyInstance, options: PlaygroundOptions): void {
  if (options.enabled === false) return;
  const graphqlPath = options.graphqlPath ?? DEFAULT_GRAPHQL_PATH;
  if (!SAME_ORIGIN_PATH.test(graphqlPath)) {
    throw new Error(`playground: graphqlPath must be a same-origin path such as "/graphql", got ${JSON.stringify(graphqlPath)}`);
  }

  const assets = loadPlaygroundAssets();
  const config = buildClientConfig({ graphqlPath, examples: options.examples, defaultApiKey: options.defaultApiKey });
  const page = renderPlaygroundPage(assets, config);

  app.get(PLAYGROUND_PATH, async (_request, reply) => reply.headers(PAGE_HEADERS).send(page));
  for (const asset of assets.byUrl.values()) {
    app.get(asset.url, async (request, reply) => sendAsset(request, reply, asset));
  }
}

export { acceptsGzip } from '../static-asset.js';
