import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { HistoryDatabase } from './database.js';
import { AdvisoryLeases } from './advisory-lease.js';
import { KyselyHistoryStore } from './kysely-history-store.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Reads `bigint` (epoch ms, byte counts, COUNT) and `numeric` (SUM over bigint) as JS numbers on the
 * store's own connections only, leaving pg's global parsers (strings) alone for anyone else in the
 * process. Every value the store keeps is below 2^53.
 */
const storeTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID || oid === NUMERIC_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** Connections of the store's pool: a collector and a few resolvers at a time need no more. */
const POOL_SIZE = 5;

/** The PostgreSQL store (`store.url`): a small pool for queries, and one connection per held lease. */
export function openPostgresStore(url: string): KyselyHistoryStore {
  const connection: pg.ClientConfig = { connectionString: url, types: storeTypes, application_name: 'backup-graph history' };
  const pool = new pg.Pool({ ...connection, max: POOL_SIZE });
  // An idle pooled connection that dies (server restart) emits 'error' on the pool; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<HistoryDatabase>({ dialect: new PostgresDialect({ pool }) });
  const leases = new AdvisoryLeases({ connectionString: url, types: storeTypes });
  return new KyselyHistoryStore({
    dialect: 'postgres',
    db,
    acquireLease: (name, holder) => leases.acquire(name, holder),
    async sizeBytes() {
      const r = await db.selectNoFrom((eb) => eb.fn<number>('pg_database_size', [eb.fn('current_database')]).as('bytes')).executeTakeFirstOrThrow();
      return Number(r.bytes);
    },
    closeExtras: () => leases.close(),
  });
}
