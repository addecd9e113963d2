import { pageHeaders } from '../static-asset.js';

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

/** Headers of the HTML page (src/http/static-asset.ts). */
export const PAGE_HEADERS = pageHeaders(PLAYGROUND_CSP);
