/**
 * The contract of the gateway's own history database (docs/history.md): what collectors write, what
 * resolvers, alert rules and notifiers read. Two implementations share one typed query layer: the
 * embedded store (a file under `store.dir`) and PostgreSQL (`store.url`). Every write is an upsert by
 * natural key, so a restarted or second collector never duplicates a row.
 *
 * Conventions every implementation keeps, so one query code serves both databases: times are epoch
 * milliseconds (integers), identifiers are the graph's global ids plus the upstream id, JSON payloads are
 * stored as text, booleans as 0/1.
 */

/** `raw` rows are one per collection bucket; `daily` rows are what retention rolls raw rows into. */
export type Resolution = 'raw' | 'daily';

/** One capacity reading of a storage target (Commvault storage pool or console disk pool). */
export interface StorageTargetSample {
  upstreamId: string;
  /** The storage target's global id in the graph. */
  targetId: string;
  /** Start of the time bucket the reading belongs to (epoch ms). */
  at: number;
  resolution: Resolution;
  totalBytes: number | null;
  freeBytes: number | null;
  /** Written by the demo's history seeding, not by a collection. */
  demo: boolean;
}

/** One health reading of a deduplication store (Commvault DDB). */
export interface DdbSample {
  upstreamId: string;
  /** The DDB store's global id in the graph. */
  storeId: string;
  at: number;
  resolution: Resolution;
  /** Average Q&I time, µs (worst partition). */
  qiTimeMicros: number | null;
  freeBytes: number | null;
  /** false when a partition or the store is offline; null when unknown. */
  online: boolean | null;
  demo: boolean;
}

/** One stored health report (Query.healthReport's answer at a time). */
export interface HealthReportRecord {
  /** Start of the hour bucket (epoch ms): one report per bucket. */
  at: number;
  /** Severity name: OK, WARNING, CRITICAL. */
  status: string;
  /** The checks as the graph answered them (upstream id, area, status, figure, message). */
  checks: unknown;
  demo: boolean;
}

/** A job's outcome, kept after the upstream ages the job out. */
export interface JobOutcomeRecord {
  upstreamId: string;
  /** The job's global id in the graph. */
  jobId: string;
  /** JobStatus enum name (SUCCEEDED, FAILED, ...). */
  status: string;
  /** Job type as the graph names it (BACKUP, RESTORE, ...), null when unknown. */
  jobType: string | null;
  workloadId: string | null;
  workloadName: string | null;
  startedAt: number | null;
  endedAt: number | null;
  bytes: number | null;
  durationSeconds: number | null;
  demo: boolean;
}

/** One day's job outcomes of one upstream (the store's aggregate over JobOutcomeRecord). */
export interface JobDayRecord {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  upstreamId: string;
  /** Count per status name. */
  counts: Record<string, number>;
  total: number;
  bytes: number;
  averageDurationSeconds: number | null;
  /** Jobs of the day that report a duration (the average's weight, to combine days of several upstreams). */
  jobsWithDuration: number;
}

/** An upstream event (console event or Commvault event), kept. */
export interface EventRecord {
  upstreamId: string;
  /** The event's global id in the graph. */
  eventId: string;
  occurredAt: number;
  severity: string;
  message: string;
  objectId: string | null;
  demo: boolean;
}

/** A raised alert: one per rule firing, from the time its condition starts to hold until it clears. */
export interface AlertRecord {
  id: string;
  ruleId: string;
  /** Rule + upstream + object: at most one OPEN alert per fingerprint. */
  fingerprint: string;
  severity: string;
  upstreamId: string;
  objectId: string | null;
  message: string;
  raisedAt: number;
  /** Last collection that saw the condition hold. */
  lastSeenAt: number;
  resolvedAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  acknowledgeNote: string | null;
}

export type NewAlert = Pick<AlertRecord, 'ruleId' | 'fingerprint' | 'severity' | 'upstreamId' | 'objectId' | 'message' | 'raisedAt'>;

export type AlertState = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED';

export interface AlertFilter {
  /** OPEN: not resolved (acknowledged or not); ACKNOWLEDGED: open and acknowledged; RESOLVED: resolved. */
  state?: AlertState[];
  severity?: string[];
  upstreamId?: string[];
  since?: number;
}

/** What a notification is about. */
export type DeliveryEvent = 'RAISED' | 'RESOLVED' | 'DAILY_REPORT';
export type DeliveryStatus = 'PENDING' | 'SENT' | 'FAILED';

