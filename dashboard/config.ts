/** What the gateway writes into the page (`<script type="application/json" id="dashboard-config">`). */
export interface DashboardConfig {
  /** Same-origin path of the graph, e.g. `/graphql` (HTTP and WebSocket). */
  graphqlPath: string;
  /** A key every visitor may use (the demo's `demo-frontend`), or null. */
  defaultApiKey: string | null;
}

export const CONFIG_ELEMENT_ID = 'dashboard-config';

export function readConfig(): DashboardConfig {
  const element = document.getElementById(CONFIG_ELEMENT_ID);
  return JSON.parse(element?.textContent ?? '{}') as DashboardConfig;
}
