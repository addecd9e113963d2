import { setTimeout as sleep } from 'node:timers/promises';
import type { NotificationRetryConfig } from '../../config/notifications.js';
import type { Logger } from '../../observability/logger.js';
import type { AlertRecord, DeliveryEvent, HistoryStore } from '../../store/history-store.js';
import { sha256Hex } from '../../util/sha256.js';
import { subjectIdOf, type Notification, type NotificationChannel } from './channel.js';
import type { DailyReport } from './daily-report.js';
import { asDeliveryFailure } from './delivery-failure.js';
import { nextDeliveryDelayMs } from './retry-policy.js';

/** The store methods a Notifier uses: the delivery log, and the daily report's archive. */
export type NotifierStore = Pick<HistoryStore, 'claimDelivery' | 'recordDelivery' | 'saveDailyReport'>;

export interface NotifierOptions {
  store: NotifierStore;
  channels: readonly NotificationChannel[];
  retry: NotificationRetryConfig;
  logger: Logger;
  /** Longest `notify` keeps its caller waiting; deliveries go on in the background after it. @default 2000 */
  waitMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/**
 * The same for every replica and every attempt of one (subject, channel, event): receivers drop a
 * repeated delivery by it (webhook header, e-mail Message-ID).
 */
export function deliveryIdOf(subjectId: string, channel: string, event: DeliveryEvent): string {
  return sha256Hex(`${event}\n${subjectId}\n${channel}`).slice(0, 32);
}

/**
 * Tells every configured channel about raised and resolved alerts and the daily report, once across
 * replicas: for each channel the store's `claimDelivery` decides which replica sends (the first to
 * insert the delivery row); the others skip it. The winner tries up to `retry.attempts` times with
 * doubling waits (a receiver's Retry-After honoured, final failures not retried) and logs every
 * attempt with `recordDelivery`: PENDING while retries remain, then SENT or FAILED.
 *
 * A collection loop calls `notify…` and waits at most `waitMs`; nothing it calls throws: failures
 * (a channel's, the store's) are logged. `close` stops retries waiting for their turn and waits for
 * attempts under way (each bounded by its channel's timeout).
 */
export class Notifier {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly waitMs: number;
  private readonly now: () => number;
  private closed: Promise<void> | undefined;

  constructor(private readonly options: NotifierOptions) {
    this.waitMs = options.waitMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  notifyAlert(event: 'RAISED' | 'RESOLVED', alert: AlertRecord): Promise<void> {
    return this.notify({ event, alert });
  }

  /** Keeps the report in the store (one per day: saving again replaces it), then sends it. */
  async sendDailyReport(report: DailyReport): Promise<void> {
    try {
      await this.options.store.saveDailyReport({ day: report.day, createdAt: this.now(), body: { summary: report.summary, text: report.text, html: report.html } });
    } catch (e) {
      this.options.logger.error({ err: errorText(e), day: report.day }, 'daily report not saved');
    }
    await this.notify({ event: 'DAILY_REPORT', report });
  }

  /**
   * What one collection's alert plan changed (applyAlertPlan's answer): every resolved and raised alert,
   * under one `waitMs` bound for all of them.
   */
  notifyAlerts(changed: { raised: readonly AlertRecord[]; resolved: readonly AlertRecord[] }): Promise<void> {
    return this.notifyAll([
      ...changed.resolved.map((alert): Notification => ({ event: 'RESOLVED', alert })),
      ...changed.raised.map((alert): Notification => ({ event: 'RAISED', alert })),
    ]);
  }

  /** Starts one delivery per channel that takes the event; resolves when they end, or after `waitMs`. */
  notify(n: Notification): Promise<void> {
    return this.notifyAll([n]);
  }

  private notifyAll(notifications: readonly Notification[]): Promise<void> {
    const deliveries: Array<Promise<void>> = [];
    for (const n of notifications) {
      if (this.stopping.signal.aborted) {
        this.options.logger.warn({ event: n.event, subjectId: subjectIdOf(n) }, 'notification dropped: the notifier is closed');
        continue;
      }
      for (const c of this.options.channels) if (c.events.includes(n.event)) deliveries.push(this.track(this.deliver(c, n)));
    }
    if (deliveries.length === 0 || this.waitMs === 0) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.waitMs);
      timer.unref();
    });
    return Promise.race([Promise.all(deliveries).then(() => undefined), bound]).finally(() => clearTimeout(timer));
  }

  /** Resolves once every delivery started so far has ended (tests; shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Stops waiting retries (their deliveries end FAILED), waits for attempts under way, closes the channels. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.stopping.abort();
      await this.idle();
      await Promise.all(this.options.channels.map((c) => c.close?.()));
    })();
    return this.closed;
  }

  private track(p: Promise<void>): Promise<void> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  private async deliver(channel: NotificationChannel, n: Notification): Promise<void> {
    const { store, logger, retry } = this.options;
    const key = { subjectId: subjectIdOf(n), channel: channel.id, event: n.event };
    const deliveryId = deliveryIdOf(key.subjectId, key.channel, key.event);
    const log = logger.child({ channel: key.channel, event: key.event, subjectId: key.subjectId, deliveryId });
    try {
      if (!(await store.claimDelivery({ ...key, at: this.now() }))) {
        log.debug('notification already claimed by another replica (or sent before)');
        return;
      }
    } catch (e) {
      // Without a claim no replica may send: sending anyway could deliver twice.
      log.error({ err: errorText(e) }, 'notification not sent: the delivery could not be claimed');
      return;
    }

    const signal = this.stopping.signal;
    for (let attempts = 1; ; attempts++) {
      try {
        await channel.send(n, deliveryId);
        await this.record(log, { ...key, status: 'SENT', attempts, lastError: null });
        log.info({ attempts }, 'notification delivered');
        return;
      } catch (e) {
        const failure = asDeliveryFailure(e);
        const delayMs = signal.aborted ? undefined : nextDeliveryDelayMs(attempts, retry, failure);
        if (delayMs === undefined) {
          await this.record(log, { ...key, status: 'FAILED', attempts, lastError: failure.message });
          log.warn({ attempts, lastError: failure.message }, 'notification failed');
          return;
        }
        await this.record(log, { ...key, status: 'PENDING', attempts, lastError: failure.message });
        log.info({ attempts, lastError: failure.message, retryInMs: delayMs }, 'notification attempt failed; retrying');
        try {
          await sleep(delayMs, undefined, { signal });
        } catch {
          const lastError = `the gateway stopped before attempt ${attempts + 1} (last: ${failure.message})`;
          await this.record(log, { ...key, status: 'FAILED', attempts, lastError });
          log.warn({ attempts, lastError }, 'notification failed');
          return;
        }
      }
    }
  }

  private async record(log: Logger, d: Omit<Parameters<NotifierStore['recordDelivery']>[0], 'at'>): Promise<void> {
    try {
      await this.options.store.recordDelivery({ ...d, at: this.now() });
    } catch (e) {
      log.error({ err: errorText(e), status: d.status, attempts: d.attempts }, 'delivery log not written');
    }
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
