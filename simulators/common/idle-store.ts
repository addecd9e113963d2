/** What an idle-expiring entry must carry: the last time a call used it. */
export interface IdleEntry {
  lastUsedMs: number;
}

/** How one store expires and forgets entries; the simulators differ here, not in the mechanics. */
export interface IdlePolicy<T> {
  /** How long `entry` may sit unused before it stops authenticating. */
  idleMs(entry: T): number;
  /** How long an expired entry is still kept (e.g. for a renewal) before a sweep forgets it. */
  keepExpiredMs: number;
}

/** Sweeping costs a pass over the map, so only stores that benchmarks have grown this big pay for it. */
const SWEEP_FROM_SIZE = 1000;

/**
 * Keyed session/token entries that live while used at least once per idle timeout. Lookups never
 * delete: forgetting is the sweep's job, so an expired entry stays findable for as long as the policy
 * keeps it (Commvault's `RenewLoginToken` revives tokens after the 401).
 */
export class IdleStore<T extends IdleEntry> {
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly policy: IdlePolicy<T>,
    private readonly now: () => number,
  ) {}

  set(key: string, entry: T): void {
    this.entries.set(key, entry);
  }

  /** Any known entry, expired or not. */
  find(key: string): T | undefined {
    return this.entries.get(key);
  }

  /** The entry under `key` while it is not idle-expired; does not refresh it. */
  lookup(key: string | undefined): T | undefined {
    const entry = key ? this.entries.get(key) : undefined;
    return entry && !this.expired(entry) ? entry : undefined;
  }

  /** Restarts the entry's idle timer. */
  touch(entry: T): void {
    entry.lastUsedMs = this.now();
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** How many entries would authenticate now. */
  live(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (!this.expired(entry)) n += 1;
    return n;
  }

  /** Benchmarks open thousands of sessions; forget the ones past expiry plus the policy's keep time. */
  sweep(): void {
    if (this.entries.size < SWEEP_FROM_SIZE) return;
    const t: number = this.now();
    for (const [key, entry] of this.entries) if (t - entry.lastUsedMs > this.policy.idleMs(entry) + this.policy.keepExpiredMs) this.entries.delete(key);
  }

  private expired(entry: T): boolean {
    return this.now() - entry.lastUsedMs > this.policy.idleMs(entry);
  }
}
