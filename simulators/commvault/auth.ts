import { randomBytes } from 'node:crypto';
import type { SimUser } from './data/types.js';

export interface Session {
  token: string;
  user: SimUser;
  deviceId: string;
  idleTimeoutMs: number;
  lastUsedMs: number;
}

/**
 * Login sessions with Commvault's idle expiry: a token lives while it is used at least once per idle
 * timeout. Expired sessions are kept (until renewed or swept) because `RenewLoginToken` exists precisely
 * to revive a token after the 401.
 */
export class TokenStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly defaultIdleMs: number,
    private readonly now: () => number,
  ) {}

  /** Tokens are random, not seeded: a token from one run must never authenticate against the next. */
  issue(user: SimUser, deviceId: string, idleTimeoutMs?: number): Session {
    const session: Session = {
      token: `QSDK ${randomBytes(48).toString('hex')}`,
      user,
      deviceId,
      idleTimeoutMs: idleTimeoutMs ?? this.defaultIdleMs,
      lastUsedMs: this.now(),
    };
    this.sessions.set(session.token, session);
    this.sweep();
    return session;
  }

  /** The live session for a token, refreshing its idle timer; undefined when unknown or idle-expired. */
  use(token: string | undefined): Session | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session || this.expired(session)) return undefined;
    session.lastUsedMs = this.now();
    return session;
  }

  /** Any known session, expired or not (for renewal). */
  find(token: string): Session | undefined {
    return this.sessions.get(token);
  }

  revoke(token: string): boolean {
    return this.sessions.delete(token);
  }

  revokeAll(): void {
    this.sessions.clear();
  }

  live(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (!this.expired(s)) n += 1;
    return n;
  }

  private expired(s: Session): boolean {
    return this.now() - s.lastUsedMs > s.idleTimeoutMs;
  }

  /** Long benchmarks log in thousands of times; forget sessions a day past their expiry. */
  private sweep(): void {
    if (this.sessions.size < 1000) return;
    const t: number = this.now();
    for (const [token, s] of this.sessions) if (t - s.lastUsedMs > s.idleTimeoutMs + 86_400_000) this.sessions.delete(token);
  }
}
