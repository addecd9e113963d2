import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emailContent, webhookPayload } from '../../src/collectors/notifications/notification-content.js';
import { deliveryIdOf } from '../../src/collectors/notifications/notifier.js';
import { signWebhook, verifyWebhookSignature } from '../../src/collectors/notifications/webhook-signature.js';
import type { AlertRecord } from '../../src/store/history-store.js';

const alert: AlertRecord = {
  id: 'a1',
  ruleId: 'agent-offline',
  fingerprint: 'agent-offline|cv-a|MediaAgent:2',
  severity: 'WARNING',
  upstreamId: 'cv-a',
  objectId: 'MediaAgent:2',
  message: 'MediaAgent <ma-02> & friends offline',
  raisedAt: Date.parse('2026-12-06T01:00:00Z'),
  lastSeenAt: Date.parse('2026-12-06T02:00:00Z'),
  resolvedAt: Date.parse('2026-12-06T02:30:00Z'),
  acknowledgedAt: null,
  acknowledgedBy: null,
  acknowledgeNote: null,
};

describe('notification content', () => {
  it('e-mails a resolved alert with RESOLVED and the severity first in the subject, and the message escaped in HTML', () => {
    const mail = emailContent({ event: 'RESOLVED', alert });
    expect(mail.subject).toBe('[backup-graph] RESOLVED WARNING: MediaAgent <ma-02> & friends offline');
    expect(mail.text).toContain('Resolved: 2026-12-06T02:30:00.000Z');
    expect(mail.html).toContain('MediaAgent &#60;ma-02&#62; &#38; friends offline');
    expect(mail.html).not.toContain('<ma-02>');
  });

  it('gives webhooks the alert under its public field names, times in ISO-8601', () => {
    expect(webhookPayload({ event: 'RESOLVED', alert }, 'd1')).toEqual({
      event: 'RESOLVED',
      deliveryId: 'd1',
      alert: {
        id: 'a1',
        rule: 'agent-offline',
        severity: 'WARNING',
        upstream: 'cv-a',
        objectId: 'MediaAgent:2',
        message: 'MediaAgent <ma-02> & friends offline',
        raisedAt: '2026-12-06T01:00:00.000Z',
        resolvedAt: '2026-12-06T02:30:00.000Z',
      },
    });
  });

  it('names one delivery the same everywhere and different deliveries differently', () => {
    expect(deliveryIdOf('a1', 'webhook:ops', 'RAISED')).toBe(deliveryIdOf('a1', 'webhook:ops', 'RAISED'));
    const ids = new Set([
      deliveryIdOf('a1', 'webhook:ops', 'RAISED'),
      deliveryIdOf('a1', 'webhook:ops', 'RESOLVED'),
      deliveryIdOf('a1', 'email:ops', 'RAISED'),
      deliveryIdOf('a2', 'webhook:ops', 'RAISED'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256 and verifies only the exact bytes', () => {
    const body = '{"event":"RAISED"}';
    const expected = `sha256=${createHmac('sha256', 'k').update(`1765000000.${body}`).digest('hex')}`;
    expect(signWebhook('k', '1765000000', body)).toBe(expected);
    expect(verifyWebhookSignature('k', '1765000000', body, expected)).toBe(true);
    expect(verifyWebhookSignature('k', '1765000001', body, expected)).toBe(false);
    expect(verifyWebhookSignature('k', '1765000000', `${body} `, expected)).toBe(false);
    expect(verifyWebhookSignature('k', '1765000000', body, 'sha256=00')).toBe(false);
  });
});
