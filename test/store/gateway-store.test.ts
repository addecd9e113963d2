import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCommvaultSimulator } from '../../simulators/commvault/index.js';
import { openHistoryStore } from '../../src/store/open-store.js';
import { commvaultUpstream, startTestGateway } from '../helpers/gateway.js';
import { createTestDatabase, providePostgres } from '../helpers/postgres.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const postgres = await providePostgres();

describe('the history store at gateway start and in npm run migrate', () => {
  let sim: Awaited<ReturnType<typeof startCommvaultSimulator>>;
  let dir: string;
  beforeAll(async () => {
    sim = await startCommvaultSimulator({ port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'bg-gateway-store-'));
  });
  afterAll(async () => {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens and migrates the embedded store in store.dir at start, offers it to resolvers, and closes it at stop', async () => {
    const gw = await startTestGateway({ upstreams: [commvaultUpstream('cv', sim.url)], store: { dir: join(dir, 'nested') } });
    const history = gw.gateway.history;
    expect(history?.dialect).toBe('sqlite');
    expect(existsSync(join(dir, 'nested', 'history.sqlite'))).toBe(true);
    expect(await history!.migrate()).toEqual([]);
    await history!.setMeta('k', 'v');
    await gw.close();
    await expect(history!.getMeta('k')).rejects.toThrow();
  });

  it('opens nothing while store.enabled is false', async () => {
    const gw = await startTestGateway({ upstreams: [commvaultUpstream('cv', sim.url)], store: { enabled: false, dir: join(dir, 'never') } });
    expect(gw.gateway.history).toBeUndefined();
    await gw.close();
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('npm run migrate applies the migrations to the configured folder once, without starting a gateway', { timeout: 90_000 }, async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, BACKUP_GRAPH_STORE_DIR: join(dir, 'migrated') };
    delete env.BACKUP_GRAPH_CONFIG;
    delete env.BACKUP_GRAPH_STORE_URL;
    const first = await run('npm', ['run', '--silent', 'migrate'], { cwd: ROOT, env });
    expect(first.stdout).toMatch(/applied 001_history/);
    const second = await run('npm', ['run', '--silent', 'migrate'], { cwd: ROOT, env });
    expect(second.stdout).toMatch(/is up to date/);
    const { store, applied } = await openHistoryStore({ dir: join(dir, 'migrated') });
    expect(applied).toEqual([]);
    await store.close();
  });

  it.skipIf(!postgres.available)('npm run migrate applies the migrations to BACKUP_GRAPH_STORE_URL', { timeout: 60_000 }, async () => {
    const db = await createTestDatabase();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, BACKUP_GRAPH_STORE_URL: db.url };
      delete env.BACKUP_GRAPH_CONFIG;
      const first = await run('npm', ['run', '--silent', 'migrate'], { cwd: ROOT, env });
      expect(first.stdout).toMatch(/applied 001_history to PostgreSQL/);
      const { store, applied } = await openHistoryStore({ dir, url: db.url });
      expect(applied).toEqual([]);
      expect(store.dialect).toBe('postgres');
      await store.close();
    } finally {
      await db.drop();
    }
  });
});
