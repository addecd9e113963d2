import type { GatewayConfig, Role } from './config/schema.js';
import type { PrincipalSources, SourceRegistry } from './datasources/registry.js';
import type { GatewayError } from './errors/gateway-error.js';
import { createLoaders, type GatewayLoaders } from './datasources/commvault/loaders.js';

/** An upstream credential with its secret already resolved (from the config value or its `…Env` variable). */
export interface ResolvedCredential {
  username?: string;
  password?: string;
  bearerToken?: string;
}

/** Who is calling the gateway, resolved from `Authorization: Bearer <apiKey>` by the caller plugin. */
export interface Principal {
  /** The caller's configured id (e.g. `web`, `demo-frontend`). */
  readonly id: string;
  readonly role: Role;
  /** Upstream instance ids this caller may see, in config order. */
  readonly upstreamIds: readonly string[];
  /**
   * The caller's own upstream credentials by upstream id; where absent, the upstream's service account
   * applies. Secrets: never log or serialise a Principal.
   */
  readonly credentials: Readonly<Record<string, ResolvedCredential>>;
}

/** Everything a resolver may use for one GraphQL request. Built by `createGatewayContext`, per request. */
export interface GatewayContext {
  principal: Principal;
  /** The upstream sources this principal may use. */
  sources: PrincipalSources;
  /** This request's DataLoaders (batching and per-request memoisation). */
  loaders: GatewayLoaders;
  /**
   * Failures of one upstream in a fan-out whose other upstreams answered: the field keeps the others'
   * data and the Apollo plugin `usePartialErrors` adds these to the response's `errors`.
   */
  partialErrors: Array<{ error: GatewayError; path: ReadonlyArray<string | number> }>;
  /** Upper bound of `first` on every connection (`config.server.maxPageSize`). */
  maxPageSize: number;
}

/** The context of one request: the principal's sources, fresh loaders, an empty partial-error list. */
export function createGatewayContext(deps: {
  principal: Principal;
  registry: SourceRegistry;
  config: GatewayConfig;
}): GatewayContext {
  const sources = deps.registry.forPrincipal(deps.principal);
  return {
    principal: deps.principal,
    sources,
    loaders: createLoaders(sources),
    partialErrors: [],
    maxPageSize: deps.config.server.maxPageSize,
  };
}
