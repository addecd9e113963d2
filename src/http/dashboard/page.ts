import { toScriptSafeJson } from '../static-asset.js';
import type { DashboardAssets } from './assets.js';

/** What the bundle reads from the page (dashboard/config.ts: same id and shape). */
export interface DashboardClientConfig {
  graphqlPath: string;
  defaultApiKey: string | null;
}

export const CONFIG_ELEMENT_ID = 'dashboard-config';

/**
 * The page: a stylesheet, one JSON block and one script, all same-origin; no inline script or style, so
 * the CSP can say `script-src 'self'` and `style-src 'self'`.
 */
export function renderDashboardPage(assets: DashboardAssets, config: DashboardClientConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>backup-graph dashboard</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.stylesheet.url}">
</head>
<body>
<div id="dashboard">Loading the dashboard…</div>
<noscript>The dashboard needs JavaScript.</noscript>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${toScriptSafeJson(config)}</script>
<script src="${assets.script.url}"></script>
</body>
</html>
`;
}
