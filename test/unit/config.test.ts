import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';

async function configFile(text: string, name = 'gateway.yaml'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bg-config-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const minimal = {
  callers: [{ id: 'web', apiKey: 'k1', role: 'frontend' }],
  upstreams: [{ id: 'cv-main', kind: 'commvault', url: 'http://127.0.0.1:8401/webconsole/api', username: 'admin', password: 'pw' }],
};

async function expectConfigError(promise: Promise<unknown> | (() => unknown), pattern: RegExp): Promise<void> {
  const run = typeof promise === 'function' ? async () => promise() : () => promise;
  await expect(run()).rejects.toThrow(ConfigError);
  await expect(run()).rejects.toThrow(pattern);
}

describe('configuration', () => {
  it('runs the demo when no file is named: five simulators on 8401–8405, demo callers whose keys equal their ids', async () => {
    const config = await loadConfig({});
    expect(config.demo).toEqual({
      ports: { 'cv-demo': 8401, 'cv-demo-2': 8403, 'cvcloud-demo': 8404, 'bdr-demo': 8402, 'bdr-demo-2': 8405 },
      simLatencyMs: 0,
    });
    expect(config.server.port).toBe(4000);
    expect(config.callers.map((c) => [c.id, c.apiKey, c.role, c.upstreams])).toEqual([
      ['demo-frontend', 'demo-frontend', 'frontend', undefined],
      ['demo-partner', 'demo-partner', 'partner', undefined],
      ['demo-analyst', 'demo-analyst', 'analyst', undefined],
      ['demo-admin', 'demo-admin', 'admin', undefined],
      // The company user of the second CommServe: that CommServe only, logged in as its own user.
      ['demo-acme', 'demo-acme', 'analyst', ['cv-demo-2']],
    ]);
    expect(config.callers[4]?.credentials).toEqual({ 'cv-demo-2': { username: 'acme', password: 'acme' } });
    expect(config.upstreams.map((u) => [u.id, u.kind, u.url])).toEqual([
      ['cv-demo', 'commvault', 'http://127.0.0.1:8401/webconsole/api'],
      ['cv-demo-2', 'commvault', 'http://127.0.0.1:8403/webconsole/api'],
      ['cvcloud-demo', 'commvault-cloud', 'http://127.0.0.1:8404/commandcenter/api'],
      ['bdr-demo', 'backupdr', 'http://127.0.0.1:8402/actifio'],
      ['bdr-demo-2', 'backupdr', 'http://127.0.0.1:8405/actifio'],
    ]);
    expect(config.upstreams[3]).toMatchObject({ bearerToken: 'admin-token' });
    // The tenant keeps one budget for all its callers, as Commvault Cloud counts it.
    expect(config.upstreams[2]?.rateLimit.shared).toBe(true);
  });

  it('takes each demo port and the gateway port from the environment', async () => {
    const config = await loadConfig({
      PORT: '4100',
      COMMVAULT_SIM_PORT: '9401',
      BACKUPDR_SIM_PORT: '9402',
      COMMVAULT_SIM_PORT_2: '9403',
      COMMVAULT_CLOUD_SIM_PORT: '9404',
      BACKUPDR_SIM_PORT_2: '0',
    });
    expect(config.server.port).toBe(4100);
    expect(config.demo?.ports).toEqual({ 'cv-demo': 9401, 'bdr-demo': 9402, 'cv-demo-2': 9403, 'cvcloud-demo': 9404, 'bdr-demo-2': 0 });
    expect(config.upstreams.map((u) => new URL(u.url).port)).toEqual(['9401', '9403', '9404', '9402', '0']);
    await expectConfigError(loadConfig({ COMMVAULT_SIM_PORT_2: 'x' }), /^COMMVAULT_SIM_PORT_2: must be a whole number/);
  });

  it('reads demo.ports by upstream id, and the older commvaultSimPort and backupdrSimPort still', () => {
    const demo = (d: Record<string, unknown>) => parseConfig({ ...minimal, demo: d }, {}).demo?.ports;
    expect(demo({ ports: { 'cv-demo-2': 9403 } })).toEqual({ 'cv-demo': 8401, 'cv-demo-2': 9403, 'cvcloud-demo': 8404, 'bdr-demo': 8402, 'bdr-demo-2': 8405 });
    expect(demo({ commvaultSimPort: 9401, backupdrSimPort: 0 })).toMatchObject({ 'cv-demo': 9401, 'bdr-demo': 0 });
    expect(demo({ commvaultSimPort: 9401, ports: { 'cv-demo': 9401 } })).toMatchObject({ 'cv-demo': 9401 });
  });

  it('refuses demo ports for unknown demos, two names for one port with different values, and one port twice', async () => {
    const demo = (d: Record<string, unknown>) => () => parseConfig({ ...minimal, demo: d }, {});
    await expectConfigError(demo({ ports: { 'cv-demo-3': 9000 } }), /^demo\.ports\.cv-demo-3: no demo upstream has this id/);
    await expectConfigError(demo({ commvaultSimPort: 9401, ports: { 'cv-demo': 9400 } }), /^demo\.commvaultSimPort: the older name of demo\.ports\.cv-demo/);
    await expectConfigError(demo({ ports: { 'cv-demo-2': 8401 } }), /^demo\.ports\.cv-demo-2: port 8401 is also cv-demo's/);
    // Port 0 ("any free port") may be given to every demo.
    expect(parseConfig({ ...minimal, demo: { ports: { 'cv-demo': 0, 'cv-demo-2': 0 } } }, {}).demo?.ports['cv-demo-2']).toBe(0);
  });

  it('reads a YAML file, fills defaults and resolves passwordEnv and apiKeyEnv', async () => {
    const path = await configFile(`
server: { port: 4500 }
callers:
  - { id: web, apiKeyEnv: WEB_KEY, role: frontend }
upstreams:
  - id: cv-main
    kind: commvault
    url: http://127.0.0.1:8401/webconsole/api
    username: admin
    passwordEnv: CV_MAIN_PASSWORD
`);
    const config = await loadConfig({ BACKUP_GRAPH_CONFIG: path, CV_MAIN_PASSWORD: 's3cret', WEB_KEY: 'key-1' });
    expect(config.demo).toBeUndefined();
    expect(config.server.port).toBe(4500);
    expect(config.callers[0]?.apiKey).toBe('key-1');
    expect(config.upstreams[0]).toMatchObject({ password: 's3cret', timeoutMs: 10_000, connections: 16 });
    expect(config.upstreams[0]?.retry).toEqual({ maxAttempts: 3, baseDelayMs: 100 });
    expect(config.cache.ttlMs.jobsRunning).toBe(5_000);
  });

  it('reads JSON files too', async () => {
    const path = await configFile(JSON.stringify(minimal), 'gateway.json');
    const config = await loadConfig({ BACKUP_GRAPH_CONFIG: path });
    expect(config.upstreams[0]?.id).toBe('cv-main');
  });

  it('names an unknown key', async () => {
    await expectConfigError(() => parseConfig({ ...minimal, upstreamz: [] }, {}), /upstreamz/);
    await expectConfigError(
      () => parseConfig({ ...minimal, upstreams: [{ ...minimal.upstreams[0], pasword: 'x' }] }, {}),
      /upstreams\[0\].*pasword/,
    );
  });

  it('names a bad value by its path', async () => {
    await expectConfigError(
      () => parseConfig({ ...minimal, upstreams: [{ ...minimal.upstreams[0], url: 'not a url' }] }, {}),
      /^upstreams\[0\]\.url:/,
    );
    await expectConfigError(() => parseConfig({ ...minimal, callers: [{ id: 'x', apiKey: 'k', role: 'boss' }] }, {}), /^callers\[0\]\.role:/);
    await expectConfigError(() => parseConfig({ ...minimal, server: { port: 70000 } }, {}), /^server\.port:/);
  });

  it('names the key whose environment variable is missing', async () => {
    const input = { ...minimal, upstreams: [{ ...minimal.upstreams[0], password: undefined, passwordEnv: 'NOPE_PW' }] };
    await expectConfigError(() => parseConfig(input, {}), /upstreams\[0\]\.passwordEnv: environment variable NOPE_PW is not set/);
  });

  it('refuses duplicate ids, shared keys, dangling references and missing credentials', async () => {
    await expectConfigError(() => parseConfig({ ...minimal, upstreams: [minimal.upstreams[0], minimal.upstreams[0]] }, {}), /upstreams\[1\]\.id/);
    await expectConfigError(
      () => parseConfig({ ...minimal, callers: [minimal.callers[0], { id: 'other', apiKey: 'k1', role: 'analyst' }] }, {}),
      /callers\[1\]\.apiKey/,
    );
    await expectConfigError(
      () => parseConfig({ ...minimal, callers: [{ ...minimal.callers[0], upstreams: ['cv-nope'] }] }, {}),
      /callers\[0\]\.upstreams\[0\]: no upstream has id "cv-nope"/,
    );
    await expectConfigError(
      () => parseConfig({ ...minimal, upstreams: [{ ...minimal.upstreams[0], password: undefined }] }, {}),
      /upstreams\[0\]\.password: required/,
    );
  });

  it('refuses a Redis APQ store without a Redis connection, naming the key', async () => {
    await expectConfigError(
      () => parseConfig({ ...minimal, persistedQueries: { apq: { store: 'redis' } } }, {}),
      /^persistedQueries\.apq\.store: "redis" needs `redis`/,
    );
    expect(parseConfig({ ...minimal, persistedQueries: { apq: { store: 'redis' } }, redis: { url: 'redis://127.0.0.1:6379' } }, {}).redis).toBeDefined();
  });

  it('takes Redis as one url, a Sentinel group or a Cluster, with passwords from the environment', async () => {
    const sentinels = parseConfig({ ...minimal, redis: { sentinels: [{ host: 's1', port: 26379 }], name: 'bg-master', passwordEnv: 'RP', sentinelPasswordEnv: 'SP' } }, { RP: 'data-secret', SP: 'sentinel-secret' });
    expect(sentinels.redis).toMatchObject({ name: 'bg-master', password: 'data-secret', sentinelPassword: 'sentinel-secret' });
    const cluster = parseConfig({ ...minimal, redis: { cluster: [{ host: 'r0', port: 6379 }, { host: 'r1', port: 6380 }], passwordEnv: 'RP' } }, { RP: 'c' });
    expect(cluster.redis).toMatchObject({ cluster: [{ host: 'r0', port: 6379 }, { host: 'r1', port: 6380 }], password: 'c' });
    await expectConfigError(() => parseConfig({ ...minimal, redis: { cluster: [] } }, {}), /^redis/);
    await expectConfigError(() => parseConfig({ ...minimal, redis: { sentinels: [{ host: 's1', port: 26379 }] } }, {}), /^redis/);
    await expectConfigError(() => parseConfig({ ...minimal, redis: { cluster: [{ host: 'r0', port: 6379 }], passwordEnv: 'NOPE' } }, {}), /^redis\.passwordEnv: environment variable NOPE is not set/);
  });

  it('refuses an unreadable file and a non-numeric PORT', async () => {
    await expectConfigError(loadConfig({ BACKUP_GRAPH_CONFIG: '/nonexistent/gateway.yaml' }), /BACKUP_GRAPH_CONFIG/);
    await expectConfigError(loadConfig({ PORT: 'eighty' }), /^PORT: must be a whole number/);
  });
});

describe('console auth.google', () => {
  const bdr = { id: 'bdr', kind: 'backupdr', url: 'https://bmc-1-a-dot-europe-west1.backupdr.googleusercontent.com/actifio' };
  const config = (upstream: Record<string, unknown>) => parseConfig({ ...minimal, upstreams: [{ ...bdr, ...upstream }] }, {});

  it('takes a Google token instead of a bearer, with defaults: access token, one hour, renewed 5 minutes ahead', () => {
    const google = config({ auth: { google: { serviceAccount: 'api@p.iam.gserviceaccount.com' } } }).upstreams[0]!.auth?.google;
    expect(google).toEqual({ serviceAccount: 'api@p.iam.gserviceaccount.com', token: 'access', lifetimeSeconds: 3600, refreshBeforeMs: 300_000 });
  });

  it('refuses a console with both or neither, an ID token without its audience, and auth on a CommServe', async () => {
    await expectConfigError(() => config({ bearerToken: 't', auth: { google: {} } }), /upstreams\[0\]: bearerToken and auth\.google are alternatives/);
    await expectConfigError(() => config({}), /upstreams\[0\]\.bearerToken: required .*or auth\.google/);
    await expectConfigError(() => config({ auth: { google: { token: 'id' } } }), /upstreams\[0\]\.auth\.google\.audience: required for token "id"/);
    await expectConfigError(
      () => parseConfig({ ...minimal, upstreams: [{ ...minimal.upstreams[0], auth: { promoteUser: true } }] }, {}),
      /upstreams\[0\]\.auth: only for Backup and DR consoles/,
    );
  });
});
