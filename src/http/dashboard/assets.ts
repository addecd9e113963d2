import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeAsset, type StaticAsset } from '../static-asset.js';

/** URL prefix of the dashboard's two assets. */
export const DASHBOARD_ASSET_PREFIX = '/dashboard/assets/';

/**
 * The bundle `npm run dashboard` writes (scripts/bundle-dashboard.ts), beside the generated operations:
 * from `src/` when run with tsx, from `dist/src/` after `npm run build` (which bundles into dist).
 */
const BUNDLE_DIR = new URL('../../generated/dashboard/', import.meta.url);

export interface DashboardAssets {
  readonly script: StaticAsset;
  readonly stylesheet: StaticAsset;
}

let loaded: DashboardAssets | undefined;

/** Reads the bundle once per process; a missing file fails the start (with what to run), not a visit. */
export function loadDashboardAssets(): DashboardAssets {
  if (loaded) return loaded;
  const read = (file: string) => {
    try {
      return makeAsset(DASHBOARD_ASSET_PREFIX, file, readFileSync(new URL(file, BUNDLE_DIR)));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new Error(`dashboard: cannot read ${fileURLToPath(new URL(file, BUNDLE_DIR))} (${reason}); run \`npm run dashboard\``);
    }
  };
  loaded = { script: read('dashboard.js'), stylesheet: read('dashboard.css') };
  return loaded;
}
