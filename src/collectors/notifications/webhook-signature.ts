import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of a webhook delivery (docs/history.md "Notifications"). */
export const SIGNATURE_HEADER = 'x-backup-graph-signature';
export const TIMESTAMP_HEADER = 'x-backup-graph-timestamp';
export const DELIVERY_HEADER = 'x-backup-graph-delivery';
export const EVENT_HEADER = 'x-backup-graph-event';

/**
 * `sha256=<hex>`: HMAC-SHA256, keyed with the channel's secret, of the timestamp header's value, a `.`,
 * and the exact body bytes. The timestamp is signed so a receiver can refuse a replayed old delivery
 * (e.g. older than five minutes) without trusting an unsigned header.
 */
export function signWebhook(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/** A receiver's check, constant-time; used by the tests and shown in the docs. */
export function verifyWebhookSignature(secret: string, timestamp: string, body: string | Buffer, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
