import type { Logger } from 'pino';
import type { GatewayConfig, UpstreamConfig, UpstreamKind } from '../config/schema.js';
import type { Principal } from '../context.js';
import { badUserInput } from '../errors/gateway-error.js';
import { BackupDrSource } from './backupdr/backupdr-source.js';
import { CommvaultSource } from './commvault/commvault-source.js';
import type { UpstreamPipeline } from './pipeline/types.js';
import type { UpstreamSource } from './upstream-source.js';
import { sha256Hex } from '../util/sha256.js';

/** An upstream a caller may see, as the graph names it. */
export interface VisibleUpstream {
  id: string;
  kind: UpstreamKind;
}

/** The sources one caller may use, per request. Lookups of ids the caller cannot see fail like unknown ids. */
export interface PrincipalSources {
  /** @throws GatewayError BAD_USER_INPUT "unknown upstream" for ids not configured, not Commvault, or not visible. */
  commvault(instanceId: string): CommvaultSource;
  /**
   * The caller's Commvault sources (kinds `commvault` and `commvault-cloud`) in config order, narrowed to
   * `filter` when given. @throws BAD_USER_INPUT when `filter` names an upstream the caller cannot use.
   */
  commvaultInstances(filter?: readonly string[]): CommvaultSource[];
  /** @throws GatewayError BAD_USER_INPUT "unknown upstream" for ids not configured, not a console, or not visible. */
  backupdr(instanceId: string): BackupDrSource;
  /**
   * The caller's Backup and DR consoles in config order, narrowed to `filter` when given.
   * @throws BAD_USER_INPUT when `filter` names an upstream the caller cannot use as a console.
   */
  backupdrInstances(filter?: readonly string[]): BackupDrSource[];
  /** Every upstream the caller may see, in config order. */
  upstreams(): VisibleUpstream[];
  /** The kind of a visible upstream, or undefined (not configured or not visible). */
  kindOf(instanceId: string): UpstreamKind | undefined;
}

const COMMVAULT_KINDS: ReadonlySet<UpstreamKind> = new Set(['commvault', 'commvault-cloud']);

/**
 * Holds the long-lived upstream sources, one per (instance, upstream identity): the identity is the
 * caller's own credential for that upstream when it has one, otherwise the upstream's service account.
 * Sessions, cache entries and rate-limit buckets follow the identity, so two callers with different
 * upstream rights never share them, while all callers on the service account share one session.
 */
export class SourceRegistry {
  private readonly config: GatewayConfig;
  private readonly pipeline: UpstreamPipeline;
  private readonly logger: Logger;
  private readonly sources = new Map<string, UpstreamSource>();

  constructor(opts: { config: GatewayConfig; pipeline: UpstreamPipeline; logger: Logger }) {
    this.config = opts.config;
    this.pipeline = opts.pipeline;
    this.logger = opts.logger;
  }

  forPrincipal(principal: Principal): PrincipalSources {
    const visible = this.config.upstreams.filter((u) => principal.upstreamIds.includes(u.id));
    const visibleById = new Map(visible.map((u) => [u.id, u]));
    const commvaultFor = (instanceId: string): CommvaultSource => {
      const upstream = visibleById.get(instanceId);
      // One message for "not configured", "not yours" and "not Commvault": the answer must not tell
      // a caller which upstreams exist beyond its own.
      if (!upstream || !COMMVAULT_KINDS.has(upstream.kind)) throw badUserInput(`unknown upstream "${instanceId}"`);
      return this.commvaultSource(upstream, principal);
    };
    const backupdrFor = (instanceId: string): BackupDrSource => {
      const upstream = visibleById.get(instanceId);
      if (!upstream || upstream.kind !== 'backupdr') throw badUserInput(`unknown upstream "${instanceId}"`);
      return this.backupdrSource(upstream, principal);
    };
    return {
      commvault: commvaultFor,
      backupdr: backupdrFor,
      backupdrInstances: (filter) => {
        if (filter) return [...new Set(filter)].map(backupdrFor);
        return visible.filter((u) => u.kind === 'backupdr').map((u) => this.backupdrSource(u, principal));
      },
      commvaultInstances: (filter) => {
        if (filter) return [...new Set(filter)].map(commvaultFor);
        return visible.filter((u) => COMMVAULT_KINDS.has(u.kind)).map((u) => this.commvaultSource(u, principal));
      },
      upstreams: () => visible.map((u) => ({ id: u.id, kind: u.kind })),
      kindOf: (instanceId) => visibleById.get(instanceId)?.kind,
    };
  }

  /** Logs every live source out (at shutdown, before the pipeline closes its pools). */
  async close(): Promise<void> {
    const all = [...this.sources.values()];
    this.sources.clear();
    await Promise.allSettled(all.map((s) => s.close()));
  }

  private commvaultSource(upstream: UpstreamConfig, principal: Principal): CommvaultSource {
    const own = principal.credentials[upstream.id];
    const username = own?.username ?? upstream.username ?? '';
    const password = own?.username !== undefined ? (own.password ?? '') : (upstream.password ?? '');
    // The key tells sessions apart by secret too (two callers may claim the same user name with
    // different passwords); the identity the pipeline sees stays non-secret.
    const key = `${upstream.id}\u0000${username}\u0000${sha256Hex(password)}`;
    let source = this.sources.get(key) as CommvaultSource | undefined;
    if (!source) {
      source = new CommvaultSource({
        instanceId: upstream.id,
        kind: upstream.kind === 'commvault-cloud' ? 'commvault-cloud' : 'commvault',
        identity: `user:${username}`,
        pipeline: this.pipeline,
        logger: this.logger.child({ upstream: upstream.id }),
        username,
        password,
      });
      this.sources.set(key, source);
    }
    return source;
  }

  /**
   * The console source for the caller's own bearer token when it has one, else the upstream's. The
   * token decides what the console shows (its organizations), so it is the identity; the identity
   * string carries only a hash of it.
   */
  private backupdrSource(upstream: UpstreamConfig, principal: Principal): BackupDrSource {
    const token = principal.credentials[upstream.id]?.bearerToken ?? upstream.bearerToken ?? '';
    const tokenHash = sha256Hex(token);
    const key = `${upstream.id}\u0000bearer\u0000${tokenHash}`;
    let source = this.sources.get(key) as BackupDrSource | undefined;
    if (!source) {
      source = new BackupDrSource({
        instanceId: upstream.id,
        identity: `bearer:${tokenHash.slice(0, 16)}`,
        pipeline: this.pipeline,
        logger: this.logger.child({ upstream: upstream.id }),
        bearerToken: token,
      });
      this.sources.set(key, source);
    }
    return source;
  }
}

