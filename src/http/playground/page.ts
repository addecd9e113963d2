import { createHash } from 'node:crypto';
import { toScriptSafeJson } from '../static-asset.js';
import type { PlaygroundAssets } from './assets.js';
import { CONFIG_ELEMENT_ID, ROOT_ELEMENT_ID } from './client-sources.js';

/** One example operation, shown as a GraphiQL tab. */
export interface PlaygroundExample {
  /** File name without extension; orders the tabs. */
  name: string;
  /** The GraphQL document as written in `operations/`. */
  document: string;
}

/** What the bootstrap script reads from the page (see `client-sources.ts`). */
export interface PlaygroundClientConfig {
  graphqlPath: string;
  /** Header editor text for every tab, or null for an empty editor. */
  defaultHeaders: string | null;
  tabs: Array<{ query: string; headers?: string }>;
  /** Changes whenever the examples change, so stored tabs are replaced by the new ones. */
  examplesVersion: string;
}

export function buildClientConfig(input: {
  graphqlPath: string;
  examples: readonly PlaygroundExample[];
  defaultApiKey?: string;
}): PlaygroundClientConfig {
  const defaultHeaders = input.defaultApiKey
    ? JSON.stringify({ Authorization: `Bearer ${input.defaultApiKey}` }, null, 2)
    : null;
  const examplesVersion = createHash('sha256')
    .update(JSON.stringify(input.examples.map(({ name, document }) => [name, document])))
    .digest('hex')
    .slice(0, 16);
  return {
    graphqlPath: input.graphqlPath,
    defaultHeaders,
    tabs: input.examples.map(({ document }) => (defaultHeaders ? { query: document, headers: defaultHeaders } : { query: document })),
    examplesVersion,
  };
}

/**
 * The page: only same-origin, content-hashed assets and one JSON block; no inline script, so the CSP in
 * `security-headers.ts` can say `script-src 'self'`. `rel=icon href=data:,` stops the browser asking for
 * `/favicon.ico`.
 */
export function renderPlaygroundPage(assets: PlaygroundAssets, config: PlaygroundClientConfig): string {
  const { react, reactDom, graphiqlJs, graphiqlCss, bootstrap, layout } = assets.byKey;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>backup-graph playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${graphiqlCss.url}">
<link rel="stylesheet" href="${layout.url}">
</head>
<body>
<div id="${ROOT_ELEMENT_ID}">Loading the playground…</div>
<noscript>The playground needs JavaScript.</noscript>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${toScriptSafeJson(config)}</script>
<script src="${react.url}"></script>
<script src="${reactDom.url}"></script>
<script src="${graphiqlJs.url}"></script>
<script src="${bootstrap.url}"></script>
</body>
</html>
`;
}
