import pg from 'pg';
import type { Lease } from './history-store.js';

/**
 * A lease as a PostgreSQL session-level advisory lock, `pg_try_advisory_lock(hashtextextended(name, 0))`,
 * held on a connection of its own (never a pooled one, which would carry the lock to whoever borrows
 * it next). The lock lives exactly as long as that connection: a replica that is killed, or whose
 * network drops, frees it at once, with no expiry to wait for. `renew()` proves the connection is
 * still alive (and so the lock still held). `ttlMs` is not needed for correctness here; the server's
 * own TCP keepalive bounds how long a silently lost peer keeps it.
 */
export class AdvisoryLeases {
  readonly #held = new Set<pg.Client>();

  constructor(private readonly connection: pg.ClientConfig) {}

  async acquire(name: string, holder: string): Promise<Lease | undefined> {
    const client = new pg.Client({ ...this.connection, keepAlive: true, application_name: `backup-graph lease ${name}` });
    // A dead socket emits 'error' on an idle client; without a listener it would crash the process.
    let alive = true;
    client.on('error', () => {
      alive = false;
    });
    client.on('end', () => {
      alive = false;
    });
    await client.connect();
    let got = false;
    try {
      const r = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [name]);
      got = r.rows[0]?.locked === true;
    } finally {
      if (!got) await client.end().catch(() => undefined);
    }
    if (!got) return undefined;
    this.#held.add(client);

    let released = false;
    const held = this.#held;
    return {
      name,
      holder,
      async renew() {
        if (released || !alive) return false;
        try {
          await client.query('select 1');
          return true;
        } catch {
          alive = false;
          return false;
        }
      },
      async release() {
        if (released) return;
        released = true;
        held.delete(client);
        // Closing the connection frees the lock; unlocking first keeps a slow close from delaying the next holder.
        if (alive) await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [name]).catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  }

  /** Ends every lease connection (their locks go with them). */
  async close(): Promise<void> {
    const clients = [...this.#held];
    this.#held.clear();
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  }
}
