import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzipAsync = promisify(gzip);

/** A file the gateway serves to browsers (the playground's and the dashboard's), held in memory. */
export interface StaticAsset {
  /** Path the page references, e.g. `/playground/assets/graphiql.min.3f2a9c01d4.js` (content hash before the extension). */
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
  /** Gzipped body, computed on first request and kept (the GraphiQL bundle is 3.5 MB raw, ~0.7 MB gzipped). */
  gzipped(): Promise<Buffer>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Headers of every asset: names carry a content hash, so a year-long immutable cache is safe. */
export const ASSET_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'public, max-age=31536000, immutable',
};

/**
 * Headers of a page the gateway serves (playground, dashboard) under its own CSP. `no-store`: the page may
 * carry the demo's API key and must not sit in caches.
 */
export function pageHeaders(contentSecurityPolicy: string): Readonly<Record<string, string>> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

/** `file` served under `prefix` (ending in `/`), its name carrying a hash of `body`. */
export function makeAsset(prefix: string, file: string, body: Buffer): StaticAsset {
  const extension = file.slice(file.lastIndexOf('.'));
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) throw new Error(`asset ${file}: no content type for ${extension}`);
  // The content hash in the name lets browsers cache an asset for a year and still pick up an upgrade at once.
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const url = `${prefix}${file.slice(0, -extension.length)}.${hash}${extension}`;
  let gzipped: Promise<Buffer> | undefined;
  return {
    url,
    contentType,
    body,
    gzipped: () => (gzipped ??= gzipAsync(body, { level: 6 })),
  };
}

/** Sends the gzipped copy to clients that accept it; `vary` keeps shared caches from mixing the two. */
export async function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: StaticAsset): Promise<FastifyReply> {
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

/**
 * JSON that is safe inside `<script type="application/json">`: a value containing `</script>` or
 * `<!--` must not end the element, so `<`, `>` and `&` are written as JSON escapes (the parsed value is
 * unchanged). U+2028/U+2029 are escaped for older parsers that treat them as line ends.
 */
export function toScriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A same-origin absolute path: a full URL here would let a page talk to another origin (and break its CSP). */
export const SAME_ORIGIN_PATH = /^\/(?!\/)[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

/** What a served single-page app consists of: its same-origin assets, its mount point and its config block. */
export interface AppPage {
  title: string;
  /** Noun in the "Loading the …" and "needs JavaScript" texts. */
  name: string;
  rootElementId: string;
  configElementId: string;
  config: unknown;
  stylesheets: readonly StaticAsset[];
  /** In load order. */
  scripts: readonly StaticAsset[];
}

/**
 * The HTML of a served app (playground, dashboard): only same-origin, content-hashed assets and one JSON
 * block, no inline script or style, so the page's CSP can say `script-src 'self'`. `rel=icon href=data:,`
 * stops the browser asking for `/favicon.ico`.
 */
export function renderAppPage(page: AppPage): string {
  const links = page.stylesheets.map((s) => `<link rel="stylesheet" href="${s.url}">\n`).join('');
  const scripts = page.scripts.map((s) => `<script src="${s.url}"></script>\n`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="icon" href="data:,">
${links}</head>
<body>
<div id="${page.rootElementId}">Loading the ${page.name}…</div>
<noscript>The ${page.name} needs JavaScript.</noscript>
<script type="application/json" id="${page.configElementId}">${toScriptSafeJson(page.config)}</script>
${scripts}</body>
</html>
`;
}
