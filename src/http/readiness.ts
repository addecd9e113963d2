import { connect } from 'node:net';
import type { UpstreamHealth } from '../datasources/pipeline/types.js';

/** What `/readyz` answers: 200 with `status` ready or degraded, 503 otherwise, with the reason. */
export interface ReadinessReport {
  status: 'ready' | 'degraded' | 'starting' | 'stopping' | 'unavailable';
  reason?: string;
  upstreams?: UpstreamReadiness[];
  redis?: { status: string };
}

export interface UpstreamReadiness {
  id: string;
  /** `up`: it answered last time, or its host takes connections; `down`: circuit open, or unreachable. */
  state: 'up' | 'down';
  circuit: UpstreamHealth['circuit'];
  /** While the circuit is open: ms until a trial call may go. */
  retryAfterMs?: number;
  /** Whether the gateway holds a live upstream session (a login that has not been refused since). */
  session: boolean;
  lastSuccessAt?: string;
  lastError?: { code: string; at: string };
  /** Set when the state came from a TCP connect just now (no recent verdict from real calls). */
  probed?: boolean;
}

export interface ReadinessCheckDeps {
  /** The pipeline's view (`pipeline.health`): breakers and last outcomes, no I/O. */
  upstreams: () => UpstreamHealth[];
  /** Upstream ids with a live session (`registry.liveSessions`). */
  liveSessions: () => ReadonlySet<string>;
  /** The shared Redis connection when configured (ioredis `status`: ready, connecting, reconnecting…). */
  redis?: { readonly status: string };
  /** TCP connect timeout of a probe. @default 1000 */
  probeTimeoutMs?: number;
  /** How long a probe's verdict is reused (load balancers probe every few seconds, from several places). @default 2000 */
  probeTtlMs?: number;
  now?: () => number;
}

/**
 * Whether the gateway can serve, from what it already knows, plus a TCP connect where it does not:
 * - an upstream whose circuit is closed and whose last attempt was answered is up, without I/O;
 * - an upstream whose circuit is open and cooling down is down (every call would fail at once);
 * - otherwise (no call yet, last attempt failed, cooldown over) its host is probed with a TCP connect,
 *   so a replica taken out of rotation comes back when an upstream does, without waiting for traffic.
 * Ready (200) when at least one upstream is up — partial data is still data — or none is configured.
 * Redis is reported, not required: every Redis layer has a local fallback.
 */
export function createReadinessCheck(deps: ReadinessCheckDeps): () => Promise<ReadinessReport> {
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.probeTimeoutMs ?? 1000;
  const ttlMs = deps.probeTtlMs ?? 2000;
  const probes = new Map<string, { atMs: number; result: Promise<boolean> }>();

  function probe(health: UpstreamHealth): Promise<boolean> {
    const cached = probes.get(health.id);
    if (cached && now() - cached.atMs < ttlMs) return cached.result;
    const result = tcpReachable(health.url, timeoutMs);
    probes.set(health.id, { atMs: now(), result });
    return result;
  }

  async function upstreamState(health: UpstreamHealth, sessions: ReadonlySet<string>): Promise<UpstreamReadiness> {
    const entry: UpstreamReadiness = {
      id: health.id,
      state: 'up',
      circuit: health.circuit,
      session: sessions.has(health.id),
      ...(health.circuit === 'open' ? { retryAfterMs: health.retryAfterMs } : {}),
      ...(health.lastSuccessAtMs !== undefined ? { lastSuccessAt: new Date(health.lastSuccessAtMs).toISOString() } : {}),
      ...(health.lastError ? { lastError: { code: health.lastError.code, at: new Date(health.lastError.atMs).toISOString() } } : {}),
    };
    const answeredLast =
      health.lastSuccessAtMs !== undefined && (health.lastError === undefined || health.lastSuccessAtMs >= health.lastError.atMs);
    if (health.circuit === 'closed' && answeredLast) return entry;
    if (health.circuit === 'open' && health.retryAfterMs > 0) return { ...entry, state: 'down' };
    return { ...entry, state: (await probe(health)) ? 'up' : 'down', probed: true };
  }

  return async () => {
    const sessions = deps.liveSessions();
    const upstreams = await Promise.all(deps.upstreams().map((h) => upstreamState(h, sessions)));
    const redis = deps.redis ? { redis: { status: deps.redis.status } } : {};
    const down = upstreams.filter((u) => u.state === 'down');
    if (upstreams.length > 0 && down.length === upstreams.length) {
      return {
        status: 'unavailable',
        reason: 'no upstream can serve: every circuit breaker is open or every upstream host is unreachable',
        upstreams,
        ...redis,
      };
    }
    return {
      status: down.length > 0 ? 'degraded' : 'ready',
      ...(down.length > 0 ? { reason: `upstreams down: ${down.map((u) => u.id).join(', ')}` } : {}),
      upstreams,
      ...redis,
    };
  };
}

/** Whether a TCP connection to the URL's host and port opens within `timeoutMs`. */
export function tcpReachable(url: string, timeoutMs: number): Promise<boolean> {
  let host: string;
  let port: number;
  try {
    const u = new URL(url);
    host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
