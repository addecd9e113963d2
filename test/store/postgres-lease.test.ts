import { afterEach, describe, expect, it } from 'vitest';
import { admin, providePostgres } from '../helpers/postgres.js';
import { postgresDatabases, type TestStoreDatabase } from '../helpers/history-store-factory.js';

const postgres = await providePostgres();

describe.skipIf(!postgres.available)('PostgreSQL lease (advisory lock)', () => {
  let db: TestStoreDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('frees at once when the holder’s store is closed, without a release', async () => {
    db = await postgresDatabases();
    const a = (await db.open()).store;
    const b = (await db.open()).store;
    expect(await a.acquireLease('collectors', 'replica-a', 60_000)).toBeDefined();
    expect(await b.acquireLease('collectors', 'replica-b', 60_000)).toBeUndefined();
    await a.close();
    expect((await b.acquireLease('collectors', 'replica-b', 60_000))?.holder).toBe('replica-b');
  });

  it('frees at once when the holder’s connection dies, and the old holder’s renew() says it is lost', async () => {
    db = await postgresDatabases();
    const a = (await db.open()).store;
    const b = (await db.open()).store;
    const held = await a.acquireLease('collectors', 'replica-a', 60_000);
    expect(held).toBeDefined();
    expect(await b.acquireLease('collectors', 'replica-b', 60_000)).toBeUndefined();
    // As if replica-a were killed: the server ends the lease's connection.
    const killed = await admin((c) =>
      c.query(`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = $1)`, [db!.location.url!.split('/').pop()]),
    );
    expect(killed.rowCount).toBe(1);
    expect((await b.acquireLease('collectors', 'replica-b', 60_000))?.holder).toBe('replica-b');
    expect(await held!.renew()).toBe(false);
  });
});
