import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/load.js';

const minimal = {
  callers: [{ id: 'web', apiKey: 'k1', role: 'frontend' }],
  upstreams: [{ id: 'cv-main', kind: 'commvault', url: 'http://127.0.0.1:8401/webconsole/api', username: 'admin', password: 'pw' }],
};

const parse = (notifications: unknown, env: Record<string, string> = {}) => parseConfig({ ...minimal, notifications }, env).notifications;

describe('notifications configuration', () => {
  it('defaults to no channel, 5 attempts from 1 s doubling to 60 s, and no daily report (due 07:00 UTC when enabled)', () => {
    expect(parseConfig(minimal, {}).notifications).toEqual({
      webhooks: [],
      email: [],
      retry: { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 },
      waitMs: 2_000,
      dailyReport: { enabled: false, at: '07:00', timeZone: 'UTC' },
    });
  });

  it('reads webhook and e-mail channels, filling every event and the timeouts by default', () => {
    const n = parse({
      webhooks: [{ name: 'ops', url: 'https://hooks.example.test/backup', secret: 's3cret' }],
      email: [{ name: 'oncall', smtp: { host: 'smtp.example.test', user: 'bg', pass: 'pw' }, from: 'bg@example.test', to: ['a@example.test'], events: ['RAISED'] }],
    });
    expect(n.webhooks[0]).toEqual({ name: 'ops', url: 'https://hooks.example.test/backup', secret: 's3cret', events: ['RAISED', 'RESOLVED', 'DAILY_REPORT'], timeoutMs: 10_000 });
    expect(n.email[0]?.smtp).toEqual({ host: 'smtp.example.test', user: 'bg', pass: 'pw', secure: false, requireTLS: false, timeoutMs: 10_000 });
    expect(n.email[0]?.events).toEqual(['RAISED']);
  });

  it('takes the webhook secret and the SMTP password from the environment', () => {
    const n = parse(
      {
        webhooks: [{ name: 'ops', url: 'https://hooks.example.test/backup', secretEnv: 'HOOK_SECRET' }],
        email: [{ name: 'oncall', smtp: { host: 'smtp.example.test', user: 'bg', passEnv: 'SMTP_PASS' }, from: 'bg@example.test', to: ['a@example.test'] }],
      },
      { HOOK_SECRET: 'from-env', SMTP_PASS: 'pw-from-env' },
    );
    expect(n.webhooks[0]?.secret).toBe('from-env');
    expect(n.email[0]?.smtp.pass).toBe('pw-from-env');
  });

  it.each([
    [{ webhooks: [{ name: 'ops', url: 'https://h.example.test/' }] }, /notifications\.webhooks\[0\]\.secret: give exactly one of secret, secretEnv and secretFile/],
    [{ webhooks: [{ name: 'ops', url: 'https://h.example.test/', secretEnv: 'NOPE' }] }, /notifications\.webhooks\[0\]\.secretEnv: environment variable NOPE is not set/],
    [{ webhooks: [{ name: 'ops', url: 'ftp://h.example.test/', secret: 's' }] }, /notifications\.webhooks\[0\]\.url/],
    [
      { webhooks: [{ name: 'ops', url: 'https://a.example.test/', secret: 's' }, { name: 'ops', url: 'https://b.example.test/', secret: 's' }] },
      /notifications\.webhooks\[1\]\.name: "ops" is used twice/,
    ],
    [{ webhooks: [{ name: 'ops', url: 'https://h.example.test/', secret: 's', events: ['EXPLODED'] }] }, /notifications\.webhooks\[0\]\.events\[0\]/],
    [{ email: [{ name: 'm', smtp: { host: 'h' }, from: 'f@example.test', to: [] }] }, /notifications\.email\[0\]\.to/],
    [{ retry: { baseDelayMs: 5_000, maxDelayMs: 1_000 } }, /notifications\.retry\.baseDelayMs: baseDelayMs must not exceed maxDelayMs/],
    [{ dailyReport: { at: '7:00' } }, /notifications\.dailyReport\.at: a time of day HH:MM/],
    [{ dailyReport: { timeZone: 'Mars/Olympus' } }, /notifications\.dailyReport\.timeZone: an IANA time zone/],
  ])('refuses %j with a message naming the key', (notifications, message) => {
    expect(() => parse(notifications)).toThrow(ConfigError);
    expect(() => parse(notifications)).toThrow(message);
  });
});
