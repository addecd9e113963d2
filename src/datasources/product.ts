import type { Logger } from 'pino';
import type { BucketConfig, Role, UpstreamConfig } from '../config/schema.js';
import type { ResolvedCredential } from '../principal.js';
import type { UpstreamPipeline } from './pipeline/types.js';
import type { UpstreamSource } from './upstream-source.js';

/** What a product's sources are built with. */
export interface SourceDeps {
  pipeline: UpstreamPipeline;
  logger: Logger;
  /**
   * The one object under `key` for the registry's life, made by `make` on first ask: what sources of
   * several upstreams share (one login serving a service account's tenants). Keys may hash secrets.
   */
  shared<T>(key: string, make: () => T): T;
}

/** One caller's source for one upstream: the key that tells sessions apart, and how to make the source. */
export interface SourcePlan<S> {
  /** Same key, same source (and session); it may hash secrets, it is never logged. */
  key: string;
  create(deps: SourceDeps): S;
}

/** One upstream kind a product serves (a config `kind`), as config, registry and schema need it. */
export interface UpstreamKindSpec {
  /** The graph's `UpstreamKind` value, e.g. `COMMVAULT_CLOUD`. */
  readonly graphKind: string;
  /** Its description in the schema. */
  readonly description: string;
  /** The credential an upstream of this kind is configured with: a user name and password, or a bearer token. */
  readonly credential: 'password' | 'bearerToken';
  /** Token buckets when the config gives none: the upstream's documented or usual limits. */
  readonly rateLimits: { readonly read: BucketConfig; readonly write: BucketConfig };
  /** Whether the upstream counts its budget per upstream (all callers together) rather than per credential. */
  readonly sharedBudget: boolean;
  /**
   * Whether one config entry may list `tenants`: a service account that reaches several tenants, each
   * expanded into an upstream of its own at config load. @default false
   */
  readonly tenants?: boolean;
}

/**
 * One upstream of the demo (`npm start` with no config): a built-in simulator started on loopback and the
 * upstream pointing at it. A product may bring several (two CommServes, a Cloud tenant, …).
 */
export interface DemoUpstream {
  /** The demo upstream's id, e.g. `cv-demo`; `demo.ports.<id>` sets its simulator's port. */
  readonly id: string;
  /** The simulator's port unless the config or the environment says otherwise. */
  readonly defaultPort: number;
  /** The environment variable that sets the port in demo mode, e.g. `COMMVAULT_SIM_PORT`. */
  readonly portEnv: string;
  /** The older `demo` key for this port, still read (a product's first demo only). */
  readonly legacyPortKey?: DemoLegacyPortKey;
  /**
   * A demo caller of this upstream only, logged in as a user of the upstream's own (e.g. a Commvault
   * company user), so that the demo shows what such a user sees. Its API key equals its id.
   */
  readonly scopedCaller?: { readonly id: string; readonly role: Role; readonly credential: ResolvedCredential };
  /** The upstream's raw config entry (defaults come from the schema) for a simulator on `port`. */
  upstreamInput(port: number): Record<string, unknown>;
  /** Starts the simulator on loopback (`port` 0: any free port); resolves once it listens. */
  start(options: { port: number; latencyMs: number }): Promise<StartedDemo>;
}

/** A demo upstream's running simulator(s). */
export interface StartedDemo {
  /** The API root the upstream is pointed at. */
  url: string;
  /**
   * Writes into the upstream's parsed config what is only known once the simulators run (e.g. the
   * address of a local Google token service and the key file made for it). @default nothing
   */
  configure?(upstream: UpstreamConfig): void;
  close(): Promise<void>;
}

/** The per-product port keys of the `demo` config from before there were several demos of a product. */
export type DemoLegacyPortKey = 'commvaultSimPort' | 'backupdrSimPort';

/**
 * The datasource half of a product (Commvault, Backup and DR, …): which configured upstream kinds it
 * serves and how a caller's source for one of them is made. The registry knows products only through
 * this; the graph half (src/resolvers/product.ts) builds on it.
 */
export interface UpstreamProduct<S extends UpstreamSource = UpstreamSource> {
  /** The product's name: cost counts, logs and error messages group upstreams by it. */
  readonly name: string;
  /** Config kinds this product serves, e.g. `commvault` and `commvault-cloud`. */
  readonly kinds: Readonly<Record<string, UpstreamKindSpec>>;
  /**
   * The source a caller uses on `upstream`: its own credential when it has one (`credential`), else the
   * upstream's service account. Sessions, cache entries and buckets follow the source's identity.
   */
  sourceFor(upstream: UpstreamConfig, credential: ResolvedCredential | undefined): SourcePlan<S>;
  /** Its upstreams in the demo, each on its own simulator (none: the product is not in the demo). */
  readonly demos?: readonly DemoUpstream[];
}