/** One notification to one channel (`webhook:<name>` or `email:<name>`), logged in the store. */
export interface DeliveryRecord {
  /** The alert id, or the report day for DAILY_REPORT. */
  subjectId: string;
  channel: string;
  event: DeliveryEvent;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

export interface DailyReportRecord {
  /** UTC day the report covers the 24 h before the end of, `YYYY-MM-DD`. */
  day: string;
  createdAt: number;
  body: unknown;
}

/** One collector pass over one upstream, for "exactly one replica collected in each interval". */
export interface CollectorRunRecord {
  collector: string;
  upstreamId: string;
  /** Replica that ran it (lease holder). */
  holder: string;
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  upstreamCalls: number;
  error: string | null;
}

/** A held lease: renew it before `ttlMs` passes, or another replica takes it. */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  /** false when the lease was lost (another replica holds it now). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/** How long each table keeps rows (ms); raw capacity/DDB rows are rolled into daily rows before deletion. */
export interface RetentionPolicy {
  rawMs: number;
  dailyMs: number;
  jobsMs: number;
  eventsMs: number;
  healthReportsMs: number;
  resolvedAlertsMs: number;
  deliveriesMs: number;
}

export interface HistoryStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations in order; answers the names applied now. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;

  upsertStorageSamples(rows: readonly StorageTargetSample[]): Promise<void>;
  /** Raw and daily rows of one target within [since, until), oldest first. */
  storageHistory(q: { upstreamId: string; targetId: string; since: number; until: number }): Promise<StorageTargetSample[]>;

  upsertDdbSamples(rows: readonly DdbSample[]): Promise<void>;
  ddbHistory(q: { upstreamId: string; storeId: string; since: number; until: number }): Promise<DdbSample[]>;

  upsertHealthReport(row: HealthReportRecord): Promise<void>;
  healthReports(q: { since: number; until?: number }): Promise<HealthReportRecord[]>;

  upsertJobOutcomes(rows: readonly JobOutcomeRecord[]): Promise<void>;
  /** Per day and upstream within [since, until); all upstreams when `upstreamIds` is absent. */
  jobHistoryByDay(q: { upstreamIds?: string[]; since: number; until: number }): Promise<JobDayRecord[]>;
  jobOutcomes(q: { since: number; until: number; upstreamIds?: string[]; statuses?: string[] }): Promise<JobOutcomeRecord[]>;

  upsertEvents(rows: readonly EventRecord[]): Promise<void>;

  /** Inserts an OPEN alert unless one with the fingerprint is open; `created` says which. */
  raiseAlert(alert: NewAlert): Promise<{ alert: AlertRecord; created: boolean }>;
  /** Marks the open alert of the fingerprint as still holding. */
  touchAlert(fingerprint: string, at: number): Promise<void>;
  /** Resolves the open alert of the fingerprint; undefined when none was open. */
  resolveAlert(fingerprint: string, at: number): Promise<AlertRecord | undefined>;
  acknowledgeAlert(id: string, by: string, note: string | null, at: number): Promise<AlertRecord | undefined>;
  getAlert(id: string): Promise<AlertRecord | undefined>;
  openAlerts(): Promise<AlertRecord[]>;
  /** Newest raised first; `offset`/`limit` paging with the filter's total. */
  listAlerts(filter: AlertFilter, page: { offset: number; limit: number }): Promise<{ rows: AlertRecord[]; total: number }>;

  /** Inserts a PENDING delivery; true only for the first claimant of (subject, channel, event) across replicas. */
  claimDelivery(d: { subjectId: string; channel: string; event: DeliveryEvent; at: number }): Promise<boolean>;
  recordDelivery(d: { subjectId: string; channel: string; event: DeliveryEvent; status: DeliveryStatus; attempts: number; lastError: string | null; at: number }): Promise<void>;
  deliveries(q: { subjectId?: string; status?: DeliveryStatus[] }): Promise<DeliveryRecord[]>;

  saveDailyReport(r: DailyReportRecord): Promise<void>;
  dailyReport(day: string): Promise<DailyReportRecord | undefined>;

  recordCollectorRun(run: CollectorRunRecord): Promise<void>;
  collectorRuns(q: { since: number; collector?: string }): Promise<CollectorRunRecord[]>;

  /** A named lease for `holder`, or undefined when another holder has it (PostgreSQL: advisory lock). */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<Lease | undefined>;

  /** Rolls raw samples older than `rawMs` into daily rows, then deletes what each table keeps no longer. */
  applyRetention(now: number, policy: RetentionPolicy): Promise<Record<string, number>>;

  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  /** Bytes the store occupies (database file(s), or pg_database_size). */
  sizeBytes(): Promise<number>;
}
