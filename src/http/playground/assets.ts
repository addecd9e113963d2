import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BOOTSTRAP_SCRIPT, LAYOUT_CSS } from './client-sources.js';

const gzipAsync = promisify(gzip);

/** URL prefix of every playground asset. */
export const ASSET_PREFIX = '/playground/assets/';

/**
 * The allowlist: the only files the playground serves, as (package, path inside it). react and react-dom
 * declare `exports` without their `umd/` files, so the package is located through its `package.json` (which
 * every one of them exports) and the file joined to that directory.
 */
const NPM_ASSETS = {
  react: { pkg: 'react', path: 'umd/react.production.min.js' },
  reactDom: { pkg: 'react-dom', path: 'umd/react-dom.production.min.js' },
  graphiqlJs: { pkg: 'graphiql', path: 'graphiql.min.js' },
  graphiqlCss: { pkg: 'graphiql', path: 'graphiql.min.css' },
} as const;

export type AssetKey = keyof typeof NPM_ASSETS | 'bootstrap' | 'layout';

export interface PlaygroundAsset {
  /** Path the page references, e.g. `/playground/assets/graphiql.min.3f2a9c01d4.js` (content hash before the extension). */
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
  /** Gzipped body, computed on first request and kept (the GraphiQL bundle is 3.5 MB raw, ~0.7 MB gzipped). */
  gzipped(): Promise<Buffer>;
}

export interface PlaygroundAssets {
  readonly byKey: Readonly<Record<AssetKey, PlaygroundAsset>>;
  /** Lookup by URL: a map hit or nothing, so no request path ever reaches the file system. */
  readonly byUrl: ReadonlyMap<string, PlaygroundAsset>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The packages' bundles end with `//# sourceMappingURL=…`; browsers with dev tools open would then ask for
 * `.map` files we do not serve. Dropping the comment keeps every request the page makes on the allowlist.
 */
function withoutSourceMapComment(source: Buffer): Buffer {
  const text = source.toString('utf8').replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*\s*$/, '\n');
  return Buffer.from(text, 'utf8');
}

function makeAsset(file: string, body: Buffer): PlaygroundAsset {
  const extension = file.slice(file.lastIndexOf('.'));
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) throw new Error(`playground asset ${file}: no content type for ${extension}`);
  // The content hash in the name lets browsers cache an asset for a year and still pick up an upgrade at once.
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const url = `${ASSET_PREFIX}${file.slice(0, -extension.length)}.${hash}${extension}`;
  let gzipped: Promise<Buffer> | undefined;
  return {
    url,
    contentType,
    body,
    gzipped: () => (gzipped ??= gzipAsync(body, { level: 6 })),
  };
}

let loaded: PlaygroundAssets | undefined;

/**
 * Resolves and reads the allowlisted files once per process (they are immutable package files; several
 * gateways in one test process share them). Throws at start if a package is missing, not on first visit.
 */
export function loadPlaygroundAssets(): PlaygroundAssets {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const entries = Object.entries(NPM_ASSETS).map(([key, { pkg, path: file }]) => {
    const packageDir = path.dirname(require.resolve(`${pkg}/package.json`));
    const body = withoutSourceMapComment(readFileSync(path.join(packageDir, file)));
    return [key, makeAsset(path.basename(file), body)] as const;
  });
  entries.push(
    ['bootstrap', makeAsset('playground.js', Buffer.from(BOOTSTRAP_SCRIPT, 'utf8'))],
    ['layout', makeAsset('playground.css', Buffer.from(LAYOUT_CSS, 'utf8'))],
  );
  const byKey = Object.fromEntries(entries) as Record<AssetKey, PlaygroundAsset>;
  loaded = { byKey, byUrl: new Map(entries.map(([, asset]) => [asset.url, asset])) };
  return loaded;
}
