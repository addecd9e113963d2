import 'reflect-metadata';
import { parse, print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { CommServeHealthDocument, DisableActivityDocument, EnableActivityDocument } from '../../src/generated/operations/graphql.js';
import { estimateCost } from '../../src/plugins/cost/estimate.js';
import { PRODUCTS, PRODUCT_COSTS } from '../../src/products.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';

/**
 * The CommServe's own reads and CommCell activity control end to end: real HTTP to a gateway, real HTTP
 * from it to a Commvault simulator and a Backup and DR console simulator. Expectations come from the
 * simulators' seeded data.
 */
const KEYS = { admin: 'k-admin', analyst: 'k-analyst' } as const;
const CV = 'cv';
const BDR = 'bdr';
const HOUR_S = 3600;

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }> };
}

let cv: CommvaultSimulator;
let bdr: BackupDrSimulator;
let gateway: Gateway;
let url: string;
const auditLines: Array<Record<string, any>> = [];

async function gql(query: string, variables: Record<string, unknown> = {}, key: string = KEYS.admin): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const HEALTH = print(CommServeHealthDocument);
const ACTIVITY = '{ upstreams { id commServe { activityControl { activity code enabled reEnableAt } } } }';
const withoutLogin = (byRoute: Record<string, number>) => Object.fromEntries(Object.entries(byRoute).filter(([route]) => route !== 'POST /Login'));

