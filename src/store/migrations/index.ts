import type { Migration, MigrationProvider } from 'kysely';
import { migration001History } from './001_history.js';

/**
 * Every migration, by name, in the order they apply. Listed here rather than found by scanning a folder,
 * so the same list runs from src (tsx) and from dist, and a bundler cannot drop one. Append; never
 * rename or edit one that has shipped.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001_history': migration001History,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
