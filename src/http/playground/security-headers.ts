/**
 * Content-Security-Policy of the playground page. Everything is same-origin:
 * - `script-src 'self'`: the bootstrap is a served file, its config a JSON block (not executed), so no
 *   `'unsafe-inline'` and no `'unsafe-eval'` for scripts.
 * - `style-src 'unsafe-inline'`: GraphiQL's components (CodeMirror, framer-motion, Radix) inject `<style>`
 *   elements and style attributes at run time.
 * - `data:` for fonts and images: GraphiQL's stylesheet inlines its fonts as data URLs; the page's icon is
 *   `data:,`.
 * - `connect-src 'self'`: the fetcher talks to the gateway's own `/graphql` and nowhere else.
 * - `frame-ancestors 'none'`: a page holding an API key must not be framed by another site (clickjacking).
 */
export const PLAYGROUND_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of the HTML page. `no-store`: the page may carry the default API key and must not sit in caches. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': PLAYGROUND_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Headers of every asset: names carry a content hash, so a year-long immutable cache is safe. */
export const ASSET_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'public, max-age=31536000, immutable',
};
