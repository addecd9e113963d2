/**
 * What a notification says, in one place for every channel: the webhook's JSON body and the e-mail's
 * subject, plain text and HTML. Pure.
 */
import type { AlertRecord } from '../../store/history-store.js';
import type { Notification } from './channel.js';
import { escapeHtml } from './html.js';

/** An alert as receivers see it (the webhook body's `alert`). Times are ISO-8601 UTC. */
export interface AlertPayload {
  id: string;
  rule: string;
  severity: string;
  upstream: string;
  objectId: string | null;
  message: string;
  raisedAt: string;
  resolvedAt: string | null;
}

/** The webhook body: `alert` for RAISED and RESOLVED, `report` for DAILY_REPORT. */
export type WebhookPayload =
  | { event: 'RAISED' | 'RESOLVED'; deliveryId: string; alert: AlertPayload }
  | { event: 'DAILY_REPORT'; deliveryId: string; report: { day: string; summary: unknown; text: string } };

export function alertPayload(a: AlertRecord): AlertPayload {
  return {
    id: a.id,
    rule: a.ruleId,
    severity: a.severity,
    upstream: a.upstreamId,
    objectId: a.objectId,
    message: a.message,
    raisedAt: new Date(a.raisedAt).toISOString(),
    resolvedAt: a.resolvedAt === null ? null : new Date(a.resolvedAt).toISOString(),
  };
}

export function webhookPayload(n: Notification, deliveryId: string): WebhookPayload {
  if (n.event === 'DAILY_REPORT') {
    return { event: n.event, deliveryId, report: { day: n.report.day, summary: n.report.summary, text: n.report.text } };
  }
  return { event: n.event, deliveryId, alert: alertPayload(n.alert) };
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Subject lines start with the event and severity, so a mail client's list view is enough to triage. */
export function emailContent(n: Notification): EmailContent {
  if (n.event === 'DAILY_REPORT') {
    const t = n.report.summary.totals;
    return {
      subject: `[backup-graph] Daily backup report ${n.report.day}: ${t.failed} failed, ${t.partial} partial of ${t.total}`,
      text: n.report.text,
      html: n.report.html,
    };
  }
  const a = alertPayload(n.alert);
  const verb = n.event === 'RAISED' ? 'RAISED' : 'RESOLVED';
  const fields: Array<[string, string]> = [
    ['Alert', a.id],
    ['Rule', a.rule],
    ['Severity', a.severity],
    ['Upstream', a.upstream],
    ['Object', a.objectId ?? '-'],
    ['Raised', a.raisedAt],
    ...(a.resolvedAt ? [['Resolved', a.resolvedAt] as [string, string]] : []),
  ];
  return {
    subject: `[backup-graph] ${verb} ${a.severity}: ${a.message}`,
    text: `${a.message}\n\n${fields.map(([k, v]) => `${k}: ${v}`).join('\n')}\n`,
    html: [
      `<p><strong>${escapeHtml(verb)} ${escapeHtml(a.severity)}</strong>: ${escapeHtml(a.message)}</p>`,
      `<table>${fields.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    ].join('\n'),
  };
}
