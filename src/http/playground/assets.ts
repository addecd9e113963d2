import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeAsset, type StaticAsset } from '../static-asset.js';
import { BOOTSTRAP_SCRIPT, LAYOUT_CSS } from './client-sources.js';

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

export type PlaygroundAsset = StaticAsset;

export interface PlaygroundAssets {
  readonly byKey: Readonly<Record<AssetKey, PlaygroundAsset>>;
  /** Lookup by URL: a map hit or nothing, so no request path ever reaches the file system. */
  readonly byUrl: ReadonlyMap<string, PlaygroundAsset>;
}

/**
 * The packages' bundles end with `//# sourceMappingURL=…`; browsers with dev tools open would then ask for
 * `.map` files we do not serve. Dropping the comment keeps every request the page makes on the allowlist.
 */
function withoutSourceMapComment(source: Buffer): Buffer {
  const text = source.toString('utf8').replace(/\n?\/[/*][#@] sourceMappingURL=[^\n]*\s*$/, '\n');
  return Buffer.from(text, 'utf8');
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
    return [key, makeAsset(ASSET_PREFIX, path.basename(file), body)] as const;
  });
  entries.push(
    ['bootstrap', makeAsset(ASSET_PREFIX, 'playground.js', Buffer.from(BOOTSTRAP_SCRIPT, 'utf8'))],
    ['layout', makeAsset(ASSET_PREFIX, 'playground.css', Buffer.from(LAYOUT_CSS, 'utf8'))],
  );
  const byKey = Object.fromEntries(entries) as Record<AssetKey, PlaygroundAsset>;
  loaded = { byKey, byUrl: new Map(entries.map(([, asset]) => [asset.url, asset])) };
  return loaded;
}
