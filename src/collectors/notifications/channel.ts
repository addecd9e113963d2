import type { AlertRecord, DeliveryEvent } from '../../store/history-store.js';
import type { DailyReport } from './daily-report.js';

/** What the Notifier hands each channel: one alert event, or one day's report. */
export type Notification =
  | { event: 'RAISED' | 'RESOLVED'; alert: AlertRecord }
  | { event: 'DAILY_REPORT'; report: DailyReport };

/** The delivery log's subject of a notification: the alert id, or the report's day. */
export function subjectIdOf(n: Notification): string {
  return n.event === 'DAILY_REPORT' ? n.report.day : n.alert.id;
}

/**
 * One configured destination. `send` makes ONE attempt, bounded by the channel's own timeout, and either
 * resolves (delivered) or throws a DeliveryFailure saying whether another attempt may help; retries, the
 * claim and the delivery log are the Notifier's. An attempt under way is never cut short when the
 * gateway stops: the receiver may already have it, and only the attempt's answer says whether it did.
 */
export interface NotificationChannel {
  /** `webhook:<name>` or `email:<name>`: the delivery log's channel and the name in logs. */
  readonly id: string;
  readonly events: readonly DeliveryEvent[];
  send(n: Notification, deliveryId: string): Promise<void>;
  close?(): Promise<void>;
}
