import { randomUUID } from 'node:crypto';
import type { Principal } from './principals.js';

export interface Session {
  id: string;
  principal: Principal;
  createdMs: number;
  lastUsedMs: number;
}

/**
 * Console sessions (seed §3.7): a session id lives while used at least once per idle timeout (1 h by
 * default); every call refreshes it unless it carries `Actifio-No-Session-Refresh: true`. A session
 * belongs to the bearer that created it: the same id with another bearer is not authenticated.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number,
  ) {}

  /** Session ids are random UUIDs, never seeded: an id from one run must not work against the next. */
  create(principal: Principal): Session {
    this.sweep();
    const t = this.now();
    const session: Session = { id: randomUUID(), principal, createdMs: t, lastUsedMs: t };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session for id + bearer; refreshes its idle timer unless `refresh` is false. */
  use(id: string | undefined, bearer: string, refresh: boolean): Session | undefined {
    if (!id) return undefined;
    const s = this.sessions.get(id);
    if (!s) return undefined;
    if (this.expired(s)) {
      this.sessions.delete(id);
      return undefined;
    }
    if (s.principal.token !== bearer) return undefined;
    if (refresh) s.lastUsedMs = this.now();
    return s;
  }

  delete(id: string): boolean {
    return this.sessions.delete(id);
  }

  deleteAll(): void {
    this.sessions.clear();
  }

  live(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (!this.expired(s)) n += 1;
    return n;
  }

  private expired(s: Session): boolean {
    return this.now() - s.lastUsedMs > this.idleMs;
  }

  /** Benchmarks open thousands of sessions; drop the idle-expired ones now and then. */
  private sweep(): void {
    if (this.sessions.size < 1000) return;
    for (const [id, s] of this.sessions) if (this.expired(s)) this.sessions.delete(id);
  }
}
