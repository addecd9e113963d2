import { embeddedDatabases, postgresDatabases } from '../helpers/history-store-factory.js';
import { providePostgres } from '../helpers/postgres.js';
import { describeHistoryStore } from './history-store-suite.js';

// The same behaviour suite against both implementations (docs/history.md).
const postgres = await providePostgres();

describeHistoryStore('embedded (SQLite file)', embeddedDatabases);
describeHistoryStore('PostgreSQL', postgresDatabases, { skip: !postgres.available });
