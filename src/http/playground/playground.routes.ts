import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadPlaygroundAssets, type PlaygroundAsset } from './assets.js';
import { buildClientConfig, renderPlaygroundPage, type PlaygroundExample } from './page.js';
import { ASSET_HEADERS, PAGE_HEADERS } from './security-headers.js';

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

/** A same-origin absolute path: a full URL here would let the page talk to another origin (and break the CSP). */
const SAME_ORIGIN_PATH = /^\/(?!\/)[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

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

/** Sends the gzipped copy to clients that accept it; `vary` keeps shared caches from mixing the two. */
async function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: PlaygroundAsset): Promise<FastifyReply> {
  reply.headers(ASSET_HEADERS).header('content-type', asset.contentType).header('vary', 'accept-encoding');
  if (acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(await asset.gzipped());
  }
  return reply.send(asset.body);
}

/** True when `Accept-Encoding` lists gzip without `q=0` (anything else gets the identity body, always valid). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
