import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../simulators/commvault/data/generate.js';
import { startCommvaultSimulator, type CommvaultSimulator, type Job } from '../../simulators/commvault/index.js';
import { control, fetchAnswer, useSimulator, type Answer, type Json } from '../helpers/simulator-http.js';

interface CallOptions {
  token?: string;
  method?: 'GET' | 'POST' | 'PUT';
  /** Send `Accept: application/json` (default true); false sends no Accept at all. */
  json?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
}

async function call(sim: CommvaultSimulator, path: string, o: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...o.headers };
  if (o.json !== false) headers.Accept = 'application/json';
  if (o.token) headers.Authtoken = o.token;
  if (o.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetchAnswer(`${sim.url}${path}`, {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
}

async function login(sim: CommvaultSimulator, username: string, password: string, extra: Json = {}): Promise<Answer> {
  return call(sim, '/Login', {
    method: 'POST',
    body: { mode: 4, username, password: Buffer.from(password, 'utf8').toString('base64'), deviceId: 'test-device', clientType: 30, ...extra },
  });
}

async function tokenFor(sim: CommvaultSimulator, user: string): Promise<string> {
  const answer = await login(sim, user, user);
  return answer.body?.token as string;
}

const isActive = (j: Job): boolean => ['Running', 'Waiting', 'Pending', 'Suspended'].includes(j.status);

describe('Commvault simulator', () => {
  let sim: CommvaultSimulator;
  let admin: string;

  useSimulator(async () => {
    sim = await startCommvaultSimulator();
    admin = await tokenFor(sim, 'admin');
    return sim;
  });

  describe('login and sessions', () => {
    it('answers a good login with a QSDK token, the user name and an empty errList', async () => {
      const answer = await login(sim, 'admin', 'admin');
      expect(answer.status).toBe(200);
      expect(answer.body?.token).toMatch(/^QSDK [0-9a-f]{32,}$/);
      expect(answer.body?.userName).toBe('admin');
      expect(answer.body?.errList).toEqual([]);
    });

    it('answers a bad password with HTTP 200, no token and errList code 5', async () => {
      const answer = await login(sim, 'admin', 'wrong');
      expect(answer.status).toBe(200);
      expect(answer.body?.token).toBeUndefined();
      expect(answer.body?.isAccountLocked).toBe(false);
      expect(answer.body?.remainingLockTime).toBe(0);
      expect(answer.body?.loginAttempts).toBeGreaterThanOrEqual(1);
      expect(answer.body?.errList).toEqual([{ errorCode: 5, errLogMessage: 'Invalid Username or Password' }]);
    });

    it('rejects a password sent in clear instead of Base64', async () => {
      const answer = await call(sim, '/Login', { method: 'POST', body: { username: 'admin', password: 'admin' } });
      expect(answer.body?.token).toBeUndefined();
    });

    it('answers 401 without a token and with an unknown token', async () => {
      const none = await call(sim, '/Client');
      expect(none.status).toBe(401);
      expect(none.body).toEqual({ errorCode: 401, errorMessage: 'Unauthorized' });
      const unknown = await call(sim, '/Client', { token: 'QSDK 00ff' });
      expect(unknown.status).toBe(401);
    });

    it('invalidates the token on Logout', async () => {
      const token = await tokenFor(sim, 'admin');
      const out = await call(sim, '/Logout', { method: 'POST', token });
      expect(out.status).toBe(200);
      expect(out.text).toContain('logged out');
      expect((await call(sim, '/WhoAmI', { token })).status).toBe(401);
    });

    it('tells the caller who it is on GET and POST /WhoAmI', async () => {
      const get = await call(sim, '/WhoAmI', { token: admin });
      const post = await call(sim, '/WhoAmI', { token: admin, method: 'POST' });
      expect(get.body?.user.userName).toBe('admin');
      expect(post.body?.user.userName).toBe('admin');
    });
  });

  describe('idle token expiry (fake clock)', () => {
    let clock = 1_767_314_036_000;
    let idleSim: CommvaultSimulator;

    useSimulator(async () => (idleSim = await startCommvaultSimulator({ tokenIdleTimeoutMs: 1000, now: () => clock })));

    it('keeps a token alive while used and answers 401 once it idled past the timeout', async () => {
      const token = await tokenFor(idleSim, 'admin');
      clock += 800;
      expect((await call(idleSim, '/CommServ', { token })).status).toBe(200);
      clock += 800; // 1600 ms since login, 800 since last use: still alive
      expect((await call(idleSim, '/CommServ', { token })).status).toBe(200);
      clock += 1001;
      expect((await call(idleSim, '/CommServ', { token })).status).toBe(401);
      expect(idleSim.liveTokens()).toBe(0);
    });

    it('renews an idle-expired token with the same deviceId and refuses another deviceId', async () => {
      const token = await tokenFor(idleSim, 'admin');
      clock += 5000;
      const wrong = await call(idleSim, '/RenewLoginToken', { method: 'POST', body: { sessionId: token, deviceId: 'someone-else' } });
      expect(wrong.body?.error?.errLogMessage).toBeTruthy();
      const renewed = await call(idleSim, '/RenewLoginToken', { method: 'POST', body: { sessionId: token, deviceId: 'test-device' } });
      expect(renewed.body?.token).toMatch(/^QSDK /);
      expect((await call(idleSim, '/CommServ', { token: renewed.body?.token })).status).toBe(200);
    });
  });

  describe('content negotiation and paths', () => {
    it('answers XML without Accept: application/json, JSON with it', async () => {
      const xml = await call(sim, '/Client', { token: admin, json: false });
      expect(xml.headers.get('content-type')).toMatch(/application\/xml/);
      expect(xml.text.startsWith('<?xml')).toBe(true);
      expect(xml.text).toContain('<App_GetClientPropertiesResponse>');
      expect(xml.text).toMatch(/<clientEntity _type_="3" hostName="[^"]+" clientId="2" clientName="cs01"/);

      const json = await call(sim, '/Client', { token: admin });
      expect(json.headers.get('content-type')).toMatch(/application\/json/);
      expect(json.body?.clientProperties).toHaveLength(sim.data.clients.length);
    });

    it('uses the resource root element and attributes in XML (StoragePool as cvpysdk parses it)', async () => {
      const xml = await call(sim, '/StoragePool', { token: admin, json: false });
      expect(xml.text).toContain('<Api_GetStoragePoolListResp>');
      expect(xml.text).toContain('storagePoolName="DiskPool01"');
    });

    it('matches paths and query parameter names case-insensitively and counts them under the docs casing', async () => {
      const a = await call(sim, '/V2/Plan', { token: admin });
      const b = await call(sim, '/v2/plan', { token: admin });
      const c = await call(sim, '/V2/PLAN', { token: admin });
      expect(b.body).toEqual(a.body);
      expect(c.body).toEqual(a.body);
      expect(sim.calls('GET /V2/Plan')).toBe(3);

      const sub = await call(sim, '/subclient?CLIENTID=2', { token: admin });
      expect(sub.body?.subClientProperties?.length).toBeGreaterThan(0);
    });

    it('reaches the qoperation endpoint through its encoded space', async () => {
      const answer = await call(sim, '/QCommand/qoperation%20execute', {
        token: admin,
        method: 'POST',
        body: { EVGui_DDBEnginesReq: { filterOptions: { propertyLevel: 1 }, store: { type: 115 }, flags: 0 } },
      });
      expect(answer.body?.engines).toHaveLength(sim.data.ddbStores.length);
      expect(sim.calls('POST /QCommand/qoperation execute')).toBe(1);
    });
  });

  describe('GET /Job', () => {
    const backups = (): Job[] => sim.data.jobs.filter((j) => j.jobType === 'Backup');

    it('lists backup jobs only when jobFilter is absent, newest first, 100 per page', async () => {
      const answer = await call(sim, '/Job', { token: admin });
      expect(answer.body?.totalRecordsWithoutPaging).toBe(backups().length);
      const ids: number[] = answer.body?.jobs.map((j: Json) => j.jobSummary.jobId);
      expect(ids).toHaveLength(100);
      expect(ids).toEqual([...ids].sort((x, y) => y - x));
      expect(ids[0]).toBe(Math.max(...backups().map((j) => j.jobId)));
      expect(answer.body?.jobs.every((j: Json) => j.jobSummary.jobType === 'Backup')).toBe(true);
    });

    it('pages by the limit and offset request headers and caps limit at 1000', async () => {
      const first = await call(sim, '/Job', { token: admin, headers: { limit: '7', offset: '0' } });
      const second = await call(sim, '/Job', { token: admin, headers: { limit: '7', offset: '7' } });
      const both = await call(sim, '/Job', { token: admin, headers: { limit: '14' } });
      const ids = (a: Answer): number[] => a.body?.jobs.map((j: Json) => j.jobSummary.jobId);
      expect([...ids(first), ...ids(second)]).toEqual(ids(both));
      const huge = await call(sim, '/Job', { token: admin, headers: { limit: '5000' } });
      expect(huge.body?.jobs).toHaveLength(1000);
    });

    it('treats an empty jobFilter as every type and filters by names or opType numbers', async () => {
      const all = await call(sim, '/Job?jobFilter=', { token: admin, headers: { limit: '1' } });
      expect(all.body?.totalRecordsWithoutPaging).toBe(sim.data.jobs.length);
      const restores = await call(sim, '/Job?jobFilter=Restore', { token: admin, headers: { limit: '1' } });
      expect(restores.body?.totalRecordsWithoutPaging).toBe(sim.data.jobs.filter((j) => j.jobType === 'Restore').length);
      const admin2 = await call(sim, '/Job?jobFilter=Data%20Aging,auxcopy', { token: admin, headers: { limit: '1' } });
      expect(admin2.body?.totalRecordsWithoutPaging).toBe(sim.data.jobs.filter((j) => j.jobType === 'Data Aging' || j.jobType === 'Aux Copy').length);
      const numeric = await call(sim, '/Job?jobFilter=4', { token: admin, headers: { limit: '1' } });
      expect(numeric.body?.totalRecordsWithoutPaging).toBe(backups().length);
    });

    it('filters by jobCategory, clientId and completedJobLookupTime', async () => {
      const active = await call(sim, '/Job?jobCategory=Active&jobFilter=', { token: admin });
      expect(active.body?.totalRecordsWithoutPaging).toBe(sim.data.jobs.filter(isActive).length);
      const clientId = sim.data.jobs[0].clientId;
      const byClient = await call(sim, `/Job?clientId=${clientId}&jobFilter=`, { token: admin, headers: { limit: '1000' } });
      expect(byClient.body?.jobs.every((j: Json) => j.jobSummary.subclient.clientId === clientId)).toBe(true);
      const since = Math.floor(Date.now() / 1000) - 86_400;
      const day = await call(sim, '/Job?completedJobLookupTime=86400', { token: admin, headers: { limit: '1' } });
      const expected = backups().filter((j) => isActive(j) || j.endTime >= since).length;
      expect(Math.abs(day.body?.totalRecordsWithoutPaging - expected)).toBeLessThanOrEqual(2);
    });

    it('answers an unknown job id with total 0 and no jobs key; a known one as a list of one', async () => {
      const unknown = await call(sim, '/Job/999', { token: admin });
      expect(unknown.status).toBe(200);
      expect(unknown.body).toEqual({ totalRecordsWithoutPaging: 0 });
      const job = sim.data.jobs[10];
      const known = await call(sim, `/Job/${job.jobId}`, { token: admin });
      expect(known.body?.totalRecordsWithoutPaging).toBe(1);
      const summary = known.body?.jobs[0].jobSummary;
      const sc = sim.data.subclients.find((s) => s.subclientId === job.subclientId)!;
      expect(summary.subclient.subclientId).toBe(sc.subclientId);
      expect(summary.storagePolicy.storagePolicyId).toBe(sc.storagePolicyId);
      expect(summary.plan.planId).toBe(sc.planId);
    });

    it('pages POST /Jobs by pagingConfig and filters by jobTypeList and clientList', async () => {
      const clientId = sim.data.jobs[0].clientId;
      const answer = await call(sim, '/Jobs', {
        token: admin,
        method: 'POST',
        body: { scope: 1, category: 2, pagingConfig: { sortDirection: 1, offset: 0, sortField: 'jobId', limit: 5 }, jobFilter: { completedJobLookupTime: 31_536_000, clientList: [{ clientId }], jobTypeList: [4] } },
      });
      const expected = sim.data.jobs.filter((j) => j.clientId === clientId && j.jobType === 'Backup' && !isActive(j));
      expect(answer.body?.totalRecordsWithoutPaging).toBe(expected.length);
      expect(answer.body?.jobs.length).toBe(Math.min(5, expected.length));
    });

    it('sends JobDetails sizes as strings with -999 sentinels, and errList for unknown jobs', async () => {
      const job = sim.data.jobs.find((j) => j.status === 'Completed' && j.jobType === 'Backup')!;
      const answer = await call(sim, '/JobDetails', { token: admin, method: 'POST', body: { jobId: job.jobId, showAttempt: true } });
      const detail = answer.body?.job.jobDetail;
      expect(detail.detailInfo.sizeOfApplication).toBe(String(job.sizeOfApplication));
      expect(typeof detail.detailInfo.savingsPercent).toBe('string');
      expect(detail.generalInfo.priority).toBe(-999);
      const missing = await call(sim, '/JobDetails', { token: admin, method: 'POST', body: { jobId: 1 } });
      expect(missing.body?.error.errList[0].errorCode).toBeGreaterThan(0);
    });
  });

  describe('job control', () => {
    it('starts a backup as a Running job with string jobIds, then pauses, resumes and kills it', async () => {
      const sc = sim.data.subclients.find((s) => s.enableBackup)!;
      const started = await call(sim, `/Subclient/${sc.subclientId}/action/backup?backupLevel=Full`, { token: admin, method: 'POST' });
      expect(typeof started.body?.taskId).toBe('number');
      expect(started.body?.jobIds).toEqual([expect.stringMatching(/^\d+$/)]);
      const jobId = Number(started.body?.jobIds[0]);
      const listed = await call(sim, `/Job/${jobId}`, { token: admin });
      expect(listed.body?.jobs[0].jobSummary.status).toBe('Running');
      expect(listed.body?.jobs[0].jobSummary.backupLevelName).toBe('Full');

      expect((await call(sim, `/Job/${jobId}/action/pause`, { token: admin, method: 'POST' })).body).toEqual({ errorCode: 0, errorMessage: '' });
      expect((await call(sim, `/Job/${jobId}`, { token: admin })).body?.jobs[0].jobSummary.status).toBe('Suspended');
      await call(sim, `/Job/${jobId}/action/resume`, { token: admin, method: 'POST' });
      await call(sim, `/Job/${jobId}/action/kill`, { token: admin, method: 'POST' });
      expect((await call(sim, `/Job/${jobId}`, { token: admin })).body?.jobs[0].jobSummary.status).toBe('Killed');
      const again = await call(sim, `/Job/${jobId}/action/kill`, { token: admin, method: 'POST' });
      expect(again.body?.errors[0].errList[0].errLogMessage).toContain('already completed');
    });
  });

  describe('company-scoped users', () => {
    it('shows acme only Acme clients, jobs and events, while admin sees all', async () => {
      const acme = await tokenFor(sim, 'acme');
      const acmeClients = sim.data.clients.filter((c) => c.companyId === 1);
      const clients = await call(sim, '/Client', { token: acme });
      expect(clients.body?.clientProperties).toHaveLength(acmeClients.length);
      expect(new Set(clients.body?.clientProperties.map((c: Json) => c.client.clientEntity.entityInfo.companyName))).toEqual(new Set(['Acme']));

      const jobs = await call(sim, '/Job?jobFilter=', { token: acme, headers: { limit: '1' } });
      expect(jobs.body?.totalRecordsWithoutPaging).toBe(sim.data.jobs.filter((j) => j.companyId === 1).length);

      const events = await call(sim, '/Events', { token: acme });
      const ids = new Set(acmeClients.map((c) => c.clientId));
      expect(events.body?.commservEvents.every((e: Json) => ids.has(e.clientEntity.clientId))).toBe(true);
    });

    it('shows acme only the alerts raised for Acme clients and no alert rules (the CommCell\'s)', async () => {
      const acme = await tokenFor(sim, 'acme');
      const triggered = await call(sim, '/V4/TriggeredAlerts', { token: acme });
      const acmeAlerts = sim.data.triggeredAlerts.filter((a) => a.companyId === 1);
      expect(acmeAlerts.length).toBeGreaterThan(0);
      expect(acmeAlerts.length).toBeLessThan(sim.data.triggeredAlerts.length);
      expect(triggered.body?.totalCount).toBe(acmeAlerts.length);
      expect(new Set((triggered.body?.alertsTriggered ?? []).map((a: Json) => a.id))).toEqual(new Set(acmeAlerts.map((a) => a.id)));
      const rules = await call(sim, '/AlertRule', { token: acme });
      expect(rules.body).toEqual({ myReceiveTotal: 0, myCreatedTotal: 0 });
      const definitions = await call(sim, '/V4/AlertDefinitions', { token: acme });
      expect(definitions.body).toEqual({ alertDefinitions: [] });
      const asAdmin = await call(sim, '/V4/AlertDefinitions', { token: admin });
      expect(asAdmin.body?.alertDefinitions.map((d: Json) => [d.id, d.enabled])).toEqual(sim.data.alertRules.map((r) => [r.id, r.enabled]));
    });

    it('answers the same path differently per user', async () => {
      const globex = await tokenFor(sim, 'globex');
      const acmeClient = sim.data.clients.find((c) => c.companyId === 1)!;
      const asAdmin = await call(sim, `/Client/${acmeClient.clientId}`, { token: admin });
      const asGlobex = await call(sim, `/Client/${acmeClient.clientId}`, { token: globex });
      expect(asAdmin.body?.clientProperties[0].client.clientEntity.clientName).toBe(acmeClient.clientName);
      expect(asGlobex.body).toEqual({});
      const byName = await call(sim, `/Client/byName(clientName='${acmeClient.clientName}')`, { token: admin });
      expect(byName.body?.clientProperties[0].client.clientEntity.clientId).toBe(acmeClient.clientId);
      expect(sim.calls('GET /Client/{id}')).toBe(3);
      const subs = await call(sim, `/Subclient?clientId=${acmeClient.clientId}`, { token: globex });
      expect(subs.body).toEqual({});
    });
  });

  describe('resource quirks', () => {
    it('rejects GET /Subclient without clientId with an HTTP 200 error body', async () => {
      const answer = await call(sim, '/Subclient', { token: admin });
      expect(answer.status).toBe(200);
      expect(answer.body?.errorCode).toBeGreaterThan(0);
      expect(answer.body?.errorMessage).toMatch(/clientId/);
    });

    it('answers unknown V4 ids with 404 and V1 ids with an empty 200', async () => {
      const v4 = await call(sim, '/V4/Storage/Disk/99999', { token: admin });
      expect(v4.status).toBe(404);
      expect(v4.body).toEqual({ errorMessage: 'Requested Details not found', errorCode: 404 });
      const cloud = sim.data.storagePools.find((p) => p.kind === 'cloud')!;
      expect((await call(sim, `/V4/Storage/Disk/${cloud.storagePoolId}`, { token: admin })).status).toBe(404);
      expect((await call(sim, `/V4/Storage/Cloud/${cloud.storagePoolId}`, { token: admin })).body?.general.totalCapacity).toBe(cloud.capacityMB);
      const v1 = await call(sim, '/StoragePolicy/99999', { token: admin });
      expect(v1.status).toBe(200);
      expect(v1.body).toEqual({});
    });

    it('sends event codes as strings and filters events by severity switches', async () => {
      const all = await call(sim, '/Events', { token: admin });
      expect(all.body?.commservEvents).toHaveLength(sim.data.events.length);
      expect(typeof all.body?.commservEvents[0].eventCode).toBe('string');
      const criticalOnly = await call(sim, '/Events?showInfo=false&showMinor=false&showMajor=false', { token: admin });
      expect(criticalOnly.body?.commservEvents.length).toBe(sim.data.events.filter((e) => e.severity === 9).length);
      const one = sim.data.events[3];
      const single = await call(sim, `/Events/${one.id}`, { token: admin });
      expect(single.body?.commservEvents[0]).toMatchObject({ id: one.id, eventCode: String(one.eventCode) });
    });

    it('reports capacities in MB and DDB partitions with Q&I times', async () => {
      const disk = await call(sim, '/V4/Storage/Disk', { token: admin });
      const byId = new Map(sim.data.storagePools.map((p) => [p.storagePoolId, p]));
      for (const d of disk.body?.diskStorage as Json[]) {
        expect(d.capacity).toBe(byId.get(d.id)!.capacityMB);
        expect(d.freeSpace).toBe(byId.get(d.id)!.freeMB);
      }
      const slow = sim.data.ddbStores.find((s) => s.partitions.some((p) => p.avgQITime > 2000))!;
      const ddb = await call(sim, `/DDBInformation/${slow.storeId}`, { token: admin });
      expect(Math.max(...ddb.body?.SubStoreList.map((p: Json) => p.avgQITime))).toBeGreaterThan(2000);
      const pool = await call(sim, `/StoragePool/${slow.storagePoolId}`, { token: admin });
      expect(pool.body?.storagePoolDetails.dedupDBDetailsList[0].storeId).toBe(slow.storeId);
    });
  });

  describe('faults', () => {
    it('fails the next N API requests with the given 5xx, never Login', async () => {
      sim.setFaults({ fail5xx: { count: 2, status: 502 } });
      const fresh = await login(sim, 'admin', 'admin');
      expect(fresh.body?.token).toBeTruthy();
      expect((await call(sim, '/CommServ', { token: admin })).status).toBe(502);
      expect((await call(sim, '/CommServ', { token: admin })).status).toBe(502);
      expect((await call(sim, '/CommServ', { token: admin })).status).toBe(200);
    });

    it('sends malformed JSON for the next N requests', async () => {
      await control(sim, 'faults', { malformedJson: { count: 1 } });
      const broken = await call(sim, '/Client', { token: admin });
      expect(broken.status).toBe(200);
      expect(broken.headers.get('content-type')).toMatch(/json/);
      expect(broken.body).toBeUndefined();
      expect((await call(sim, '/Client', { token: admin })).body?.clientProperties).toBeDefined();
    });

    it('answers a 429 burst with Retry-After in seconds', async () => {
      sim.setFaults({ rateLimitBurst: { count: 2, retryAfterSeconds: 7 } });
      const first = await call(sim, '/CommServ', { token: admin });
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('7');
      expect((await call(sim, '/CommServ', { token: admin })).status).toBe(429);
      expect((await call(sim, '/CommServ', { token: admin })).status).toBe(200);
    });

    it("answers errList faults with HTTP 200 in the resource's own error shape", async () => {
      sim.setFaults({ errList: { count: 2 } });
      const details = await call(sim, '/JobDetails', { token: admin, method: 'POST', body: { jobId: sim.data.jobs[0].jobId } });
      expect(details.status).toBe(200);
      expect(details.body?.error.errList[0]).toMatchObject({ errorCode: 2, errLogMessage: expect.any(String) });
      const clients = await call(sim, '/Client', { token: admin });
      expect(clients.body).toMatchObject({ errorCode: 2, errorMessage: expect.any(String) });
    });

    it('expires every token at once', async () => {
      const token = await tokenFor(sim, 'globex');
      expect(sim.liveTokens()).toBeGreaterThan(0);
      await control(sim, 'faults', { expireAllTokens: true });
      expect(sim.liveTokens()).toBe(0);
      expect((await call(sim, '/CommServ', { token })).status).toBe(401);
      admin = await tokenFor(sim, 'admin');
    });

    it('adds latency and fails by errorRate until reset', async () => {
      sim.setFaults({ latencyMs: 150 });
      const t0 = performance.now();
      await call(sim, '/CommServ', { token: admin });
      expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
      sim.setFaults({ latencyMs: 0, errorRate: 1 });
      expect((await call(sim, '/CommServ', { token: admin })).status).toBe(500);
      await control(sim, 'reset');
      expect((await call(sim, '/CommServ', { token: admin })).status).toBe(200);
    });

    it('lets a request that arrived before a count fault was set pass it by, so the fault meets exactly the requests sent after', async () => {
      // A request still sleeping out an old latency fault when a new count fault is set (a cell of the
      // fault matrix after the "slow" one) must not consume it: the caller who set it counts on its figure.
      sim.setFaults({ latencyMs: 300 });
      const stale = call(sim, '/CommServ', { token: admin });
      await new Promise((r) => setTimeout(r, 100));
      sim.setFaults({ latencyMs: 0, fail5xx: { count: 1, status: 503 }, errList: { count: 1 } });
      const fresh = await call(sim, '/CommServ', { token: admin });
      expect(fresh.status).toBe(503);
      expect((await stale).status).toBe(200);
      expect((await stale).body?.errorCode).toBeUndefined();
      expect((await call(sim, '/CommServ', { token: admin })).body).toMatchObject({ errorCode: 2 });
      expect(await (await fetch(`${sim.origin}/__sim/faults`)).json()).toEqual({});
    });

    it('shows the active faults with their remaining counts', async () => {
      sim.setFaults({ fail5xx: { count: 3 }, errList: { count: 1 } });
      await call(sim, '/CommServ', { token: admin });
      const res = await fetch(`${sim.origin}/__sim/faults`);
      expect(await res.json()).toEqual({ fail5xx: { count: 2, status: 503 }, errList: { count: 1 } });
      const bad = await fetch(`${sim.origin}/__sim/faults`, { method: 'POST', body: JSON.stringify({ errorRate: 3 }) });
      expect(bad.status).toBe(400);
    });

    it('enforces its own rate limit with 429 and Retry-After when configured', async () => {
      const limited = await startCommvaultSimulator({ rateLimit: { requestsPerSecond: 1, burst: 2 } });
      try {
        const statuses: number[] = [];
        let retryAfter: string | null = null;
        for (let i = 0; i < 3; i++) {
          const res = await fetch(`${limited.url}/CommServ`);
          statuses.push(res.status);
          if (res.status === 429) retryAfter = res.headers.get('retry-after');
        }
        expect(statuses).toEqual([401, 401, 429]);
        expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      } finally {
        await limited.close();
      }
    });
  });

  describe('stats', () => {
    it('counts API calls by route template and leaves control endpoints out', async () => {
      await call(sim, '/Job', { token: admin });
      await call(sim, '/Job/123', { token: admin });
      await call(sim, '/job/456', { token: admin });
      await call(sim, '/V4/Storage/Disk/11', { token: admin });
      await call(sim, '/Client', {});
      const stats = await control(sim, 'stats');
      expect(stats.byRoute).toEqual({ 'GET /Job': 1, 'GET /Job/{id}': 2, 'GET /V4/Storage/Disk/{id}': 1, 'GET /Client': 1 });
      expect(stats.total).toBe(5);
      expect(stats.liveTokens).toBe(sim.liveTokens());
      expect(sim.stats().total).toBe(5);
      await control(sim, 'reset');
      expect(sim.stats()).toEqual({ total: 0, byRoute: {} });
    });
  });

  describe('seeded dataset', () => {
    it('is reproducible for a seed and differs across seeds', () => {
      const at = 1_767_314_036_000;
      expect(JSON.stringify(generateDataset(7, at))).toBe(JSON.stringify(generateDataset(7, at)));
      expect(generateDataset(8, at).clients[20].clientGUID).not.toBe(generateDataset(7, at).clients[20].clientGUID);
    });

    it('holds hundreds of clients in three companies with agents, backupsets and subclients', () => {
      const d = sim.data;
      expect(d.clients.length).toBeGreaterThanOrEqual(300);
      expect(new Set(d.clients.map((c) => c.companyName))).toEqual(new Set(['Commcell', 'Acme', 'Globex']));
      expect(new Set(d.agents.map((a) => a.applicationId))).toEqual(new Set([33, 29, 81, 106, 22]));
      // A VM's client is backed up through its hypervisor's VM group: it has no agent of its own.
      const vmClientIds = new Set(d.virtualMachines.map((v) => v.clientId));
      for (const c of d.clients.filter((x) => !vmClientIds.has(x.clientId))) {
        expect(d.backupsets.some((b) => b.clientId === c.clientId && b.backupsetName === 'defaultBackupSet')).toBe(true);
        expect(d.subclients.some((s) => s.clientId === c.clientId && s.subclientName === 'default')).toBe(true);
      }
      const plans = new Map(d.plans.map((p) => [p.planId, p]));
      for (const s of d.subclients) expect(plans.get(s.planId)?.storagePolicyId).toBe(s.storagePolicyId);
    });

    it('holds thousands of jobs over 30 days whose plan and policy match their subclient', () => {
      const d = sim.data;
      expect(d.jobs.length).toBeGreaterThanOrEqual(5000);
      const subclients = new Map(d.subclients.map((s) => [s.subclientId, s]));
      for (const j of d.jobs) {
        const s = subclients.get(j.subclientId)!;
        expect([j.clientId, j.planId, j.storagePolicyId]).toEqual([s.clientId, s.planId, s.storagePolicyId]);
      }
      expect(Math.min(...d.jobs.map((j) => j.startTime))).toBeGreaterThanOrEqual(d.generatedAt - 31 * 86_400);
      const statuses = new Set(d.jobs.map((j) => j.status));
      for (const s of ['Running', 'Waiting', 'Pending', 'Suspended', 'Completed', 'Completed w/ one or more errors', 'Failed', 'Killed']) expect(statuses).toContain(s);
      expect(new Set(d.jobs.map((j) => j.jobType))).toEqual(new Set(['Backup', 'Restore', 'Data Aging', 'Aux Copy']));
    });

    it('has at least ten clients without a successful backup in 7 days, and only those', () => {
      const d = sim.data;
      const cutoff = d.generatedAt - 7 * 86_400;
      const protectedIds = new Set(d.jobs.filter((j) => j.jobType === 'Backup' && j.status.startsWith('Completed') && j.startTime >= cutoff).map((j) => j.clientId));
      const vmClientIds = new Set(d.virtualMachines.map((v) => v.clientId));
      const unprotected = d.clients.filter((c) => !vmClientIds.has(c.clientId) && !protectedIds.has(c.clientId)).map((c) => c.clientId);
      expect(unprotected.length).toBeGreaterThanOrEqual(10);
      expect(unprotected).toEqual(d.unprotectedClientIds);
    });

    it('has MediaAgents with one offline, pools at each capacity level, and DDBs at each Q&I level', () => {
      const d = sim.data;
      expect(d.mediaAgents.length).toBeGreaterThanOrEqual(4);
      expect(d.mediaAgents.filter((m) => !m.online)).toHaveLength(1);
      const free = d.storagePools.map((p) => p.freeMB / p.capacityMB);
      expect(free.filter((f) => f < 0.1)).toHaveLength(1);
      expect(free.filter((f) => f >= 0.1 && f < 0.2)).toHaveLength(1);
      expect(d.storagePools.filter((p) => p.kind === 'cloud')).toHaveLength(1);
      for (const p of d.storagePools.filter((x) => x.dedup)) expect(d.ddbStores.some((s) => s.storeId === p.ddbStoreId)).toBe(true);
      const worst = d.ddbStores.map((s) => Math.max(...s.partitions.map((p) => p.avgQITime)));
      expect(worst.filter((q) => q > 2000).length).toBeGreaterThanOrEqual(1);
      expect(worst.filter((q) => q > 1000 && q <= 2000).length).toBeGreaterThanOrEqual(1);
      for (const l of d.libraries) expect(l.mountPaths.length).toBeGreaterThan(0);
      for (const sp of d.storagePolicies) expect(sp.copies[0]).toMatchObject({ copyName: 'Primary', copyPrecedence: 1 });
    });

    it('has several hundred events of every severity, some tied to failed jobs', () => {
      const d = sim.data;
      expect(d.events.length).toBeGreaterThanOrEqual(300);
      expect(new Set(d.events.map((e) => e.severity))).toEqual(new Set([0, 3, 6, 9]));
      const failed = new Set(d.jobs.filter((j) => j.status === 'Failed').map((j) => j.jobId));
      expect(d.events.some((e) => failed.has(e.jobId))).toBe(true);
    });
  });

  describe('plan RPO exceptions by week of the month', () => {
    it('keeps onWeekOfTheMonth × onDayOfTheWeek through PUT …/RPO (the next V4 read returns them), refuses unknown names and half entries', async () => {
      const plan = sim.data.plans[0]!;
      const put = (exceptions: unknown[]) => call(sim, `/V4/ServerPlan/${plan.planId}/RPO`, {
        token: admin, method: 'PUT',
        body: { backupFrequency: { schedules: [{ scheduleOperation: 'ADD', backupType: 'FULL', scheduleName: 'Week exceptions', schedulePattern: { scheduleFrequencyType: 'DAILY', frequency: 1, startTime: 3600, exceptions } }] } },
      });
      const count = () => sim.data.schedules.find((t) => t.planId === plan.planId)!.subTasks.length;
      const before = count();
      for (const bad of [[{ onWeekOfTheMonth: ['FIFTH'], onDayOfTheWeek: ['SUNDAY'] }], [{ onWeekOfTheMonth: ['LAST'], onDayOfTheWeek: ['WEEKEND_DAY'] }], [{ onWeekOfTheMonth: ['LAST'] }]]) {
        expect((await put(bad)).status).toBe(400);
      }
      expect(count()).toBe(before);
      const good = [{ onDates: [2] }, { onWeekOfTheMonth: ['FIRST', 'LAST'], onDayOfTheWeek: ['WEEKEND_DAYS'] }];
      expect((await put(good)).status).toBe(200);
      const read = await call(sim, `/V4/ServerPlan/${plan.planId}/RPO`, { token: admin });
      const added = (read.body?.schedules as Json[]).find((x) => x.scheduleName === 'Week exceptions')!;
      expect((added.schedulePattern as Json).exceptions).toEqual(good);
    });
  });
});
