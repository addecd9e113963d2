import type { Logger } from 'pino';
import type { GatewayConfig, UpstreamConfig } from '../config/schema.js';
import { badUserInput } from '../errors/gateway-error.js';
import type { RequestTrace } from '../observability/request-trace.js';
import type { Principal } from '../principal.js';
import type { BucketBudget } from '../ratelimit/budget.js';
import { tlsVerificationOf, type TlsVerification } from './pipeline/tls-options.js';
import type { UpstreamPipeline } from './pipeline/types.js';
import type { UpstreamKindSpec, UpstreamProduct } from './product.js';
import type { UpstreamSource } from './upstream-source.js';
import { sha256Hex } from '../util/sha256.js';

/** An upstream a caller may see, as the graph names it. */
export interface VisibleUpstream {
  id: string;
  /** The config kind, e.g. `commvault-cloud`. */
  kind: string;
  /** The graph's `UpstreamKind` value for it. */
  graphKind: string;
  product: UpstreamProduct;
  /** How its certificate is checked (never the TLS material itself). */
  tlsVerification: TlsVerification;
}

/** The sources one caller may use, per request. Lookups of ids the caller cannot see fail like unknown ids. */
export interface PrincipalSources {
  /** @throws GatewayError BAD_USER_INPUT "unknown upstream" for ids not configured, of another product, or not visible. */
  source<S extends UpstreamSource>(product: UpstreamProduct<S>, instanceId: string): S;
  /**
   * The caller's sources of `product` in config order, narrowed to `filter` when given.
   * @throws BAD_USER_INPUT when `filter` names an upstream the caller cannot use as one of this product.
   */
  sources<S extends UpstreamSource>(product: UpstreamProduct<S>, filter?: readonly string[]): S[];
  /** Every upstream the caller may see, in config order (shared by the principal's requests: not to be changed). */
  upstreams(): readonly VisibleUpstream[];
  /** A visible upstream, or undefined (not configured or not visible). */
  upstream(instanceId: string): VisibleUpstream | undefined;
  /**
   * What the caller's bucket of a visible upstream (the one its calls would spend from) can give `calls`
   * calls for `access`, read without spending; undefined when certainly enough, or not known.
   */
  budget(instanceId: string, access: 'read' | 'write', calls: number): Promise<BucketBudget | undefined>;
}

/** The upstreams one principal may see, by id, with their config entries. */
interface Visibility {
  visible: readonly VisibleUpstream[];
  byId: Map<string, VisibleUpstream>;
  configs: Map<string, UpstreamConfig>;
}

/**
 * Holds the long-lived upstream sources, one per (instance, upstream identity): the identity is the
 * caller's own credential for that upstream when it has one, otherwise the upstream's service account.
 * Sessions, cache entries and rate-limit buckets follow the identity, so two callers with different
 * upstream rights never share them, while all callers on the service account share one session.
 * Which product serves which configured kind comes from the registered products (src/products.ts).
 */
export class SourceRegistry {
  private readonly config: GatewayConfig;
  private readonly pipeline: UpstreamPipeline;
  private readonly logger: Logger;
  private readonly productByKind = new Map<string, UpstreamProduct>();
  private readonly sourcesByKey = new Map<string, UpstreamSource>();
  private readonly scopes = new WeakMap<Principal, string>();
  /** SourceDeps.shared: objects sources of several upstreams share, by their product's key. */
  private readonly sharedByKey = new Map<string, unknown>();
  /** What a principal may see depends on the config alone: worked out once per principal, not per request. */
  private readonly visibility = new WeakMap<Principal, Visibility>();

  constructor(opts: { config: GatewayConfig; pipeline: UpstreamPipeline; logger: Logger; products: readonly UpstreamProduct[] }) {
    this.config = opts.config;
    this.pipeline = opts.pipeline;
    this.logger = opts.logger;
    for (const product of opts.products) for (const kind of Object.keys(product.kinds)) this.productByKind.set(kind, product);
    for (const u of this.config.upstreams) {
      if (!this.productByKind.has(u.kind)) throw new Error(`upstream "${u.id}": no product serves kind "${u.kind}"`);
    }
  }

  /** `trace`: the request's; every source handed out carries it to the pipeline (UpstreamSource.forRequest). */
  forPrincipal(principal: Principal, trace?: RequestTrace): PrincipalSources {
    return new SourcesOfPrincipal(this.visibleTo(principal), this.pipeline, (product, upstream) => this.sourceFor(product, upstream, principal), trace);
  }

  private visibleTo(principal: Principal): Visibility {
    let known = this.visibility.get(principal);
    if (known === undefined) {
      const visible: VisibleUpstream[] = [];
      const configs = new Map<string, UpstreamConfig>();
      for (const u of this.config.upstreams) {
        if (!principal.upstreamIds.includes(u.id)) continue;
        const product = this.productByKind.get(u.kind) as UpstreamProduct;
        visible.push({
          id: u.id,
          kind: u.kind,
          graphKind: (product.kinds[u.kind] as UpstreamKindSpec).graphKind,
          product,
          tlsVerification: tlsVerificationOf(u),
        });
        configs.set(u.id, u);
      }
      known = { visible, byId: new Map(visible.map((u) => [u.id, u])), configs };
      this.visibility.set(principal, known);
    }
    return known;
  }

