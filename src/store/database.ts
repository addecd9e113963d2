/**
 * The history database's tables as Kysely sees them (docs/history.md "Tables"). One set of types for
 * both databases: times and byte counts are epoch-ms / integer `bigint` columns read back as numbers
 * (PostgreSQL's int8 parser is set to Number on the store's own pool), booleans are 0/1 integers and
 * JSON is text, so every query in src/store runs unchanged on SQLite and PostgreSQL.
 */

/** 0 or 1: SQLite has no boolean type, so PostgreSQL keeps integers too. */
export type Flag = 0 | 1;

export interface StorageSampleTable {
  upstream_id: string;
  target_id: string;
  resolution: string;
  at: number;
  total_bytes: number | null;
  free_bytes: number | null;
  demo: Flag;
}

export interface DdbSampleTable {
  upstream_id: string;
  store_id: string;
  resolution: string;
  at: number;
  qi_time_micros: number | null;
  free_bytes: number | null;
  /** 1 online, 0 offline, null unknown. */
  online: Flag | null;
  demo: Flag;
}

export interface HealthReportTable {
  at: number;
  status: string;
  /** JSON text. */
  checks: string;
  demo: Flag;
}

export interface JobOutcomeTable {
  upstream_id: string;
  job_id: string;
  status: string;
  job_type: string | null;
  workload_id: string | null;
  workload_name: string | null;
  started_at: number | null;
  ended_at: number | null;
  /** The time the job counts at: its start, else its end (day grouping and retention). */
  occurred_at: number;
  bytes: number | null;
  duration_seconds: number | null;
  demo: Flag;
}

export interface EventTable {
  upstream_id: string;
  event_id: string;
  occurred_at: number;
  severity: string;
  message: string;
  object_id: string | null;
  demo: Flag;
}

export interface AlertTable {
  id: string;
  rule_id: string;
  fingerprint: string;
  severity: string;
  upstream_id: string;
  object_id: string | null;
  message: string;
  raised_at: number;
  last_seen_at: number;
  resolved_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
}

export interface DeliveryTable {
  subject_id: string;
  channel: string;
  event: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

export interface DailyReportTable {
  day: string;
  created_at: number;
  /** JSON text. */
  body: string;
}

export interface CollectorRunTable {
  collector: string;
  upstream_id: string;
  holder: string;
  started_at: number;
  finished_at: number;
  ok: Flag;
  upstream_calls: number;
  error: string | null;
}

export interface LeaseTable {
  name: string;
  holder: string;
  expires_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface HistoryDatabase {
  storage_samples: StorageSampleTable;
  ddb_samples: DdbSampleTable;
  health_reports: HealthReportTable;
  job_outcomes: JobOutcomeTable;
  events: EventTable;
  alerts: AlertTable;
  deliveries: DeliveryTable;
  daily_reports: DailyReportTable;
  collector_runs: CollectorRunTable;
  leases: LeaseTable;
  meta: MetaTable;
}
