import { afterEach, describe, expect, it } from 'vitest';
import { embeddedDatabases, type TestStoreDatabase } from '../helpers/history-store-factory.js';

describe('embedded store lease (leases row)', () => {
  let db: TestStoreDatabase | undefined;
  afterEach(async () => {
    await db?.drop();
    db = undefined;
  });

  it('passes to another holder once its holder stops renewing past the ttl, and the old holder’s renew() fails', async () => {
    db = await embeddedDatabases();
    const a = (await db.open()).store;
    const b = (await db.open()).store;
    const held = await a.acquireLease('collectors', 'replica-a', 1);
    expect(held).toBeDefined();
    // A 1 ms ttl: expired by the time the next statement runs.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const taken = await b.acquireLease('collectors', 'replica-b', 60_000);
    expect(taken?.holder).toBe('replica-b');
    expect(await held!.renew()).toBe(false);
    expect(await a.acquireLease('collectors', 'replica-a', 60_000)).toBeUndefined();
  });
});
