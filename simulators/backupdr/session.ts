import { randomUUID } from 'node:crypto';
import { IdleStore } from '../common/idle-store.js';
import type { Principal } from './principals.js';

export interface Session {
  id: string;
  principal: Principal;
  createdMs: number;
  lastUsedMs: number;
  /** Until when `promoteUser` made it a console administrator (epoch ms of the simulator clock). */
  promotedUntilMs?: number;
}

/**
 * Console sessions (docs/upstreams/backupdr.md §2.4): a session id lives while used at least once per idle timeout (1 h by
 * default); every call refreshes it unless it carries `Actifio-No-Session-Refresh: true`. A session
 * belongs to the bearer that created it: the same id with another bearer is not authenticated.
 */
export class SessionStore {
  private readonly store: IdleStore<Session>;

  constructor(
    idleMs: number,
    private readonly now: () => number,
  ) {
    // One idle timeout for every session; nothing revives an expired one, so sweeps drop it at once.
    this.store = new IdleStore<Session>({ idleMs: () => idleMs, keepExpiredMs: 0 }, now);
  }

  /** Session ids are random UUIDs, never seeded: an id from one run must not work against the next. */
  create(principal: Principal): Session {
    this.store.sweep();
    const t = this.now();
    const session: Session = { id: randomUUID(), principal, createdMs: t, lastUsedMs: t };
    this.store.set(session.id, session);
    return session;
  }

  /** The live session for id + bearer; refreshes its idle timer unless `refresh` is false. */
  use(id: string | undefined, bearer: string, refresh: boolean): Session | undefined {
    const s = this.store.lookup(id);
    if (!s || s.principal.token !== bearer) return undefined;
    if (refresh) this.store.touch(s);
    return s;
  }

  delete(id: string): boolean {
    return this.store.delete(id);
  }

  deleteAll(): void {
    this.store.clear();
  }

  live(): number {
    return this.store.live();
  }
}
