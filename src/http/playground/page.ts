import { createHash } from 'node:crypto';
import { renderAppPage } from '../static-asset.js';
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

/** The page: GraphiQL's stylesheet and the layout, then React, GraphiQL and the bootstrap script (renderAppPage). */
export function renderPlaygroundPage(assets: PlaygroundAssets, config: PlaygroundClientConfig): string {
  const { react, reactDom, graphiqlJs, graphiqlCss, bootstrap, layout } = assets.byKey;
  return renderAppPage({
    title: 'backup-graph playground',
    name: 'playground',
    rootElementId: ROOT_ELEMENT_ID,
    configElementId: CONFIG_ELEMENT_ID,
    config,
    stylesheets: [graphiqlCss, layout],
    scripts: [react, reactDom, graphiqlJs, bootstrap],
  });
}
