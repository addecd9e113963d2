import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { SecretFileWatcher } from '../../src/config/secret-files.js';
import type { SecretScope } from '../../src/config/secret-refs.js';
import { channelsFromConfig } from '../../src/collectors/notifications/channels.js';

const dir = mkdtempSync(join(tmpdir(), 'bg-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, value: string): string => {
  const path = join(dir, name);
  writeFileSync(path, `${value}\n`);
  return path;
};
const pem = (body: string): string => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;

/** A config whose every secret comes from a file: `…File` keys, a `…_FILE` variable, a TLS PEM file. */
function config() {
  return parseConfig(
    {
      callers: [{ id: 'ops', apiKeyFile: file('api-key', 'k1'), role: 'analyst', credentials: { bdr: { bearerTokenFile: file('own-token', 'o1') } } }],
      upstreams: [
        { id: 'cv', kind: 'commvault', url: 'https://cs.example.test/webconsole/api', username: 'svc', passwordEnv: 'CV_PW', tls: { ca: file('ca.pem', pem('ca1')) } },
        { id: 'bdr', kind: 'backupdr', url: 'http://bdr.example.test/actifio', bearerTokenFile: file('bdr-token', 't1') },
      ],
      redis: { sentinels: [{ host: 's1', port: 26379 }], name: 'm', passwordFile: file('redis-pw', 'r1'), sentinelPasswordFile: file('sentinel-pw', 's1') },
      telemetry: { traces: { endpoint: 'http://otel.example.test:4318/v1/traces', headersFile: { 'x-api-key': file('otlp-key', 'h1') } } },
      collectors: { identities: { cv: { username: 'collector', passwordFile: file('collector-pw', 'c1') } } },
      notifications: {
        webhooks: [{ name: 'ops', url: 'https://hooks.example.test/x', secretFile: file('hook', 'w1') }],
        email: [{ name: 'mail', smtp: { host: 'smtp.example.test', user: 'u', passFile: file('smtp', 'm1') }, from: 'a@example.test', to: ['b@example.test'] }],
      },
    },
    { CV_PW_FILE: file('cv-pw', 'p1') },
  );
}

describe('secrets from files', () => {
  it('are read at load, each into its key', () => {
    const c = config();
    expect(c.upstreams[0]?.password).toBe('p1');
    expect(c.upstreams[0]?.tls?.ca).toContain('\nca1\n');
    expect(c.upstreams[1]?.bearerToken).toBe('t1');
    expect(c.callers[0]?.apiKey).toBe('k1');
    expect(c.callers[0]?.credentials?.bdr?.bearerToken).toBe('o1');
    expect(c.redis && 'sentinels' in c.redis ? [c.redis.password, c.redis.sentinelPassword] : []).toEqual(['r1', 's1']);
    expect(c.telemetry.traces?.headers['x-api-key']).toBe('h1');
    expect(c.collectors.identities.cv?.password).toBe('c1');
    expect(c.notifications.webhooks[0]?.secret).toBe('w1');
    expect(c.notifications.email[0]?.smtp.pass).toBe('m1');
  });

  it('are reread on reload (SIGHUP): each new value written in place, each affected scope told once', () => {
    const c = config();
    const scopes: SecretScope[] = [];
    const watcher = new SecretFileWatcher(c, pino({ level: 'silent' }), (s) => scopes.push(s));
    const [webhook] = channelsFromConfig(c.notifications);
    for (const [name, value] of [['cv-pw', 'p2'], ['ca.pem', pem('ca2')], ['bdr-token', 't2'], ['api-key', 'k2'], ['own-token', 'o2'], ['redis-pw', 'r2'], ['sentinel-pw', 's2'], ['otlp-key', 'h2'], ['collector-pw', 'c2'], ['hook', 'w2'], ['smtp', 'm2']] as const) {
      file(name, value);
    }
    watcher.reload();
    expect(c.upstreams[0]?.password).toBe('p2');
    expect(c.upstreams[0]?.tls?.ca).toContain('\nca2\n');
    expect(c.upstreams[1]?.bearerToken).toBe('t2');
    expect(c.callers[0]?.apiKey).toBe('k2');
    expect(c.callers[0]?.credentials?.bdr?.bearerToken).toBe('o2');
    expect(c.redis && 'sentinels' in c.redis ? [c.redis.password, c.redis.sentinelPassword] : []).toEqual(['r2', 's2']);
    expect(c.telemetry.traces?.headers['x-api-key']).toBe('h2');
    expect(c.collectors.identities.cv?.password).toBe('c2');
    expect(c.notifications.webhooks[0]?.secret).toBe('w2');
    expect(c.notifications.email[0]?.smtp.pass).toBe('m2');
    // The webhook channel signs with the entry itself, so the next delivery takes the new secret.
    expect((webhook as unknown as { config: unknown }).config).toBe(c.notifications.webhooks[0]);
    expect(scopes).toEqual(
      expect.arrayContaining([
        { kind: 'upstream', upstreamId: 'cv' },
        { kind: 'tls', upstreamId: 'cv' },
        { kind: 'upstream', upstreamId: 'bdr' },
        { kind: 'callers' },
        { kind: 'redis' },
        { kind: 'telemetry' },
        { kind: 'collectors', upstreamId: 'cv' },
        { kind: 'notifications' },
      ]),
    );
    expect(scopes).toHaveLength(8);
    // Nothing changed since: nothing to tell.
    watcher.reload();
    expect(scopes).toHaveLength(8);
  });

  it('keep the previous value when a file is emptied or removed', () => {
    const c = config();
    const watcher = new SecretFileWatcher(c, pino({ level: 'silent' }), () => {});
    file('api-key', '');
    rmSync(join(dir, 'bdr-token'));
    watcher.reload();
    expect(c.callers[0]?.apiKey).toBe('k1');
    expect(c.upstreams[1]?.bearerToken).toBe('t1');
  });

  it('refuse a secret given twice, and name the variable when neither it nor its _FILE twin is set', () => {
    const base = { id: 'cv', kind: 'commvault', url: 'http://cs.example.test/webconsole/api', username: 'svc' };
    expect(() => parseConfig({ upstreams: [{ ...base, password: 'x', passwordEnv: 'CV_PW' }] }, { CV_PW: 'y' })).toThrow(/upstreams\[0\]\.passwordEnv: give one of password, passwordEnv, passwordFile/);
    expect(() => parseConfig({ upstreams: [{ ...base, passwordEnv: 'CV_PW' }] }, {})).toThrow(/upstreams\[0\]\.passwordEnv: environment variable CV_PW is not set \(nor CV_PW_FILE\)/);
    expect(() => parseConfig({ upstreams: [base], callers: [{ id: 'a', apiKeyFile: join(dir, 'nope'), role: 'analyst' }] }, {})).toThrow(/callers\[0\]\.apiKeyFile: cannot read .*ENOENT/);
  });
});
