import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The first schema of the history store (docs/history.md "Tables"). Column types are the ones both
 * databases accept with the same meaning: `bigint` (SQLite: INTEGER affinity), `integer`, `double
 * precision` (SQLite: REAL affinity), `text`. Primary keys are the natural keys the upserts conflict on.
 */
export const migration001History: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('storage_samples')
      .addColumn('upstream_id', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('total_bytes', 'bigint')
      .addColumn('free_bytes', 'bigint')
      .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('storage_samples_pk', ['upstream_id', 'target_id', 'resolution', 'at'])
      .execute();
    // Retention scans raw rows by age across every target.
    await db.schema.createIndex('storage_samples_resolution_at').on('storage_samples').columns(['resolution', 'at']).execute();

    await db.schema
      .createTable('ddb_samples')
      .addColumn('upstream_id', 'text', (c) => c.notNull())
      .addColumn('store_id', 'text', (c) => c.notNull())
      .addColumn('resolution', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('qi_time_micros', 'double precision')
      .addColumn('free_bytes', 'bigint')
      .addColumn('online', 'integer')
      .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('ddb_samples_pk', ['upstream_id', 'store_id', 'resolution', 'at'])
      .execute();
    await db.schema.createIndex('ddb_samples_resolution_at').on('ddb_samples').columns(['resolution', 'at']).execute();

    await db.schema
      .createTable('health_reports')
      .addColumn('at', 'bigint', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('checks', 'text', (c) => c.notNull())
      .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('job_outcomes')
      .addColumn('upstream_id', 'text', (c) => c.notNull())
      .addColumn('job_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('job_type', 'text')
      .addColumn('workload_id', 'text')
      .addColumn('workload_name', 'text')
      .addColumn('started_at', 'bigint')
      .addColumn('ended_at', 'bigint')
      .addColumn('occurred_at', 'bigint', (c) => c.notNull())
      .addColumn('bytes', 'bigint')
      .addColumn('duration_seconds', 'double precision')
      .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('job_outcomes_pk', ['upstream_id', 'job_id'])
      .execute();
    await db.schema.createIndex('job_outcomes_occurred_at').on('job_outcomes').column('occurred_at').execute();

    await db.schema
      .createTable('events')
      .addColumn('upstream_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'bigint', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text')
      .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('events_pk', ['upstream_id', 'event_id'])
      .execute();
    await db.schema.createIndex('events_occurred_at').on('events').column('occurred_at').execute();

    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('upstream_id', 'text', (c) => c.notNull())
      .addColumn('object_id', 'text')
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('raised_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('resolved_at', 'bigint')
      .addColumn('acknowledged_at', 'bigint')
      .addColumn('acknowledged_by', 'text')
      .addColumn('acknowledge_note', 'text')
      .execute();
    // At most one OPEN alert per fingerprint, enforced by the database so two replicas cannot both raise it.
    await db.schema
      .createIndex('alerts_open_fingerprint')
      .unique()
      .on('alerts')
      .column('fingerprint')
      .where(sql.ref('resolved_at'), 'is', null)
      .execute();
    await db.schema.createIndex('alerts_raised_at').on('alerts').column('raised_at').execute();

    await db.schema
      .createTable('deliveries')
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      // One delivery per (subject, channel, event) across replicas: claimDelivery is an insert-or-nothing.
      .addPrimaryKeyConstraint('deliveries_pk', ['subject_id', 'channel', 'event'])
      .execute();

    await db.schema
      .createTable('daily_reports')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('collector_runs')
      .addColumn('collector', 'text', (c) => c.notNull())
      .addColumn('upstream_id', 'text', (c) => c.notNull())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('finished_at', 'bigint', (c) => c.notNull())
      .addColumn('ok', 'integer', (c) => c.notNull())
      .addColumn('upstream_calls', 'integer', (c) => c.notNull())
      .addColumn('error', 'text')
      // The holder is part of the key: two replicas running the same pass must show as two rows.
      .addPrimaryKeyConstraint('collector_runs_pk', ['collector', 'upstream_id', 'started_at', 'holder'])
      .execute();
    await db.schema.createIndex('collector_runs_started_at').on('collector_runs').column('started_at').execute();

    await db.schema
      .createTable('leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['meta', 'leases', 'collector_runs', 'daily_reports', 'deliveries', 'alerts', 'events', 'job_outcomes', 'health_reports', 'ddb_samples', 'storage_samples']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
