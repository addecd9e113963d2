import { randomBytes } from 'node:crypto';
import { IdleStore } from '../common/idle-store.js';
import type { SimUser } from './data/types.js';

export interface Session {
  token: string;
  user: SimUser;
  deviceId: string;
  idleTimeoutMs: number;
  lastUsedMs: number;
}

/** Long benchmarks log in thousands of times; sweeps forget sessions a day past their expiry. */
const KEEP_EXPIRED_MS = 86_400_000;

/**
 * Login sessions with Commvault's idle expiry: a token lives while it is used at least once per idle
 * timeout. Expired sessions are kept (until renewed or swept) because `RenewLoginToken` exists precisely
 * to revive a token after the 401.
 */
export class TokenStore {
  // Each token carries its own idle timeout (Login's `timeout` overrides the default).
  private readonly store: IdleStore<Session>;

  constructor(
    private readonly defaultIdleMs: number,
    private readonly now: () => number,
  ) {
    this.store = new IdleStore<Session>({ idleMs: (s) => s.idleTimeoutMs, keepExpiredMs: KEEP_EXPIRED_MS }, now);
  }

  /** Tokens are random, not seeded: a token from one run must never authenticate against the next. */
  issue(user: SimUser, deviceId: string, idleTimeoutMs?: number): Session {
    const session: Session = {
      token: `QSDK ${randomBytes(48).toString('hex')}`,
      user,
      deviceId,
      idleTimeoutMs: idleTimeoutMs ?? this.defaultIdleMs,
      lastUsedMs: this.now(),
    };
    this.store.set(session.token, session);
    this.store.sweep();
    return session;
  }

  /** The live session for a token, refreshing its idle timer; undefined when unknown or idle-expired. */
  use(token: string | undefined): Session | undefined {
    const session = this.store.lookup(token);
    if (session) this.store.touch(session);
    return session;
  }

  /** Any known session, expired or not (for renewal). */
  find(token: string): Session | undefined {
    return this.store.find(token);
  }

  revoke(token: string): boolean {
    return this.store.delete(token);
  }

  revokeAll(): void {
    this.store.clear();
  }

  live(): number {
    return this.store.live();
  }
}
