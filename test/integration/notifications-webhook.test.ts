import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { Notifier } from '../../src/collectors/notifications/notifier.js';
import { WebhookChannel } from '../../src/collectors/notifications/webhook-channel.js';
import { composeDailyReport } from '../../src/collectors/notifications/daily-report.js';
import { createLogger } from '../../src/observability/logger.js';
import type { AlertRecord } from '../../src/store/history-store.js';
import { MemoryDeliveryStore } from '../helpers/memory-delivery-store.js';
import { within } from '../helpers/within.js';

const SECRET = 'webhook-secret-5f1c';

interface Received {
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A webhook receiver on loopback: records every request and answers with the next status of `script` (then 200). */
class Receiver {
  readonly received: Received[] = [];
  script: Array<number | { status: number; headers?: Record<string, string> }> = [];
  /** When set, requests are held (not answered) until `release` is called. */
  hold = false;
  private held: ServerResponse[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks) });
        if (this.hold) return void this.held.push(res);
        const next = this.script.shift() ?? 200;
        const { status, headers } = typeof next === 'number' ? { status: next, headers: {} } : next;
        res.writeHead(status, headers).end(status >= 400 ? 'no' : 'ok');
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks/backup`;
  }

  release(): void {
    for (const res of this.held.splice(0)) res.writeHead(200).end('ok');
    this.hold = false;
  }

  async stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** Verifies a delivery as a receiver would, with node:crypto alone: HMAC-SHA256(secret, timestamp + "." + body). */
function signatureIsValid(r: Received, secret = SECRET): boolean {
  const timestamp = String(r.headers['x-backup-graph-timestamp']);
  const expected = 'sha256=' + createHmac('sha256', secret).update(Buffer.concat([Buffer.from(`${timestamp}.`), r.body])).digest('hex');
  return r.headers['x-backup-graph-signature'] === expected;
}

const alert: AlertRecord = {
  id: 'alert-42',
  ruleId: 'capacity-critical',
  fingerprint: 'capacity-critical|cv-a|StorageTarget:7',
  severity: 'CRITICAL',
  upstreamId: 'cv-a',
  objectId: 'StorageTarget:7',
  message: 'Storage pool "Pool-7" has 6 % free',
  raisedAt: Date.parse('2026-12-06T03:00:00Z'),
  lastSeenAt: Date.parse('2026-12-06T03:00:00Z'),
  resolvedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  acknowledgeNote: null,
};

const logLines: string[] = [];
const logger = createLogger(
  'debug',
  new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function receiver(): Promise<Receiver> {
  const r = new Receiver();
  await r.start();
  cleanups.push(() => r.stop());
  return r;
}

function notifier(store: MemoryDeliveryStore, url: string, opts: { attempts?: number; baseDelayMs?: number; maxDelayMs?: number; events?: Array<'RAISED' | 'RESOLVED' | 'DAILY_REPORT'>; waitMs?: number } = {}): Notifier {
  const channel = new WebhookChannel({ name: 'ops', url, secret: SECRET, events: opts.events ?? ['RAISED', 'RESOLVED', 'DAILY_REPORT'], timeoutMs: 5_000 });
  const n = new Notifier({
    store,
    channels: [channel],
    retry: { attempts: opts.attempts ?? 3, baseDelayMs: opts.baseDelayMs ?? 10, maxDelayMs: opts.maxDelayMs ?? Math.max(50, opts.baseDelayMs ?? 0) },
    logger,
    waitMs: opts.waitMs,
  });
  cleanups.push(() => n.close());
  return n;
}

describe('webhook notifications', () => {
  it('POSTs the raised alert as JSON with a signature the receiver verifies over the timestamp and the exact body', async () => {
    const r = await receiver();
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url);
    await n.notifyAlert('RAISED', alert);
    await n.idle();

    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(got.headers['content-type']).toBe('application/json');
    expect(signatureIsValid(got)).toBe(true);
    expect(signatureIsValid(got, 'another-secret')).toBe(false);
    expect(got.headers['x-backup-graph-event']).toBe('RAISED');
    expect(got.headers['x-backup-graph-delivery']).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(got.body.toString('utf8'))).toEqual({
      event: 'RAISED',
      deliveryId: got.headers['x-backup-graph-delivery'],
      alert: {
        id: 'alert-42',
        rule: 'capacity-critical',
        severity: 'CRITICAL',
        upstream: 'cv-a',
        objectId: 'StorageTarget:7',
        message: 'Storage pool "Pool-7" has 6 % free',
        raisedAt: '2026-12-06T03:00:00.000Z',
        resolvedAt: null,
      },
    });
    expect(store.deliveries()).toEqual([
      expect.objectContaining({ subjectId: 'alert-42', channel: 'webhook:ops', event: 'RAISED', status: 'SENT', attempts: 1, lastError: null }),
    ]);
  });

  it('signs with a secret rotated in its entry (as the secret-file watcher writes it) from the next delivery on', async () => {
    const r = await receiver();
    const entry = { name: 'ops', url: r.url, secret: SECRET, events: ['RAISED', 'RESOLVED', 'DAILY_REPORT'] as Array<'RAISED' | 'RESOLVED' | 'DAILY_REPORT'>, timeoutMs: 5_000 };
    const n = new Notifier({ store: new MemoryDeliveryStore(), channels: [new WebhookChannel(entry)], retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 50 }, logger });
    cleanups.push(() => n.close());
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    entry.secret = 'rotated-secret-21aa';
    await n.notifyAlert('RESOLVED', { ...alert, resolvedAt: alert.raisedAt + 60_000 });
    await n.idle();
    expect(r.received).toHaveLength(2);
    expect(signatureIsValid(r.received[0]!)).toBe(true);
    expect(signatureIsValid(r.received[1]!, 'rotated-secret-21aa')).toBe(true);
    expect(signatureIsValid(r.received[1]!)).toBe(false);
  });

  it('a tampered body no longer matches the signature', async () => {
    const r = await receiver();
    const n = notifier(new MemoryDeliveryStore(), r.url);
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    const got = r.received[0]!;
    expect(signatureIsValid({ ...got, body: Buffer.from(got.body.toString('utf8').replace('CRITICAL', 'WARNING')) })).toBe(false);
  });

  it('delivers one alert exactly once when two replicas notify it at the same time', async () => {
    const r = await receiver();
    const store = new MemoryDeliveryStore();
    const replicaA = notifier(store, r.url);
    const replicaB = notifier(store, r.url);
    await Promise.all([replicaA.notifyAlert('RAISED', alert), replicaB.notifyAlert('RAISED', alert), replicaA.notifyAlert('RAISED', alert)]);
    await Promise.all([replicaA.idle(), replicaB.idle()]);

    expect(r.received).toHaveLength(1);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'SENT', attempts: 1 })]);
  });

  it('sends RESOLVED as its own delivery of the same alert, with its own delivery id', async () => {
    const r = await receiver();
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url);
    await n.notifyAlert('RAISED', alert);
    await n.notifyAlert('RESOLVED', { ...alert, resolvedAt: Date.parse('2026-12-06T04:00:00Z') });
    await n.idle();
    expect(r.received.map((x) => JSON.parse(x.body.toString('utf8')).event)).toEqual(['RAISED', 'RESOLVED']);
    expect(JSON.parse(r.received[1]!.body.toString('utf8')).alert.resolvedAt).toBe('2026-12-06T04:00:00.000Z');
    expect(r.received[0]!.headers['x-backup-graph-delivery']).not.toBe(r.received[1]!.headers['x-backup-graph-delivery']);
    expect(store.deliveries().map((d) => [d.event, d.status])).toEqual([['RAISED', 'SENT'], ['RESOLVED', 'SENT']]);
  });

  it('retries after 500, 500 and records one SENT delivery after the third attempt, each attempt logged', async () => {
    const r = await receiver();
    r.script = [500, 500, 200];
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url, { attempts: 5 });
    await n.notifyAlert('RAISED', alert);
    await n.idle();

    expect(r.received).toHaveLength(3);
    expect(r.received.every((x) => signatureIsValid(x))).toBe(true);
    // The same delivery id on every attempt: the receiver can drop a repeat.
    expect(new Set(r.received.map((x) => x.headers['x-backup-graph-delivery'])).size).toBe(1);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'SENT', attempts: 3, lastError: null })]);
    expect(store.recorded.map((d) => [d.status, d.attempts, d.lastError])).toEqual([
      ['PENDING', 1, 'HTTP 500'],
      ['PENDING', 2, 'HTTP 500'],
      ['SENT', 3, null],
    ]);
  });

  it('does not retry a 400: one attempt, FAILED', async () => {
    const r = await receiver();
    r.script = [400];
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url, { attempts: 5 });
    await n.notifyAlert('RAISED', alert);
    await n.idle();

    expect(r.received).toHaveLength(1);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'FAILED', attempts: 1, lastError: 'HTTP 400' })]);
  });

  it('gives up after the configured attempts with the last error', async () => {
    const r = await receiver();
    r.script = [503, 502, 500, 200];
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url, { attempts: 3 });
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    expect(r.received).toHaveLength(3);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'FAILED', attempts: 3, lastError: 'HTTP 500' })]);
  });

  it("retries a 429 after its Retry-After, and does not retry sooner than a Retry-After beyond maxDelayMs", async () => {
    const r = await receiver();
    r.script = [{ status: 429, headers: { 'retry-after': '0' } }, 200];
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url, { attempts: 3 });
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    expect(r.received).toHaveLength(2);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'SENT', attempts: 2 })]);

    const r2 = await receiver();
    r2.script = [{ status: 429, headers: { 'retry-after': '3600' } }];
    const store2 = new MemoryDeliveryStore();
    const n2 = notifier(store2, r2.url, { attempts: 3, maxDelayMs: 1_000 });
    await n2.notifyAlert('RAISED', alert);
    await n2.idle();
    expect(r2.received).toHaveLength(1);
    expect(store2.deliveries()).toEqual([expect.objectContaining({ status: 'FAILED', attempts: 1, lastError: 'HTTP 429' })]);
  });

  it('records FAILED with the transport error, naming no URL, when nothing listens', async () => {
    const r = await receiver();
    const url = r.url;
    await r.stop();
    cleanups.pop();
    const store = new MemoryDeliveryStore();
    const n = notifier(store, url, { attempts: 2 });
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    const [d] = store.deliveries();
    expect(d).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(d?.lastError).toMatch(/^receiver unreachable/);
    expect(d?.lastError).not.toContain('127.0.0.1');
  });

  it('does not keep the caller waiting for a receiver that does not answer; the delivery finishes later', async () => {
    const r = await receiver();
    r.hold = true;
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url, { waitMs: 50 });
    // notify returns although the receiver holds the request unanswered (were it to wait, this would hang).
    await n.notifyAlert('RAISED', alert);
    await within(5_000, () => r.received.length === 1);
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'PENDING', attempts: 0 })]);
    r.release();
    await n.idle();
    expect(store.deliveries()).toEqual([expect.objectContaining({ status: 'SENT', attempts: 1 })]);
  });

  it('sends a channel only the events it takes', async () => {
    const r = await receiver();
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url, { events: ['DAILY_REPORT'] });
    await n.notifyAlert('RAISED', alert);
    const report = composeDailyReport({ jobs: [{ upstreamId: 'cv-a', jobId: '1', status: 'FAILED', workloadId: null, workloadName: 'db1', startedAt: alert.raisedAt, endedAt: null }] }, alert.raisedAt + 3600_000);
    await n.sendDailyReport(report);
    await n.idle();
    expect(r.received).toHaveLength(1);
    const body = JSON.parse(r.received[0]!.body.toString('utf8'));
    expect(body).toMatchObject({ event: 'DAILY_REPORT', report: { day: '2026-12-06', summary: { totals: { total: 1, failed: 1 } } } });
    expect(store.deliveries()).toEqual([expect.objectContaining({ subjectId: '2026-12-06', event: 'DAILY_REPORT', status: 'SENT' })]);
    expect(store.reports.get('2026-12-06')?.body).toMatchObject({ summary: report.summary, text: report.text });
  });

  it('never writes the secret into a log line', async () => {
    const r = await receiver();
    r.script = [500, 400];
    const n = notifier(new MemoryDeliveryStore(), r.url);
    await n.notifyAlert('RAISED', alert);
    await n.idle();
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(SECRET);
  });

  it('a failing store never makes notify throw: no claim sends nothing, an unwritable log does not undo a delivery', async () => {
    const r = await receiver();
    const noClaims = new MemoryDeliveryStore();
    noClaims.claimDelivery = async () => {
      throw new Error('database is down');
    };
    const n1 = notifier(noClaims, r.url);
    await expect(n1.notifyAlert('RAISED', alert)).resolves.toBeUndefined();
    await n1.idle();
    expect(r.received).toHaveLength(0);

    const noLog = new MemoryDeliveryStore();
    noLog.recordDelivery = async () => {
      throw new Error('database is down');
    };
    const n2 = notifier(noLog, r.url);
    await expect(n2.notifyAlert('RAISED', alert)).resolves.toBeUndefined();
    await n2.idle();
    expect(r.received).toHaveLength(1);
  });

  it('on close, a retry waiting for its turn ends FAILED instead of holding the stop', async () => {
    const r = await receiver();
    r.script = [500];
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url, { attempts: 3, baseDelayMs: 600_000 });
    await n.notifyAlert('RAISED', alert);
    await within(5_000, () => store.recorded.length === 1);
    await n.close();
    expect(r.received).toHaveLength(1);
    expect(store.deliveries()).toEqual([
      expect.objectContaining({ status: 'FAILED', attempts: 1, lastError: 'the gateway stopped before attempt 2 (last: HTTP 500)' }),
    ]);
  });

  it("notifies what an alert plan changed: each resolved and raised alert once, as its own event", async () => {
    const r = await receiver();
    const store = new MemoryDeliveryStore();
    const n = notifier(store, r.url);
    const other = { ...alert, id: 'alert-43', fingerprint: 'other', resolvedAt: alert.raisedAt + 60_000 };
    await n.notifyAlerts({ raised: [alert], resolved: [other] });
    await n.idle();
    expect(r.received.map((x) => JSON.parse(x.body.toString('utf8'))).map((b) => [b.event, b.alert.id]).sort()).toEqual([
      ['RAISED', 'alert-42'],
      ['RESOLVED', 'alert-43'],
    ]);
    expect(store.deliveries().map((d) => [d.subjectId, d.event, d.status]).sort()).toEqual([
      ['alert-42', 'RAISED', 'SENT'],
      ['alert-43', 'RESOLVED', 'SENT'],
    ]);
  });
});
