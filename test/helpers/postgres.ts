import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The machine's PostgreSQL (127.0.0.1:5432, trust auth), or `TEST_POSTGRES_URL`. Tests never use its
 * databases: each creates its own with a unique name and drops it after.
 */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Either a PostgreSQL server, or why there is none (the tests then skip — but under CI=true they fail). */
export type PostgresAvailability = { available: true; skipReason?: undefined } | { available: false; skipReason: string };

/** Call at a test file's top level, so `describe.skipIf` is decided while the file is collected. */
export async function providePostgres(): Promise<PostgresAvailability> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true };
  } catch (e) {
    const reason = `PostgreSQL at ${TEST_POSTGRES_URL} does not answer (${e instanceof Error ? e.message : String(e)})`;
    if (process.env.CI === 'true') throw new Error(`PostgreSQL tests cannot run under CI=true: ${reason}`);
    console.warn(`[PostgreSQL tests skipped] ${reason}`);
    return { available: false, skipReason: reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database on the test server: its URL, and `drop()` (which ends whatever is still connected). */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `bg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}

/** Runs `work` on a short-lived connection to the server's maintenance database. */
export async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
