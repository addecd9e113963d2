import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmailChannel } from '../../src/collectors/notifications/email-channel.js';
import { Notifier } from '../../src/collectors/notifications/notifier.js';
import { composeDailyReport } from '../../src/collectors/notifications/daily-report.js';
import { createLogger } from '../../src/observability/logger.js';
import type { EmailConfig } from '../../src/config/notifications.js';
import type { AlertRecord } from '../../src/store/history-store.js';
import { MemoryDeliveryStore } from '../helpers/memory-delivery-store.js';

interface Mail {
  from: string | undefined;
  to: string[];
  raw: string;
  user: string | undefined;
}

const SMTP_PASS = 'smtp-pass-93ad';

/** A local SMTP server on a free loopback port that keeps every message; `rejectNext` answers the next DATA with that code. */
class MailSink {
  readonly mails: Mail[] = [];
  rejectNext: number[] = [];
  port = 0;
  private server!: SMTPServer;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, cb) => {
        if (auth.username === 'notifier' && auth.password === SMTP_PASS) cb(null, { user: auth.username });
        else cb(new Error('Invalid username or password'));
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const code = this.rejectNext.shift();
          if (code !== undefined) {
            const err = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code });
            return cb(err);
          }
          this.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            user: session.user as string | undefined,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const alert: AlertRecord = {
  id: 'alert-7',
  ruleId: 'ddb-qi-critical',
  fingerprint: 'ddb-qi-critical|cv-a|DdbStore:3',
  severity: 'CRITICAL',
  upstreamId: 'cv-a',
  objectId: 'DdbStore:3',
  message: 'DDB "DDB-3" Q&I time 2400 µs',
  raisedAt: Date.parse('2026-12-06T03:10:00Z'),
  lastSeenAt: Date.parse('2026-12-06T03:10:00Z'),
  resolvedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  acknowledgeNote: null,
};

const logLines: string[] = [];
const logger = createLogger('debug', new Writable({ write: (c, _e, done) => (logLines.push(String(c)), done()) }));

let sink: MailSink;
const notifiers: Notifier[] = [];

beforeEach(async () => {
  sink = new MailSink();
  await sink.start();
});
afterEach(async () => {
  for (const n of notifiers.splice(0)) await n.close();
  await sink.stop();
});

function emailConfig(overrides: Partial<EmailConfig['smtp']> = {}): EmailConfig {
  return {
    name: 'oncall',
    smtp: { host: '127.0.0.1', port: sink.port, secure: false, requireTLS: false, user: 'notifier', pass: SMTP_PASS, timeoutMs: 5_000, ...overrides },
    from: 'backup-graph <alerts@example.test>',
    to: ['oncall@example.test', 'storage-team@example.test'],
    events: ['RAISED', 'RESOLVED', 'DAILY_REPORT'],
  };
}

function notifier(store: MemoryDeliveryStore, config = emailConfig()): Notifier {
  const n = new Notifier({ store, channels: [new EmailChannel(config)], retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 50 }, logger });
  notifiers.push(n);
  return n;
}

