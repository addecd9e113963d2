import { Migrator } from 'kysely';
import type {
  AlertFilter,
  AlertRecord,
  CollectorRunRecord,
  DailyReportRecord,
  DdbSample,
  DeliveryEvent,
  DeliveryRecord,
  DeliveryStatus,
  EventRecord,
  HealthReportRecord,
  HistoryStore,
  JobDayRecord,
  JobOutcomeRecord,
  Lease,
  NewAlert,
  RetentionPolicy,
  StorageTargetSample,
} from './history-store.js';
import { migrationProvider } from './migrations/index.js';
import type { StoreDb } from './store-db.js';
import * as alerts from './alerts.js';
import * as deliveries from './deliveries.js';
import * as jobs from './jobs.js';
import * as meta from './meta.js';
import * as reports from './reports.js';
import * as retention from './retention.js';
import * as runs from './runs.js';
import * as samples from './samples.js';

const MIGRATE_BUSY_ATTEMPTS = 100;

function isSqliteBusy(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');
}

/** What differs between the two databases; everything else is the shared Kysely code of src/store. */
export interface DialectParts {
  dialect: 'sqlite' | 'postgres';
  db: StoreDb;
  acquireLease(name: string, holder: string, ttlMs: number): Promise<Lease | undefined>;
  sizeBytes(): Promise<number>;
  /** Closes what the dialect opened besides `db` (lease connections). */
  closeExtras?(): Promise<void>;
}

/** The one HistoryStore implementation: each method delegates to its table group's file. */
export class KyselyHistoryStore implements HistoryStore {
  readonly dialect: 'sqlite' | 'postgres';
  readonly #db: StoreDb;
  readonly #parts: DialectParts;
  #closed?: Promise<void>;

  constructor(parts: DialectParts) {
    this.dialect = parts.dialect;
    this.#db = parts.db;
    this.#parts = parts;
  }

  async migrate(): Promise<string[]> {
    const migrator = new Migrator({ db: this.#db, provider: migrationProvider });
    let { error, results } = await migrator.migrateToLatest();
    // Two processes opening one embedded file at once (a gateway and `npm run migrate`, parallel tests):
    // SQLite refuses the second writer's upgrade from a read with SQLITE_BUSY, which busy_timeout does
    // not wait out. The first finishes within moments; then the second finds nothing left to apply.
    // (PostgreSQL's migrator serialises on an advisory lock of its own.)
    for (let attempt = 1; error && isSqliteBusy(error) && attempt <= MIGRATE_BUSY_ATTEMPTS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
      ({ error, results } = await migrator.migrateToLatest());
    }
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`history store migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#parts.closeExtras?.();
      await this.#db.destroy();
    })();
    return this.#closed;
  }

  upsertStorageSamples(rows: readonly StorageTargetSample[]) {
    return samples.upsertStorageSamples(this.#db, rows);
  }
  storageHistory(q: { upstreamId: string; targetId: string; since: number; until: number }) {
    return samples.storageHistory(this.#db, q);
  }
  upsertDdbSamples(rows: readonly DdbSample[]) {
    return samples.upsertDdbSamples(this.#db, rows);
  }
  ddbHistory(q: { upstreamId: string; storeId: string; since: number; until: number }) {
    return samples.ddbHistory(this.#db, q);
  }
  upsertHealthReport(row: HealthReportRecord) {
    return samples.upsertHealthReport(this.#db, row);
  }
  healthReports(q: { since: number; until?: number }) {
    return samples.healthReports(this.#db, q);
  }

  upsertJobOutcomes(rows: readonly JobOutcomeRecord[]) {
    return jobs.upsertJobOutcomes(this.#db, rows);
  }
  jobHistoryByDay(q: { upstreamIds?: string[]; since: number; until: number }): Promise<JobDayRecord[]> {
    return jobs.jobHistoryByDay(this.#db, q);
  }
  jobOutcomes(q: { since: number; until: number; upstreamIds?: string[]; statuses?: string[] }) {
    return jobs.jobOutcomes(this.#db, q);
  }
  upsertEvents(rows: readonly EventRecord[]) {
    return jobs.upsertEvents(this.#db, rows);
  }

  raiseAlert(alert: NewAlert) {
    return alerts.raiseAlert(this.#db, alert);
  }
  touchAlert(fingerprint: string, at: number) {
    return alerts.touchAlert(this.#db, fingerprint, at);
  }
  resolveAlert(fingerprint: string, at: number) {
    return alerts.resolveAlert(this.#db, fingerprint, at);
  }
  acknowledgeAlert(id: string, by: string, note: string | null, at: number) {
    return alerts.acknowledgeAlert(this.#db, id, by, note, at);
  }
  getAlert(id: string) {
    return alerts.getAlert(this.#db, id);
  }
  openAlerts(): Promise<AlertRecord[]> {
    return alerts.openAlerts(this.#db);
  }
  listAlerts(filter: AlertFilter, page: { offset: number; limit: number }) {
    return alerts.listAlerts(this.#db, filter, page);
  }

  claimDelivery(d: { subjectId: string; channel: string; event: DeliveryEvent; at: number }) {
    return deliveries.claimDelivery(this.#db, d);
  }
  recordDelivery(d: { subjectId: string; channel: string; event: DeliveryEvent; status: DeliveryStatus; attempts: number; lastError: string | null; at: number }) {
    return deliveries.recordDelivery(this.#db, d);
  }
  deliveries(q: { subjectId?: string; status?: DeliveryStatus[] }): Promise<DeliveryRecord[]> {
    return deliveries.deliveries(this.#db, q);
  }

  saveDailyReport(r: DailyReportRecord) {
    return reports.saveDailyReport(this.#db, r);
  }
  dailyReport(day: string) {
    return reports.dailyReport(this.#db, day);
  }

  recordCollectorRun(run: CollectorRunRecord) {
    return runs.recordCollectorRun(this.#db, run);
  }
  collectorRuns(q: { since: number; collector?: string }) {
    return runs.collectorRuns(this.#db, q);
  }

  acquireLease(name: string, holder: string, ttlMs: number) {
    return this.#parts.acquireLease(name, holder, ttlMs);
  }

  applyRetention(now: number, policy: RetentionPolicy) {
    return retention.applyRetention(this.#db, now, policy);
  }

  getMeta(key: string) {
    return meta.getMeta(this.#db, key);
  }
  setMeta(key: string, value: string) {
    return meta.setMeta(this.#db, key, value);
  }
  sizeBytes() {
    return this.#parts.sizeBytes();
  }
}
