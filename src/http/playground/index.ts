/** The offline GraphiQL playground: routes, example loading and the page's public types. */
export { loadExamples, defaultOperationsDir } from './load-examples.js';
export type { PlaygroundExample } from './page.js';
export {
  registerPlaygroundRoutes,
  PLAYGROUND_PATH,
  DEFAULT_GRAPHQL_PATH,
  type PlaygroundOptions,
} from './playground.routes.js';
export { PLAYGROUND_CSP } from './security-headers.js';