  /**
   * What a caller's answers depend on, as one opaque digest: its role (which limits and policies its
   * documents pass) and, per upstream it may see, the source it reads through — the same key that tells
   * sessions apart, so it covers the identity and the credential's secret (hashed again here). Two callers
   * with equal scopes get the same answer to the same operation; an API key alone never decides it.
   * Principals live as long as the config, so each is digested once.
   */
  scopeOf(principal: Principal): string {
    let scope = this.scopes.get(principal);
    if (scope === undefined) {
      const sources = this.config.upstreams
        .filter((u) => principal.upstreamIds.includes(u.id))
        .map((u) => (this.productByKind.get(u.kind) as UpstreamProduct).sourceFor(u, principal.credentials[u.id]).key);
      scope = sha256Hex(JSON.stringify([principal.role, sources]));
      this.scopes.set(principal, scope);
    }
    return scope;
  }

  /** Upstream ids with at least one live upstream session (for `/readyz`; no I/O). */
  liveSessions(): Set<string> {
    return new Set(this.sessionCounts().keys());
  }

  /** Live upstream sessions per upstream id, one per identity in use (for `/metrics`; no I/O). */
  sessionCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const source of this.sourcesByKey.values()) {
      if (source.sessionLive) counts.set(source.instanceId, (counts.get(source.instanceId) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * The upstream's service-account secret changed: its sources are no longer handed out (the next
   * request gets a new one, which logs in with the new secret), while calls already holding one finish
   * on its session; that session is logged out after `graceMs`, once they have. `background`: only the
   * collectors' sources (their identity changed).
   */
  retireSources(instanceId: string, graceMs: number, only: 'all' | 'background' = 'all'): void {
    const retired: UpstreamSource[] = [];
    for (const [key, source] of this.sourcesByKey) {
      if (source.instanceId !== instanceId || (only === 'background' && !source.background)) continue;
      this.sourcesByKey.delete(key);
      retired.push(source);
    }
    if (retired.length === 0) return;
    setTimeout(() => void Promise.allSettled(retired.map((s) => s.close())), graceMs).unref();
  }

  /** Logs every live source out (at shutdown, before the pipeline closes its pools). */
  async close(): Promise<void> {
    const all = [...this.sourcesByKey.values()];
    this.sourcesByKey.clear();
    await Promise.allSettled(all.map((s) => s.close()));
  }

  private shared<T>(key: string, make: () => T): T {
    if (!this.sharedByKey.has(key)) this.sharedByKey.set(key, make());
    return this.sharedByKey.get(key) as T;
  }

  private sourceFor<S extends UpstreamSource>(product: UpstreamProduct<S>, upstream: UpstreamConfig, principal: Principal): S {
    const plan = product.sourceFor(upstream, principal.credentials[upstream.id]);
    // A collector's source is its own (its own session, the background flag), though it shares the
    // identity, hence the cache entries and the bucket, of callers using the same credential.
    const key = principal.background ? `${plan.key}\u0000background` : plan.key;
    let source = this.sourcesByKey.get(key) as S | undefined;
    if (!source) {
      source = plan.create({ pipeline: this.pipeline, logger: this.logger.child({ upstream: upstream.id }), shared: (k, make) => this.shared(k, make) });
      source.background = principal.background === true;
      this.sourcesByKey.set(key, source);
    }
    return source;
  }
}

/**
 * One request's view of the sources a principal may use (PrincipalSources). A class, not an object of
 * closures: one is made per request, and its methods are shared.
 */
class SourcesOfPrincipal implements PrincipalSources {
  /** A request asks for the same sources field after field; finding one hashes its credential, once here. */
  private readonly found = new Map<string, UpstreamSource>();

  constructor(
    private readonly visibility: Visibility,
    private readonly pipeline: UpstreamPipeline,
    private readonly make: <S extends UpstreamSource>(product: UpstreamProduct<S>, upstream: UpstreamConfig) => S,
    private readonly trace: RequestTrace | undefined,
  ) {}

  source<S extends UpstreamSource>(product: UpstreamProduct<S>, instanceId: string): S {
    const upstream = this.visibility.byId.get(instanceId);
    // One message for "not configured", "not yours" and "another product": the answer must not tell
    // a caller which upstreams exist beyond its own.
    if (!upstream || upstream.product !== product) throw badUserInput(`unknown upstream "${instanceId}"`);
    let source = this.found.get(instanceId) as S | undefined;
    if (!source) {
      const shared = this.make(product, this.visibility.configs.get(instanceId) as UpstreamConfig);
      source = this.trace === undefined ? shared : shared.forRequest(this.trace);
      this.found.set(instanceId, source);
    }
    return source;
  }

  sources<S extends UpstreamSource>(product: UpstreamProduct<S>, filter?: readonly string[]): S[] {
    if (filter) return [...new Set(filter)].map((id) => this.source(product, id));
    return this.visibility.visible.filter((u) => u.product === product).map((u) => this.source(product, u.id));
  }

  upstreams(): readonly VisibleUpstream[] {
    return this.visibility.visible;
  }

  upstream(instanceId: string): VisibleUpstream | undefined {
    return this.visibility.byId.get(instanceId);
  }

  async budget(instanceId: string, access: 'read' | 'write', calls: number): Promise<BucketBudget | undefined> {
    const upstream = this.visibility.byId.get(instanceId);
    if (!upstream || !this.pipeline.budget) return undefined;
    return this.pipeline.budget(this.source(upstream.product, instanceId), access, calls);
  }
}
