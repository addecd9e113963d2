/**
 * What runs in the analyst's browser besides the package bundles, kept as plain ES2017 source text.
 *
 * Why strings and not compiled TypeScript: these files must be served byte-for-byte (tsx/esbuild would inject
 * helpers such as `__name` into a stringified function, and `tsc -p tsconfig.build.json` does not copy `.js`
 * files into `dist/`). The script is a served file rather than an inline `<script>` so that the page's CSP can
 * keep `script-src 'self'` without `'unsafe-inline'`.
 */

/** Element ids shared by the page and the bootstrap script. */
export const CONFIG_ELEMENT_ID = 'playground-config';
export const ROOT_ELEMENT_ID = 'graphiql';

/**
 * Mounts GraphiQL with the config the page carries in `<script type="application/json">`.
 *
 * GraphiQL keeps tabs in localStorage (`graphiql:tabState`), and stored tabs win over `defaultTabs`: without
 * the version check an analyst would never see examples added after their first visit. Query history
 * (`graphiql:queries`) is left alone. Headers are never persisted (`shouldPersistHeaders: false`), so an API
 * key does not outlive the browser tab; `defaultHeaders` refills the editor on every load.
 */
export const BOOTSTRAP_SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById(${JSON.stringify(CONFIG_ELEMENT_ID)}).textContent);

  try {
    var versionKey = 'backup-graph:playground:examples';
    if (window.localStorage.getItem(versionKey) !== config.examplesVersion) {
      ['tabState', 'query', 'variables'].forEach(function (key) {
        window.localStorage.removeItem('graphiql:' + key);
      });
      window.localStorage.setItem(versionKey, config.examplesVersion);
    }
  } catch (error) {
    // Storage disabled (private mode, policy): GraphiQL falls back to memory and starts from the examples.
  }

  // Subscriptions go over WebSocket to the same path (graphql-ws, bundled in GraphiQL); GraphiQL opens one
  // connection per subscription with the header editor's JSON as connection_init payload, so the same
  // {"Authorization": "Bearer …"} authenticates both transports.
  var wsOrigin = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host;
  var props = {
    fetcher: GraphiQL.createFetcher({ url: config.graphqlPath, subscriptionUrl: wsOrigin + config.graphqlPath }),
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
  };
  if (config.defaultHeaders) props.defaultHeaders = config.defaultHeaders;
  if (config.tabs.length > 0) props.defaultTabs = config.tabs;

  ReactDOM.createRoot(document.getElementById(${JSON.stringify(ROOT_ELEMENT_ID)})).render(
    React.createElement(GraphiQL, props)
  );
})();
`;

/** Full-window layout; GraphiQL's own stylesheet assumes its container has a height. */
export const LAYOUT_CSS = `html, body { height: 100%; margin: 0; }
#${ROOT_ELEMENT_ID} { height: 100vh; }
`;