beforeAll(async () => {
  cv = await startCommvaultSimulator({ port: 0 });
  bdr = await startBackupDrSimulator({ port: 0 });
  const config = parseConfig(
    {
      callers: [
        { id: 'admin', apiKey: KEYS.admin, role: 'admin' },
        { id: 'analyst', apiKey: KEYS.analyst, role: 'analyst' },
      ],
      logLevel: 'info',
      server: { port: 0 },
      upstreams: [
        { id: CV, kind: 'commvault', url: cv.url, username: 'admin', password: 'admin' },
        { id: BDR, kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' },
      ],
    },
    {},
  );
  const logger = pino({ level: 'info' }, { write: (line: string) => auditLines.push(JSON.parse(line)) });
  gateway = await createGateway(config, { logger });
  url = await gateway.listen();
});

afterAll(async () => {
  await gateway?.stop();
  await cv?.close();
  await bdr?.close();
});

describe('the CommServeHealth document', () => {
  it('shows the seeded CommServe, its conditions, activity control, DR backup, MediaAgents and DDB partitions', async () => {
    const res = await gql(HEALTH);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data;
    const seed = cv.data;
    const cs = seed.commServ;

    const console = data.upstreams.find((u: any) => u.id === BDR);
    expect(console).toEqual({ id: BDR, kind: 'BACKUPDR', commServe: null });

    const got = data.upstreams.find((u: any) => u.id === CV).commServe;
    expect(got).toMatchObject({
      commCellId: cs.commCellId,
      name: cs.commCellName,
      hostName: cs.hostName,
      version: cs.csVersionInfo,
      servicePack: cs.currentSPVersion,
      release: cs.releaseName,
      timeZone: cs.timeZoneName,
      licence: { edition: cs.licence.edition, mode: cs.licence.mode, serialNumber: cs.licence.serialNumber, expiresAt: new Date(cs.licence.expiryDate * 1000).toISOString() },
      registration: { oemName: cs.licence.oemName, registrationCode: cs.licence.registrationCode },
      disasterRecoveryBackup: {
        metadataFolder: cs.drBackup.backupMetadataFolder,
        copiesKept: cs.drBackup.numberOfMetadata,
        storagePolicyName: cs.drBackup.storagePolicyName,
      },
    });

    // The last 24 h of what the CommServe reports, newest first: at least the high CPU use and the offline clients.
    const since = seed.generatedAt - 24 * HOUR_S;
    const expected = seed.healthConditions.filter((c) => c.time >= since).sort((a, b) => b.time - a.time);
    expect(got.healthConditions.map((c: any) => [c.at, c.typeText, c.clientName])).toEqual(
      expected.map((c) => [new Date(c.time * 1000).toISOString(), c.anomalyType, c.clientName]),
    );
    expect(got.healthConditions.map((c: any) => c.type)).toContain('HIGH_CPU_USAGE');
    const offline = seed.clients.filter((c) => !c.online).map((c) => c.clientName);
    expect(got.healthConditions.filter((c: any) => c.type === 'OFFLINE_CLIENT').map((c: any) => c.clientName).sort()).toEqual(expect.arrayContaining(offline.sort()));

    expect(got.activityControl).toEqual(
      [...seed.activityControl].sort((a, b) => a.activityType - b.activityType).map((a) => expect.objectContaining({ code: a.activityType, enabled: a.enabled, reEnableAt: null })),
    );
    expect(got.activityControl.find((a: any) => a.code === 1).activity).toBe('BACKUP');
    expect(got.activityControl.find((a: any) => a.code === 512).activity).toBe('DDB');

    const lastDr = seed.jobs.filter((j) => j.jobType === 'DR Backup').reduce((a, b) => (b.jobId > a.jobId ? b : a));
    expect(got.disasterRecoveryBackup.lastJob).toMatchObject({ jobId: lastDr.jobId, status: 'COMPLETED', startedAt: new Date(lastDr.startTime * 1000).toISOString() });

    expect(data.commvaultMediaAgents.map((m: any) => [m.name, m.online]).sort()).toEqual(seed.mediaAgents.map((m) => [m.mediaAgentName, m.online]).sort());
    const partitions = data.commvaultDdbStores.flatMap((s: any) => s.partitions.map((p: any) => [p.subStoreId, p.path, p.online]));
    expect(partitions.sort()).toEqual(seed.ddbStores.flatMap((s) => s.partitions.map((p) => [p.subStoreId, p.path, p.status === 1])).sort());
  });

  it('stays within its stated cost cold (9 calls and one per DDB store, per CommServe; none to a console for commServe) and costs 0 calls warm', async () => {
    // A gateway of its own, so the cold run meets an empty cache.
    const own = await createGateway(parseConfig({ callers: [{ id: 'admin', apiKey: KEYS.admin, role: 'admin' }], logLevel: 'silent', server: { port: 0 },
      upstreams: [{ id: CV, kind: 'commvault', url: cv.url, username: 'admin', password: 'admin' }, { id: BDR, kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' }] }, {}), { logger: pino({ level: 'silent' }) });
    const ownUrl = await own.listen();
    const run = async () => {
      const res = await fetch(`${ownUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS.admin}` }, body: JSON.stringify({ query: HEALTH }) });
      return (await res.json()) as Answer['body'];
    };
    try {
      cv.reset();
      bdr.reset();
      const cold = await run();
      expect(cold.errors).toBeUndefined();
      const stated = {
        'GET /CommServ': 1,
        'GET /V4/License': 1,
        'GET /CommcellRegistrationInformation': 1,
        'GET /V4/AnomalousConditions': 1,
        'GET /V4/CommCell/ActivityControl': 1,
        'GET /Commcell/DRBackup/Properties': 1,
        'GET /Job': 1,
        'GET /V2/MediaAgents': 1,
        'POST /QCommand/qoperation execute': 1,
        'GET /DDBInformation/{id}': cv.data.ddbStores.length,
      };
      expect(withoutLogin(cv.stats().byRoute)).toEqual(stated);
      // The console is asked nothing for this document (its `commServe` is null without a call).
      expect(bdr.stats().total).toBe(0);

      // The gateway's own estimate does not undercount (the mid-size estate it assumes has more DDB stores).
      const schema = await buildGatewaySchema(PRODUCTS);
      const estimate = estimateCost({
        schema, document: parse(HEALTH), upstreams: [{ id: CV, group: 'commvault' }, { id: BDR, group: 'backupdr' }],
        products: PRODUCT_COSTS, maxPageSize: 500, now: Date.now(),
      });
      const measured = Object.values(stated).reduce((a, b) => a + b, 0);
      expect(estimate).toBeGreaterThanOrEqual(measured);

      cv.reset();
      const warm = await run();
      expect(warm).toEqual(cold);
      expect(cv.stats().total).toBe(0);
    } finally {
      await own.stop();
    }
  });

  it('refuses a health-condition window outside 1 to 720 hours with BAD_USER_INPUT', async () => {
    const res = await gql('{ upstreams { commServe { healthConditions(sinceHours: 0) { type } } } }');
    expect(res.body.errors?.map((e) => e.extensions?.code)).toContain('BAD_USER_INPUT');
  });
});

describe('enableActivity / disableActivity', () => {
  const activityOf = async (code: number) => {
    const res = await gql(ACTIVITY);
    expect(res.body.errors).toBeUndefined();
    return res.body.data.upstreams.find((u: any) => u.id === CV).commServe.activityControl.find((a: any) => a.code === code);
  };

  it('disabling backups changes what the next read shows, on the CommServe too, and is audited with the caller', async () => {
    expect(await activityOf(1)).toMatchObject({ activity: 'BACKUP', enabled: true });
    cv.reset();
    auditLines.length = 0;
    const res = await gql(print(DisableActivityDocument), { upstream: CV, activity: 'BACKUP' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.disableActivity.activity).toEqual({ activity: 'BACKUP', code: 1, enabled: false, reEnableAt: null });
    // One write, the call cvpysdk makes, then the state read back (its cache dropped).
    expect(withoutLogin(cv.stats().byRoute)).toEqual({ 'POST /CommCell/ActivityControl/{id}/Action/Disable': 1, 'GET /V4/CommCell/ActivityControl': 1 });
    expect(cv.data.activityControl.find((a) => a.activityType === 1)?.enabled).toBe(false);
    expect(await activityOf(1)).toMatchObject({ enabled: false });

    const line = auditLines.find((l) => l.operation === 'disableActivity');
    expect(line).toMatchObject({ caller: 'admin', operation: 'disableActivity', outcome: 'ok', targets: [CV], activity: 'BACKUP', enabled: false });

    const back = await gql(print(EnableActivityDocument), { upstream: CV, activity: 'BACKUP' });
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data.enableActivity.activity).toMatchObject({ enabled: true });
    expect(await activityOf(1)).toMatchObject({ enabled: true });
  });

  it('an idempotency key repeated returns the first outcome without a second write', async () => {
    cv.reset();
    const variables = { upstream: CV, activity: 'DATA_AGING', idempotencyKey: 'commserve-aging-1' };
    const first = await gql(print(DisableActivityDocument), variables);
    const again = await gql(print(DisableActivityDocument), variables);
    expect(again.body).toEqual(first.body);
    expect(cv.stats().byRoute['POST /CommCell/ActivityControl/{id}/Action/Disable']).toBe(1);
    await gql(print(EnableActivityDocument), { upstream: CV, activity: 'DATA_AGING' });
    expect(await activityOf(16)).toMatchObject({ enabled: true });
  });

  it('refuses OTHER with BAD_USER_INPUT, and a caller without mutation rights with FORBIDDEN, before any upstream call', async () => {
    cv.reset();
    const other = await gql(print(DisableActivityDocument), { upstream: CV, activity: 'OTHER' });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const analyst = await gql(print(DisableActivityDocument), { upstream: CV, activity: 'BACKUP' }, KEYS.analyst);
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(withoutLogin(cv.stats().byRoute)).toEqual({});
    expect(cv.data.activityControl.every((a) => a.enabled)).toBe(true);
  });
});
