import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, providePostgres } from '../helpers/postgres.js';
import { FAST_COLLECTORS, startGatewayProcess, type GatewayProcess } from './collector-process.js';
import { webhookReceiver } from './webhook-receiver.js';

const postgres = await providePostgres();
const SECRET = 'collector-test-secret';

async function mailSink(): Promise<{ server: SMTPServer; port: number; subjects: string[] }> {
  const subjects: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, _session, cb) => {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        subjects.push(/^Subject: (.*)$/m.exec(raw)?.[1] ?? '');
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.server.address() as AddressInfo).port, subjects };
}

async function capacityAlerts(url: string): Promise<Array<{ id: string; resolved: boolean }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; resolved_at: string | null }>("select id, resolved_at from alerts where rule_id = 'CAPACITY_FREE'");
    return rows.map((r) => ({ id: String(r.id), resolved: r.resolved_at !== null }));
  } finally {
    await client.end();
  }
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const countOf = <T>(items: readonly T[], item: T) => items.filter((i) => i === item).length;

describe.skipIf(!postgres.available)('alerts the collectors raise reach the channels once, with two replicas', () => {
  const replicas: GatewayProcess[] = [];
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(replicas.splice(0).map((r) => r.kill()));
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('sends each raised capacity alert once to the webhook (signed) and once by e-mail, and its resolution once', { timeout: 180_000 }, async () => {
    const db = await createTestDatabase();
    closers.push(db.drop);
    const hook = await webhookReceiver(SECRET);
    closers.push(hook.close);
    const mail = await mailSink();
    closers.push(() => new Promise((r) => mail.server.close(() => r())));
    const onlyCapacity = (capacity: boolean) => ({
      rules: {
        capacity: { enabled: capacity },
        ddb: { enabled: false },
        infrastructure: { enabled: false },
        failedJobs: { enabled: false },
        unprotected: { enabled: false },
        forecast: { enabled: false },
      },
    });
    const overrides = (capacity: boolean) => ({
      store: { url: db.url },
      collectors: FAST_COLLECTORS,
      alerts: onlyCapacity(capacity),
      notifications: {
        webhooks: [{ name: 'test', url: hook.url, secret: SECRET, events: ['RAISED', 'RESOLVED'] }],
        email: [{ name: 'ops', smtp: { host: '127.0.0.1', port: mail.port }, from: 'backup-graph@test', to: ['ops@test'], events: ['RAISED', 'RESOLVED'] }],
      },
    });
    replicas.push(await startGatewayProcess(overrides(true), { BACKUP_GRAPH_COLLECTOR_HOLDER: 'replica-a' }));
    replicas.push(await startGatewayProcess(overrides(true), { BACKUP_GRAPH_COLLECTOR_HOLDER: 'replica-b' }));

    // The demo estate has storage pools under 20 % and 10 % free: the first capacity pass raises their alerts.
    let raised: Array<{ id: string; resolved: boolean }> = [];
    await until('every capacity alert delivered', async () => {
      raised = await capacityAlerts(db.url);
      return raised.length > 0 && raised.every((a) => hook.hooks.some((h) => h.event === 'RAISED' && h.alertId === a.id)) && mail.subjects.filter((s) => s.includes('RAISED')).length >= raised.length;
    });
    // Several more collections by the leader, and the follower trying each tick: nothing is raised or sent again.
    const seen = (await capacityAlerts(db.url)).length;
    await new Promise((r) => setTimeout(r, 4 * FAST_COLLECTORS.intervalsMs.capacity));
    expect((await capacityAlerts(db.url)).length).toBe(seen);
    for (const a of raised) expect(countOf(hook.hooks.filter((h) => h.event === 'RAISED').map((h) => h.alertId), a.id)).toBe(1);
    expect(hook.hooks.every((h) => h.signatureValid)).toBe(true);
    expect(mail.subjects.filter((s) => s.includes('RAISED')).length).toBe(raised.length);

    // The condition no longer judged to hold (the rule turned off): each alert resolves, told once.
    await Promise.all(replicas.splice(0).map((r) => r.kill()));
    replicas.push(await startGatewayProcess(overrides(false), { BACKUP_GRAPH_COLLECTOR_HOLDER: 'replica-c' }));
    await until('every capacity alert resolved and told', async () => {
      const now = await capacityAlerts(db.url);
      return now.every((a) => a.resolved) && raised.every((a) => hook.hooks.some((h) => h.event === 'RESOLVED' && h.alertId === a.id));
    });
    await new Promise((r) => setTimeout(r, 2 * FAST_COLLECTORS.intervalsMs.capacity));
    for (const a of raised) expect(countOf(hook.hooks.filter((h) => h.event === 'RESOLVED').map((h) => h.alertId), a.id)).toBe(1);
    expect(mail.subjects.filter((s) => s.includes('RESOLVED')).length).toBe(raised.length);
  });
});
