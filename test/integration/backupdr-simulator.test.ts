import { describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type Application, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { control, fetchAnswer, useSimulator, type Answer, type Json } from '../helpers/simulator-http.js';

interface CallOptions {
  method?: 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'DELETE';
  /** Bearer token; default admin-token. null sends none. */
  bearer?: string | null;
  /** Session id; sent as `backupdr-management-session: Actifio <id>`. */
  session?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

async function call(sim: BackupDrSimulator, path: string, o: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const bearer = o.bearer === undefined ? 'admin-token' : o.bearer;
  if (bearer !== null) headers.Authorization = `Bearer ${bearer}`;
  if (o.session) headers['backupdr-management-session'] = `Actifio ${o.session}`;
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, o.headers);
  return fetchAnswer(`${sim.url}${path}`, { method: o.method ?? 'GET', headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
}

async function login(sim: BackupDrSimulator, bearer = 'admin-token'): Promise<string> {
  const answer = await call(sim, '/session', { method: 'POST', bearer });
  return answer.body?.session_id as string;
}

const ids = (a: Answer): string[] => (a.body?.items as Json[]).map((x) => x.id as string);
const enc = encodeURIComponent;

describe('Backup and DR simulator', () => {
  let sim: BackupDrSimulator;
  let admin: string;
  let orgA: string;
  const orgId = (name: string): string => sim.data.organizations.find((o) => o.name === name)!.id;
  const inOrg = (name: string) => (a: { orgIds: string[] }) => a.orgIds.includes(orgId(name));
  const get = (path: string, o: CallOptions = {}): Promise<Answer> => call(sim, path, { session: admin, ...o });
  const count = async (path: string, o: CallOptions = {}): Promise<number> => {
    const a = await call(sim, path, { session: admin, method: 'HEAD', ...o });
    expect(a.status).toBe(204);
    return Number(a.headers.get('actifio-count'));
  };

  useSimulator(async () => {
    sim = await startBackupDrSimulator();
    admin = await login(sim);
    orgA = await login(sim, 'org-a-token');
    return sim;
  });

  describe('sessions', () => {
    it('creates a session from a bearer token: id and session_id hold the same UUID', async () => {
      const answer = await call(sim, '/session', { method: 'POST' });
      expect(answer.status).toBe(200);
      expect(answer.body?.['@type']).toBe('sessionRest');
      expect(answer.body?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.body?.session_id).toBe(answer.body?.id);
      expect(answer.body?.user.name).toBe('admin@backupdr-demo.iam.gserviceaccount.com');
      expect(answer.body?.rights.map((r: Json) => r.name)).toContain('Access Application Manager');
      const current = await call(sim, '/session/current', { session: answer.body?.id });
      expect(current.body?.session_id).toBe(answer.body?.id);
      expect((await call(sim, `/session/${answer.body?.id}`, { session: answer.body?.id })).status).toBe(200);
    });

    it('answers an unknown bearer with 401, a non-JSON page and WWW-Authenticate', async () => {
      const bad = await call(sim, '/session', { method: 'POST', bearer: 'nope' });
      expect(bad.status).toBe(401);
      expect(bad.text).toContain('Error 401 (Unauthorized)');
      expect(bad.headers.get('www-authenticate')).toMatch(/^Basic/);
      const none = await call(sim, '/application', { bearer: null, session: admin });
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Actifio');
    });

    it('answers 401 with WWW-Authenticate: Actifio without a valid session for this bearer', async () => {
      const missing = await call(sim, '/application?limit=1');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Actifio');
      expect(missing.body?.err_code).toBe(10001);
      expect((await call(sim, '/application?limit=1', { session: '00000000-0000-0000-0000-000000000000' })).status).toBe(401);
      // The session belongs to the bearer that created it.
      expect((await call(sim, '/application?limit=1', { session: admin, bearer: 'readonly-token' })).status).toBe(401);
      // The scheme is required.
      expect((await call(sim, '/application?limit=1', { headers: { 'backupdr-management-session': admin } })).status).toBe(401);
    });

    it('ends a session with DELETE /session/current; another session cannot be deleted', async () => {
      const s = await login(sim);
      const other = await login(sim);
      expect((await call(sim, `/session/${other}`, { method: 'DELETE', session: s })).status).toBe(404);
      const before = sim.liveSessions();
      expect((await call(sim, '/session/current', { method: 'DELETE', session: s })).status).toBe(204);
      expect(sim.liveSessions()).toBe(before - 1);
      expect((await call(sim, '/application?limit=1', { session: s })).status).toBe(401);
      expect((await call(sim, `/session/${other}`, { method: 'DELETE', session: other })).status).toBe(204);
    });

    it('answers 403 {err_code: 10011} for missing rights; a role-less caller can still see its session', async () => {
      const ro = await login(sim, 'readonly-token');
      expect((await call(sim, '/application?limit=1', { bearer: 'readonly-token', session: ro })).status).toBe(200);
      const sla = sim.data.slas[0];
      const put = await call(sim, `/sla/${sla.id}`, { method: 'PUT', bearer: 'readonly-token', session: ro, body: { scheduleoff: 'true' } });
      expect(put.status).toBe(403);
      expect(put.body).toEqual({ err_code: 10011 });
      expect(sla.scheduleoff).toBe(sim.data.slas[0].scheduleoff);
      const app = sim.data.applications.find((a) => a.slaId)!;
      expect((await call(sim, `/application/${app.id}/backup`, { method: 'POST', bearer: 'readonly-token', session: ro, body: {} })).status).toBe(403);
      const none = await login(sim, 'norole-token');
      expect((await call(sim, '/application?limit=1', { bearer: 'norole-token', session: none })).status).toBe(403);
      expect((await call(sim, '/session/current', { bearer: 'norole-token', session: none })).status).toBe(200);
    });
  });

  describe('idle expiry (fake clock)', () => {
    let clock = 1_767_314_036_000;
    let idle: BackupDrSimulator;

    useSimulator(async () => (idle = await startBackupDrSimulator({ sessionIdleTimeoutMs: 1000, now: () => clock })));

    it('refreshes on every call and expires after the idle timeout', async () => {
      const s = await login(idle);
      clock += 800;
      expect((await call(idle, '/cluster', { session: s })).status).toBe(200);
      clock += 800; // 1600 ms since login, 800 since the last call
      expect((await call(idle, '/cluster', { session: s })).status).toBe(200);
      clock += 1001;
      expect((await call(idle, '/cluster', { session: s })).status).toBe(401);
      expect(idle.liveSessions()).toBe(0);
    });

    it('does not refresh with Actifio-No-Session-Refresh: true', async () => {
      const s = await login(idle);
      clock += 600;
      expect((await call(idle, '/cluster', { session: s, headers: { 'Actifio-No-Session-Refresh': 'TRUE' } })).status).toBe(200);
      clock += 600; // 1200 since the last refresh (the login)
      expect((await call(idle, '/cluster', { session: s })).status).toBe(401);
    });

    it('generates dates relative to the injected clock, in epoch microseconds', () => {
      expect(idle.data.generatedAt).toBe(1_767_314_036_000_000);
      expect(Math.max(...idle.data.jobs.map((j) => j.queuedate))).toBeLessThanOrEqual(idle.data.generatedAt);
    });
  });

  describe('dataset invariants', () => {
    it('has several appliances, ≥ 500 hosts and applications, and consistent references', () => {
      const d = sim.data;
      expect(d.clusters.length).toBeGreaterThanOrEqual(3);
      expect(d.hosts.length).toBeGreaterThanOrEqual(500);
      expect(d.applications.length).toBeGreaterThanOrEqual(500);
      const hostIds = new Set(d.hosts.map((h) => h.id));
      const clusterIds = new Set(d.clusters.map((c) => c.id));
      expect(d.applications.every((a) => hostIds.has(a.hostId) && a.sources.every((s) => clusterIds.has(s.clusterId)))).toBe(true);
      const apptypes = new Set(d.applications.map((a) => a.apptype));
      for (const t of ['VMBackup', 'GCPInstance', 'SqlServerWriter', 'POSTGRESQL', 'FileSystem', 'ConsistGrp']) expect(apptypes).toContain(t);
      const slaIds = new Set(d.slas.map((s) => s.id));
      expect(d.applications.filter((a) => a.managed).every((a) => a.slaId !== null && slaIds.has(a.slaId))).toBe(true);
      expect(d.slts.every((s) => s.policyIds.length > 0)).toBe(true);
      expect(new Set(d.diskpools.map((p) => p.pooltype))).toEqual(new Set(['perf', 'dedup', 'vault']));
      expect(d.logicalgroups.length).toBeGreaterThan(0);
      expect(d.consistencygroups.length).toBeGreaterThan(0);
      expect(d.users.length).toBeGreaterThan(5);
      expect(d.roles.length).toBeGreaterThan(1);
      expect(d.audits.length).toBeGreaterThan(100);
      expect(d.events.length).toBeGreaterThan(100);
      const all = [d.hosts, d.applications, d.backups, d.jobs, d.events].flat().map((x) => x.id);
      expect(new Set(all).size).toBe(all.length);
    });

    it('has the special cases: consolidated objects, a near-full pool, a stale appliance', async () => {
      const d = sim.data;
      expect(d.special.consolidatedHostIds.length).toBeGreaterThan(0);
      expect(d.special.consolidatedAppIds.length).toBeGreaterThan(0);
      const app = d.applications.find((a) => a.id === d.special.consolidatedAppIds[0])!;
      expect(new Set(app.sources.map((s) => s.clusterId)).size).toBe(2);
      const wire = await get(`/application/${app.id}`);
      expect(wire.body?.sources).toHaveLength(2);
      const pool = d.diskpools.find((p) => p.id === d.special.nearFullPoolId)!;
      expect(pool.pct).toBeGreaterThanOrEqual(95);
      expect(d.diskpools.filter((p) => p.pct >= 95)).toHaveLength(1);
      expect(d.clusters.find((c) => c.id === d.special.staleClusterId)?.stale).toBe(true);
    });

    it('has 30 days of jobs: running, queued, failed and succeeded; images within retention', () => {
      const d = sim.data;
      const statuses = new Set(d.jobs.map((j) => j.status));
      for (const s of ['running', 'queued', 'failed', 'succeeded']) expect(statuses).toContain(s);
      const oldest = Math.min(...d.jobs.map((j) => j.queuedate));
      expect((d.generatedAt - oldest) / 86_400_000_000).toBeGreaterThan(28);
      expect(d.backups.every((b) => b.expiration > d.generatedAt)).toBe(true);
      expect(d.backups.length).toBeGreaterThan(1000);
    });

    it('sends ids as strings and dates as epoch microseconds', async () => {
      const b = (await get('/backup?limit=1')).body?.items[0];
      expect(typeof b.id).toBe('string');
      expect(String(b.consistencydate)).toMatch(/^\d{16}$/);
      expect(typeof b.virtualsize).toBe('string');
    });
  });

  describe('filters', () => {
    it('accepts both exact-match spellings with the same result', async () => {
      const expected = sim.data.applications.filter((a) => a.apptype === 'VMBackup').map((a) => a.id);
      const real = await get('/application?filter=apptype:==VMBackup');
      const reference = await get(`/application?filter=${enc('apptype:=VMBackup')}`);
      expect(ids(real)).toEqual(expected);
      expect(ids(reference)).toEqual(expected);
      expect(real.body?.count).toBe(expected.length);
    });

    it('unions repeated exact matches on one field and ANDs different fields', async () => {
      const [a, b] = sim.data.applications.filter((x) => x.apptype === 'VMBackup');
      const union = await get(`/application?filter=appname:==${enc(a.appname)}&filter=appname:==${enc(b.appname)}`);
      expect(ids(union).sort()).toEqual([a.id, b.id].sort());
      const expected = sim.data.applications.filter((x) => x.apptype === 'SqlServerWriter' && x.managed).length;
      expect(await count('/application?filter=apptype:==SqlServerWriter&filter=managed:==true')).toBe(expected);
    });

    it('contains is case-insensitive', async () => {
      const expected = sim.data.applications.filter((a) => a.appname.toLowerCase().includes('web')).length;
      expect(expected).toBeGreaterThan(0);
      expect(await count(`/application?filter=${enc('appname:=|WEB')}`)).toBe(expected);
    });

    it('forms date ranges from :>= and :<=', async () => {
      const from = sim.data.generatedAt - 5 * 86_400_000_000;
      const to = sim.data.generatedAt - 2 * 86_400_000_000;
      const expected = sim.data.backups.filter((b) => b.consistencydate >= from && b.consistencydate <= to).length;
      expect(expected).toBeGreaterThan(0);
      expect(await count(`/backup?filter=consistencydate:>=${from}&filter=consistencydate:<=${to}`)).toBe(expected);
      expect(await count(`/backup?filter=${enc(`consistencydate:>=${from}`)}`)).toBe(sim.data.backups.filter((b) => b.consistencydate >= from).length);
    });

    it('bitwise-ands flags and booleans', async () => {
      expect(await count(`/backup?filter=${enc('flags:=b4')}`)).toBe(sim.data.backups.filter((b) => (b.flags & 4) !== 0).length);
      expect(await count(`/application?filter=${enc('managed:=b1')}`)).toBe(sim.data.applications.filter((a) => a.managed).length);
    });

    it('excludes with repeated :!= (AGMPowerLib style)', async () => {
      const expected = sim.data.hosts.filter((h) => h.hosttype !== 'vcenter' && h.hosttype !== 'esxhost').length;
      expect(await count(`/host?filter=${enc('hosttype:!=vcenter')}&filter=${enc('hosttype:!=esxhost')}`)).toBe(expected);
    });

    it('matches jobclass by name or numeric code, and finds consolidated objects from either appliance', async () => {
      expect(await count('/backup?filter=jobclass:==1')).toBe(sim.data.backups.filter((b) => b.jobclass === 'snapshot').length);
      const app = sim.data.applications.find((a) => a.id === sim.data.special.consolidatedAppIds[0])!;
      for (const s of app.sources) {
        const clusterid = sim.data.clusters.find((c) => c.id === s.clusterId)!.clusterid;
        expect(ids(await get(`/application?filter=sourcecluster:==${clusterid}`))).toContain(app.id);
      }
    });

    it('HEAD Actifio-Count equals the filtered total and ignores paging', async () => {
      const expected = sim.data.jobs.filter((j) => j.status === 'failed').length;
      expect(await count('/jobhistory?filter=status:==failed&limit=10&offset=5')).toBe(expected);
      expect(await count('/backup')).toBe(sim.data.backups.length);
      expect(await count('/job')).toBe(sim.data.jobs.filter((j) => j.status === 'running' || j.status === 'queued').length);
    });

    it('rejects bad filters, sorts and paging with 400 {err_code, err_message}', async () => {
      const cases: [string, number][] = [
        ['/application?filter=nosuch:==1', 10003],
        ['/application?filter=appname==x', 10003],
        [`/application?filter=${enc('appname:>=x')}`, 10003],
        [`/application?filter=${enc('id:=|1')}`, 10003],
        ['/application?filter=id:==abc', 10003],
        ['/application?filter=managed:==maybe', 10003],
        [`/application?filter=${enc('appname:=|a')}&filter=${enc('appname:=|b')}`, 10003],
        ['/application?sort=appname', 10004],
        ['/application?sort=appname:sideways', 10004],
        ['/application?sort=nosuch:asc', 10004],
        ['/application?sort=clusterid:asc', 10004],
        ['/application?offset=-1', 10002],
        ['/application?limit=abc', 10002],
        ['/application?limit=0', 10002],
        ['/application?limit=5&limit=6', 10002],
      ];
      for (const [path, code] of cases) {
        const a = await get(path);
        expect(a.status, path).toBe(400);
        expect(a.body?.err_code, path).toBe(code);
        expect(typeof a.body?.err_message, path).toBe('string');
      }
      expect((await get('/application?filter=nosuch:==1', { method: 'HEAD' })).status).toBe(400);
    });

    it('injection attempts never widen results', async () => {
      const total = sim.data.applications.length;
      expect(await count(`/application?filter=appname:==${enc('x&filter=managed:==true')}`)).toBe(0);
      expect(await count(`/application?filter=appname:==x%26filter%3Dmanaged:==true`)).toBe(0);
      expect(await count(`/application?filter=${enc("appname:==' OR 1=1 --")}`)).toBe(0);
      expect(await count(`/application?filter=appname:==${enc('ünïcödé ✓ 中文')}`)).toBe(0);
      expect(await count(`/application?filter=${enc('appname:=|\u0000')}`)).toBe(0);
      const big = await get(`/application?filter=appname:==${'a'.repeat(10_240)}`);
      expect(big.status).toBe(200);
      expect(big.body?.count).toBe(0);
      expect(await count(`/application?keyword=${enc('%')}`)).toBe(0);
      expect(await count(`/application?keyword=${enc('*')}`)).toBe(0);
      // An extra filter for another organization narrows an org-scoped caller to nothing.
      const orgAApps = sim.data.applications.filter(inOrg('OrgA'));
      const onlyB = await call(sim, `/application?filter=organizationid:==${orgId('OrgB')}`, { bearer: 'org-a-token', session: orgA, method: 'HEAD' });
      expect(Number(onlyB.headers.get('actifio-count'))).toBe(orgAApps.filter(inOrg('OrgB')).length);
      expect(Number(onlyB.headers.get('actifio-count'))).toBeLessThan(orgAApps.length);
      expect(orgAApps.length).toBeLessThan(total);
    });
  });

  describe('sort, keyword, paging, OPTIONS', () => {
    it('sorts by several keys (numbers numerically, strings case-sensitively)', async () => {
      const expected = sim.data.jobs
        .filter((j) => j.status !== 'running' && j.status !== 'queued')
        .sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : Number(b.id) - Number(a.id)))
        .slice(0, 50)
        .map((j) => j.id);
      expect(ids(await get(`/jobhistory?limit=50&sort=${enc('status:asc,id:DESC')}`))).toEqual(expected);
      const byName = [...sim.data.hosts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((h) => h.id);
      expect(ids(await get('/host?sort=name:asc&sort=id:asc'))).toEqual(byName);
    });

    it('searches the predefined attributes with keyword, case-insensitively; several keywords OR', async () => {
      const sql = sim.data.applications.find((a) => a.sqlinstance !== '')!;
      const k = sql.sqlinstance.toLowerCase();
      const hostname = (a: Application): string => sim.data.hosts.find((h) => h.id === a.hostId)!.hostname;
      const match = (a: Application, kw: string): boolean => [a.vmuuid, hostname(a), a.appname, a.description, a.networkname, a.pathname, a.sqlinstance, a.sqlserverag].some((v) => v.toLowerCase().includes(kw));
      expect(await count(`/application?keyword=${enc(k)}`)).toBe(sim.data.applications.filter((a) => match(a, k)).length);
      const both = sim.data.applications.filter((a) => match(a, k) || match(a, 'gce-')).length;
      expect(await count(`/application?keyword=${enc(k.toUpperCase())}&keyword=GCE-`)).toBe(both);
      const job = sim.data.jobs.find((j) => j.label.startsWith('mount-'))!;
      expect(ids(await get(`/jobstatus?keyword=${job.label}&filter=jobclass:==mount`))).toContain(job.id);
    });

    it('pages with offset/limit; count is the page size; default 1000, capped', async () => {
      const first = await get('/backup?offset=0&limit=7&sort=id:asc');
      const second = await get('/backup?offset=7&limit=7&sort=id:asc');
      const both = await get('/backup?limit=14&sort=id:asc');
      expect(first.body?.count).toBe(7);
      expect([...ids(first), ...ids(second)]).toEqual(ids(both));
      expect((await get('/backup')).body?.count).toBe(Math.min(1000, sim.data.backups.length));
      expect((await get('/backup?limit=100000')).body?.count).toBe(Math.min(5000, sim.data.backups.length));
      expect((await get(`/backup?offset=${sim.data.backups.length + 5}`)).body).toEqual({ count: 0, items: [] });
    });

    it('OPTIONS lists filterable and sortable fields with types', async () => {
      const a = await get('/application', { method: 'OPTIONS' });
      expect(a.status).toBe(200);
      const meta = a.body?.['GET(list)'];
      expect(meta).toMatchObject({ filterable: true, sortable: true, pageable: true });
      const types = Object.fromEntries((meta.filterablefields as Json[]).map((f) => [f.field, f.type]));
      expect(types).toMatchObject({ id: 'Long', appname: 'String', managed: 'Boolean', syncdate: 'Long', organizationid: 'Long', sourcecluster: 'Long' });
      expect(meta.sortablefields).toContain('appname');
      expect(meta.sortablefields).not.toContain('organizationid');
      const jobs = (await get('/jobhistory', { method: 'OPTIONS' })).body?.['GET(list)'];
      expect((jobs.filterablefields as Json[]).find((f) => f.field === 'status')).toEqual({ field: 'status', type: 'Enum', values: ['queued', 'running', 'succeeded', 'failed', 'canceled'] });
    });
  });

  describe('organizations', () => {
    it('shows an org-scoped caller only its organizations’ resources', async () => {
      const as = { bearer: 'org-a-token', session: orgA };
      const apps = sim.data.applications.filter(inOrg('OrgA'));
      const got = await call(sim, '/application?limit=5000', as);
      expect(ids(got).sort()).toEqual(apps.map((a) => a.id).sort());
      const appIds = new Set(apps.map((a) => a.id));
      const head = await call(sim, '/backup', { ...as, method: 'HEAD' });
      expect(Number(head.headers.get('actifio-count'))).toBe(sim.data.backups.filter((b) => appIds.has(b.appId)).length);
      const orgs = await call(sim, '/org', as);
      expect(orgs.body?.items.map((o: Json) => o.name)).toEqual(['OrgA']);
      expect((await call(sim, '/cluster', as)).body?.count).toBe(sim.data.clusters.length);
      const hidden = sim.data.applications.find((a) => a.orgIds.length > 0 && !a.orgIds.includes(orgId('OrgA')))!;
      expect((await call(sim, `/application/${hidden.id}`, as)).status).toBe(404);
      expect((await call(sim, `/application/${apps[0].id}`, as)).status).toBe(200);
    });

    it('narrows with the organizationid filter', async () => {
      expect(await count(`/application?filter=organizationid:==${orgId('OrgB')}`)).toBe(sim.data.applications.filter(inOrg('OrgB')).length);
      expect(await count(`/host?filter=organizationid:==${orgId('OrgA')}&filter=organizationid:==${orgId('OrgC')}`)).toBe(sim.data.hosts.filter((h) => inOrg('OrgA')(h) || inOrg('OrgC')(h)).length);
    });
  });

  describe('by id, methods', () => {
    it('answers 404 for unknown ids and 405 for a wrong method', async () => {
      const missing = await get('/application/1');
      expect(missing.status).toBe(404);
      expect(missing.body?.err_code).toBe(10007);
      expect((await get(`/host/${sim.data.applications[0].id}`)).status).toBe(404);
      const wrong = await get('/host/1', { method: 'PUT', body: {} });
      expect(wrong.status).toBe(405);
      expect((await get('/nosuch')).status).toBe(404);
    });

    it('serves every resource family by list and by id', async () => {
      const d = sim.data;
      const pairs: [string, string][] = [
        ['application', d.applications[0].id], ['host', d.hosts[0].id], ['backup', d.backups[0].id], ['jobstatus', d.jobs[0].id],
        ['jobhistory', d.jobs[0].id], ['slt', d.slts[0].id], ['slp', d.slps[0].id], ['sla', d.slas[0].id], ['diskpool', d.diskpools[0].id],
        ['cluster', d.clusters[0].id], ['event', d.events[0].id], ['user', d.users[0].id], ['role', d.roles[0].id], ['org', d.organizations[0].id],
        ['localaudit', d.audits[0].id], ['consistencygroup', d.consistencygroups[0].id], ['logicalgroup', d.logicalgroups[0].id],
      ];
      for (const [path, id] of pairs) {
        const list = await get(`/${path}?limit=2`);
        expect(list.status, path).toBe(200);
        expect(list.body?.count, path).toBeGreaterThan(0);
        const one = await get(`/${path}/${id}`);
        expect(one.status, path).toBe(200);
        expect(one.body?.id, path).toBe(id);
        expect((await get(`/${path}`, { method: 'OPTIONS' })).status, path).toBe(200);
      }
      const slt = d.slts[0];
      expect(ids(await get(`/slt/${slt.id}/policy`))).toEqual(slt.policyIds);
      const lg = d.logicalgroups[0];
      expect(ids(await get(`/logicalgroup/${lg.id}/member`)).sort()).toEqual([...lg.memberAppIds].sort());
      expect((await get('/config/version')).body?.major).toBe(11);
      const running = d.jobs.find((j) => j.status === 'running')!;
      expect((await get(`/job/${running.id}`)).body?.status).toBe('running');
      expect((await get(`/jobhistory/${running.id}`)).status).toBe(404);
    });
  });

  describe('writes', () => {
    it('PUT /application/{id} is incremental: absent and null keep the value', async () => {
      const app = sim.data.applications[3];
      const description = app.description;
      expect((await get(`/application/${app.id}`, { method: 'PUT', body: { name: 'friendly-name' } })).status).toBe(204);
      expect(app.name).toBe('friendly-name');
      expect(app.description).toBe(description);
      expect((await get(`/application/${app.id}`, { method: 'PUT', body: { name: null, description: 'new text', '@type': 'applicationRest' } })).status).toBe(204);
      const after = (await get(`/application/${app.id}`)).body!;
      expect(after.name).toBe('friendly-name');
      expect(after.description).toBe('new text');
      expect(after.appname).toBe(app.appname);
      expect((await get(`/application/${app.id}`, { method: 'PUT', body: { sensitivity: 'high' } })).status).toBe(400);
      expect((await get(`/application/${app.id}`, { method: 'PUT', body: { name: 'x' }, headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    });

    it('PUT /sla/{id} switches scheduling, accepts string booleans, keeps the rest', async () => {
      const sla = sim.data.slas.find((s) => s.appId && s.scheduleoff === 'false' && s.expirationoff === 'false')!;
      const off = await get(`/sla/${sla.id}`, { method: 'PUT', body: { scheduleoff: 'true' } });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ '@type': 'slaRest', id: sla.id, scheduleoff: 'true', expirationoff: 'false' });
      const kept = await get(`/sla/${sla.id}`, { method: 'PUT', body: { scheduleoff: null, expirationoff: true } });
      expect(kept.body).toMatchObject({ scheduleoff: 'true', expirationoff: 'true' });
      expect((await get(`/sla/${sla.id}`, { method: 'PUT', body: { scheduleoff: 'maybe' } })).status).toBe(400);
      expect(await count(`/sla?filter=scheduleoff:==true&filter=id:==${sla.id}`)).toBe(1);
      await get(`/sla/${sla.id}`, { method: 'PUT', body: { scheduleoff: false, expirationoff: 'false' } });
      expect(sla.scheduleoff).toBe('false');
    });

    it('POST /application/{id}/backup starts a running job; PUT /job/{id} cancels it', async () => {
      const app = sim.data.applications.find((a) => a.managed && a.apptype === 'VMBackup')!;
      const before = sim.data.jobs.length;
      const label = `test-${Date.now()}`;
      const answer = await get(`/application/${app.id}/backup`, { method: 'POST', body: { label } });
      expect(answer.status).toBe(204);
      expect(sim.data.jobs.length).toBe(before + 1);
      const found = await get(`/job?filter=label:==${label}&filter=appid:==${app.id}&filter=isscheduled:==False`);
      expect(found.body?.count).toBe(1);
      const job = found.body?.items[0];
      expect(job).toMatchObject({ status: 'running', progress: 0, appid: app.id, label });
      const cancel = await get(`/job/${job.id}`, { method: 'PUT', body: { status: 'cancel' } });
      expect(cancel.body).toMatchObject({ jobname: job.jobname, status: 'canceled', changerequesttext: 'cancel' });
      expect((await get(`/job/${job.id}`, { method: 'PUT', body: { status: 'cancel' } })).status).toBe(409);
      expect((await get(`/job/${job.id}`)).status).toBe(404);
      expect((await get(`/jobstatus/${job.id}`)).body?.status).toBe('canceled');
      const unmanaged = sim.data.applications.find((a) => !a.managed)!;
      expect((await get(`/application/${unmanaged.id}/backup`, { method: 'POST', body: {} })).status).toBe(409);
      expect((await get(`/application/${app.id}/backup`, { method: 'POST', body: { policy: { id: '1' } } })).status).toBe(400);
      const audit = sim.data.audits[sim.data.audits.length - 1];
      expect(audit.command).toContain(`/actifio/job/${job.id}`);
    });
  });

  describe('faults, stats, reset', () => {
    it('counts calls per route template', async () => {
      await get('/application?limit=1');
      await get(`/application/${sim.data.applications[0].id}`);
      await get('/backup', { method: 'HEAD' });
      expect(sim.calls('GET /application')).toBe(1);
      expect(sim.calls('GET /application/{id}')).toBe(1);
      expect(sim.calls('HEAD /backup')).toBe(1);
      const stats = await control(sim, 'stats');
      expect(stats.byRoute['GET /application']).toBe(1);
      expect(stats.liveSessions).toBe(sim.liveSessions());
    });

    it('injects 5xx, errList and malformed JSON, never on login; reset clears them', async () => {
      await control(sim, 'faults', { fail5xx: { count: 1, status: 502 }, errList: { count: 1 }, malformedJson: { count: 1 } });
      expect((await call(sim, '/session', { method: 'POST' })).status).toBe(200);
      const failed = await get('/cluster');
      expect(failed.status).toBe(502);
      expect(failed.body).toBeUndefined();
      const cut = await get('/cluster');
      expect(cut.status).toBe(200);
      expect(cut.body).toBeUndefined();
      const relayed = await get('/cluster');
      expect(relayed.status).toBe(200);
      expect(relayed.body?.err_code).toBe(10023);
      expect((await get('/cluster')).body?.count).toBe(sim.data.clusters.length);
      await control(sim, 'faults', { fail5xx: { count: 3 } });
      await control(sim, 'reset');
      expect((await get('/cluster')).status).toBe(200);
      expect(sim.stats().total).toBe(1);
    });

    it('expireAllTokens ends every session at once', async () => {
      const other = await startBackupDrSimulator();
      try {
        const s = await login(other);
        other.setFaults({ expireAllTokens: true });
        expect((await call(other, '/cluster', { session: s })).status).toBe(401);
        expect(other.liveSessions()).toBe(0);
      } finally {
        await other.close();
      }
    });
  });
});
