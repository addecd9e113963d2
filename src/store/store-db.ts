import type { Kysely } from 'kysely';
import type { HistoryDatabase } from './database.js';

/** The Kysely handle every table group of the store runs on (one per store, either dialect). */
export type StoreDb = Kysely<HistoryDatabase>;

/** One UTC day in ms: the step of day grouping and retention. */
export const DAY_MS = 86_400_000;

/** Rows per INSERT: far under SQLite's 32 766 and PostgreSQL's 65 535 bound parameters at ≤ 12 columns. */
const ROWS_PER_STATEMENT = 500;

/** Runs `write` over `rows` in statements of at most ROWS_PER_STATEMENT rows, all in one transaction. */
export async function inChunks<T>(db: StoreDb, rows: readonly T[], write: (tx: StoreDb, chunk: T[]) => Promise<unknown>): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length <= ROWS_PER_STATEMENT) {
    await write(db, [...rows]);
    return;
  }
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) await write(tx, rows.slice(i, i + ROWS_PER_STATEMENT));
  });
}

export const toFlag = (b: boolean): 0 | 1 => (b ? 1 : 0);
export const fromFlag = (n: number | null): boolean | null => (n === null ? null : Number(n) !== 0);

/** Integer columns are bigint in PostgreSQL: a fractional byte count from an upstream would be refused. */
export const toInt = (n: number | null): number | null => (n === null || !Number.isFinite(n) ? null : Math.round(n));

/** Aggregates come back as strings from some drivers (PostgreSQL numeric): one conversion point. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A nullable numeric column as a number (PostgreSQL's drivers may hand back strings for some types). */
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
