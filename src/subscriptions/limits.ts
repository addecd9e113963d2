import type { GatewayConfig } from '../config/schema.js';
import type { GraphQLError } from 'graphql';
import type { Principal } from '../principal.js';
import { limitError } from './limit-error.js';

/** What the limits need of a connection: a way to close it. */
interface Closable {
  extra: { socket: { close(code: number, reason: string): void } };
}

interface ConnectionState {
  readonly active: Set<string>;
  idle?: NodeJS.Timeout;
}

/**
 * Subscription limits of one replica: at most `maxPerConnection` at once on a connection and
 * `maxPerCaller` for one caller over all its connections (a refused `subscribe` gets RATE_LIMITED and the
 * connection stays open), and a connection holding no subscription for `idleTimeoutMs` is closed. Dead
 * peers are found by the keep-alive pings (ws-server.ts).
 */
export class SubscriptionLimits {
  private readonly byCaller = new Map<string, number>();
  private readonly connections = new Map<Closable, ConnectionState>();

  constructor(private readonly settings: Pick<GatewayConfig['subscriptions'], 'maxPerCaller' | 'maxPerConnection' | 'idleTimeoutMs'>) {}

  opened(connection: Closable): void {
    const state: ConnectionState = { active: new Set() };
    this.connections.set(connection, state);
    this.armIdle(connection, state);
  }

  /**
   * Counts a subscribe against the limits before it is admitted (admission awaits: counting only after it
   * would let a burst of subscribes all pass an empty count), or says why it may not start. A subscribe
   * refused later (admission errors) is released with `ended`.
   */
  reserve(connection: Closable, principal: Principal, id: string): GraphQLError | undefined {
    const state = this.connections.get(connection);
    if (!state) return undefined;
    if (state.active.size >= this.settings.maxPerConnection) {
      return limitError(`Too many subscriptions on this connection (the limit is ${this.settings.maxPerConnection})`);
    }
    if ((this.byCaller.get(principal.id) ?? 0) >= this.settings.maxPerCaller) {
      return limitError(`Too many subscriptions for this API key (the limit is ${this.settings.maxPerCaller})`);
    }
    state.active.add(id);
    clearTimeout(state.idle);
    this.byCaller.set(principal.id, (this.byCaller.get(principal.id) ?? 0) + 1);
    return undefined;
  }

  ended(connection: Closable, principal: Principal, id: string): void {
    const state = this.connections.get(connection);
    if (!state?.active.delete(id)) return;
    this.release(principal);
    if (state.active.size === 0) this.armIdle(connection, state);
  }

  private release(principal: Principal): void {
    const left = (this.byCaller.get(principal.id) ?? 1) - 1;
    if (left > 0) this.byCaller.set(principal.id, left);
    else this.byCaller.delete(principal.id);
  }

  /** The connection is gone: whatever it still held is released (a later `ended` for it finds nothing). */
  closed(connection: Closable, principal?: Principal): void {
    const state = this.connections.get(connection);
    if (!state) return;
    clearTimeout(state.idle);
    this.connections.delete(connection);
    if (principal) for (const id of [...state.active]) this.release(principal);
  }

  stop(): void {
    for (const state of this.connections.values()) clearTimeout(state.idle);
  }

  private armIdle(connection: Closable, state: ConnectionState): void {
    clearTimeout(state.idle);
    state.idle = setTimeout(() => connection.extra.socket.close(1000, 'Idle'), this.settings.idleTimeoutMs);
    state.idle.unref();
  }
}
