import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { retentionPolicy } from '../../src/store/retention-policy.js';

const minimal = {
  callers: [{ id: 'web', apiKey: 'k1', role: 'frontend' }],
  upstreams: [{ id: 'cv-main', kind: 'commvault', url: 'http://127.0.0.1:8401/webconsole/api', username: 'admin', password: 'pw' }],
};
const DAY = 86_400_000;

describe('store configuration', () => {
  it('keeps history in ./data by default, with the documented retention days', () => {
    const { store } = parseConfig(minimal, {});
    expect(store).toEqual({
      enabled: true,
      dir: './data',
      retention: { rawDays: 30, dailyDays: 365, jobsDays: 400, eventsDays: 90, healthReportsDays: 90, resolvedAlertsDays: 365, deliveriesDays: 90 },
    });
    expect(retentionPolicy(store.retention)).toEqual({
      rawMs: 30 * DAY,
      dailyMs: 365 * DAY,
      jobsMs: 400 * DAY,
      eventsMs: 90 * DAY,
      healthReportsMs: 90 * DAY,
      resolvedAlertsMs: 365 * DAY,
      deliveriesMs: 90 * DAY,
    });
  });

  it('takes store.url and store.dir from BACKUP_GRAPH_STORE_URL and BACKUP_GRAPH_STORE_DIR over the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bg-config-'));
    const file = join(dir, 'gateway.json');
    await writeFile(file, JSON.stringify({ ...minimal, store: { dir: '/from-file', retention: { rawDays: 7 } } }));
    const config = await loadConfig({ BACKUP_GRAPH_CONFIG: file, BACKUP_GRAPH_STORE_URL: 'postgres://bg@db:5432/history', BACKUP_GRAPH_STORE_DIR: '/from-env' });
    expect(config.store).toMatchObject({ url: 'postgres://bg@db:5432/history', dir: '/from-env', retention: { rawDays: 7, dailyDays: 365 } });
  });

  it('refuses a store url that is not PostgreSQL, retention that is not positive, and raw kept longer than daily', () => {
    expect(() => parseConfig({ ...minimal, store: { url: 'mysql://db/x' } }, {})).toThrow(/^store\.url: a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => parseConfig({ ...minimal, store: { retention: { jobsDays: 0 } } }, {})).toThrow(ConfigError);
    expect(() => parseConfig({ ...minimal, store: { retention: { rawDays: 400 } } }, {})).toThrow(/rawDays must not exceed dailyDays/);
    expect(() => parseConfig({ ...minimal, store: { enabled: false, unknown: 1 } }, {})).toThrow(/store/);
  });
});
