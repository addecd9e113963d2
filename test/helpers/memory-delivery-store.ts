import type { DailyReportRecord, DeliveryRecord } from '../../src/store/history-store.js';
import type { NotifierStore } from '../../src/collectors/notifications/notifier.js';

/**
 * The delivery log and report archive of the history store, in memory, for Notifier tests. Every call
 * yields to the event loop first, as a database round trip would, so two "replicas" sharing one
 * instance really race for a claim; the claim itself is atomic, as the store's unique key makes it.
 */
export class MemoryDeliveryStore implements NotifierStore {
  readonly rows = new Map<string, DeliveryRecord>();
  readonly reports = new Map<string, DailyReportRecord>();
  /** Every recordDelivery call, in order. */
  readonly recorded: Array<Parameters<NotifierStore['recordDelivery']>[0]> = [];

  async claimDelivery(d: Parameters<NotifierStore['claimDelivery']>[0]): Promise<boolean> {
    await new Promise((r) => setImmediate(r));
    const key = `${d.subjectId}|${d.channel}|${d.event}`;
    if (this.rows.has(key)) return false;
    this.rows.set(key, { subjectId: d.subjectId, channel: d.channel, event: d.event, status: 'PENDING', attempts: 0, lastError: null, createdAt: d.at, updatedAt: d.at, sentAt: null });
    return true;
  }

  async recordDelivery(d: Parameters<NotifierStore['recordDelivery']>[0]): Promise<void> {
    await new Promise((r) => setImmediate(r));
    this.recorded.push(d);
    const key = `${d.subjectId}|${d.channel}|${d.event}`;
    const row = this.rows.get(key);
    if (!row) throw new Error(`recordDelivery before claimDelivery: ${key}`);
    this.rows.set(key, { ...row, status: d.status, attempts: d.attempts, lastError: d.lastError, updatedAt: d.at, sentAt: d.status === 'SENT' ? d.at : row.sentAt });
  }

  async saveDailyReport(r: DailyReportRecord): Promise<void> {
    await new Promise((res) => setImmediate(res));
    this.reports.set(r.day, r);
  }

  deliveries(): DeliveryRecord[] {
    return [...this.rows.values()];
  }
}
