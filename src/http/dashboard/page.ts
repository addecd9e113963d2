import { renderAppPage } from '../static-asset.js';
import type { DashboardAssets } from './assets.js';

/** What the bundle reads from the page (dashboard/config.ts: same id and shape). */
export interface DashboardClientConfig {
  graphqlPath: string;
  defaultApiKey: string | null;
}

export const CONFIG_ELEMENT_ID = 'dashboard-config';

/** The page: a stylesheet, one JSON block and one script, all same-origin (renderAppPage). */
export function renderDashboardPage(assets: DashboardAssets, config: DashboardClientConfig): string {
  return renderAppPage({
    title: 'backup-graph dashboard',
    name: 'dashboard',
    rootElementId: 'dashboard',
    configElementId: CONFIG_ELEMENT_ID,
    config,
    stylesheets: [assets.stylesheet],
    scripts: [assets.script],
  });
}