describe('e-mail notifications', () => {
  it('sends one mail per raised alert to every recipient, with the severity and message in the subject, text and HTML', async () => {
    const store = new MemoryDeliveryStore();
    const n = notifier(store);
    await n.notifyAlert('RAISED', alert);
    await n.idle();

    expect(sink.mails).toHaveLength(1);
    const mail = sink.mails[0]!;
    expect(mail.user).toBe('notifier');
    expect(mail.from).toBe('alerts@example.test');
    expect(mail.to).toEqual(['oncall@example.test', 'storage-team@example.test']);
    // Headers are folded and may be encoded; unfold them before reading.
    const headers = mail.raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
    expect(headers).toMatch(/^To: oncall@example\.test, storage-team@example\.test$/m);
    expect(decodeSubject(headers)).toBe('[backup-graph] RAISED CRITICAL: DDB "DDB-3" Q&I time 2400 µs');
    expect(headers).toMatch(/^X-Backup-Graph-Event: RAISED$/m);
    expect(mail.raw).toContain('multipart/alternative');
    expect(mail.raw).toContain('text/plain');
    expect(mail.raw).toContain('text/html');
    expect(store.deliveries()).toEqual([expect.objectContaining({ channel: 'email:oncall', event: 'RAISED', status: 'SENT', attempts: 1 })]);
  });

  it('sends exactly one mail when two replicas notify the same alert at once', async () => {
    const store = new MemoryDeliveryStore();
    const a = notifier(store);
    const b = notifier(store);
    await Promise.all([a.notifyAlert('RAISED', alert), b.notifyAlert('RAISED', alert)]);
    await Promise.all([a.idle(), b.idle()]);
    expect(sink.mails).toHaveLength(1);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'SENT' })]);
  });

  it('retries a temporary refusal (451) and not a permanent one (550)', async () => {
    sink.rejectNext = [451];
    const store = new MemoryDeliveryStore();
    const n = notifier(store);
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    expect(sink.mails).toHaveLength(1);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'SENT', attempts: 2 })]);

    sink.rejectNext = [550];
    await n.notifyAlert('RESOLVED', { ...alert, resolvedAt: alert.raisedAt + 60_000 });
    await n.idle();
    expect(sink.mails).toHaveLength(1);
    expect(store.deliveries().find((d) => d.event === 'RESOLVED')).toMatchObject({ status: 'FAILED', attempts: 1, lastError: 'SMTP EMESSAGE 550' });
  });

  it('fails at once on a wrong password, and never logs the password', async () => {
    const store = new MemoryDeliveryStore();
    const n = notifier(store, emailConfig({ pass: 'wrong-pass-0b1e' }));
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    expect(sink.mails).toHaveLength(0);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'FAILED', attempts: 1 })]);
    expect(store.deliveries()[0]?.lastError).toMatch(/^SMTP EAUTH/);
    const logs = logLines.join('\n');
    expect(logs).not.toContain('wrong-pass-0b1e');
    expect(logs).not.toContain(SMTP_PASS);
  });

  it('uses a password rotated in its entry (as the secret-file watcher writes it) from the next mail on', async () => {
    const store = new MemoryDeliveryStore();
    const config = emailConfig({ pass: 'old-pass-77c2' });
    const n = notifier(store, config);
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    expect(sink.mails).toHaveLength(0);
    config.smtp.pass = SMTP_PASS;
    await n.notifyAlert('RESOLVED', { ...alert, resolvedAt: alert.raisedAt + 60_000 });
    await n.idle();
    expect(sink.mails).toHaveLength(1);
    expect(store.deliveries().find((d) => d.event === 'RESOLVED')).toMatchObject({ status: 'SENT' });
  });

  it('mails the daily report with its figures in the subject', async () => {
    const store = new MemoryDeliveryStore();
    const n = notifier(store);
    const now = Date.parse('2026-12-06T07:00:00Z');
    const report = composeDailyReport(
      {
        jobs: [
          { upstreamId: 'cv-a', jobId: '1', status: 'FAILED', workloadId: 'W:1', workloadName: 'db1', startedAt: now - 3600_000, endedAt: null },
          { upstreamId: 'cv-a', jobId: '2', status: 'COMPLETED', workloadId: 'W:2', workloadName: 'db2', startedAt: now - 7200_000, endedAt: null },
        ],
      },
      now,
    );
    await n.sendDailyReport(report);
    await n.idle();
    expect(sink.mails).toHaveLength(1);
    const headers = sink.mails[0]!.raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
    expect(decodeSubject(headers)).toBe('[backup-graph] Daily backup report 2026-12-06: 1 failed, 0 partial of 2');
    expect(store.deliveries()).toEqual([expect.objectContaining({ subjectId: '2026-12-06', event: 'DAILY_REPORT', status: 'SENT' })]);
  });
});

/** The Subject header, decoding RFC 2047 encoded words (nodemailer encodes non-ASCII subjects). */
function decodeSubject(headers: string): string {
  const line = /^Subject: (.*)$/m.exec(headers)?.[1] ?? '';
  return line
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}
