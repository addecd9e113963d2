import 'reflect-metadata';
import { parse, print } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { primaryEntriesOf } from '../../simulators/commvault/routes/ddb.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { CommServeHealthDocument, DisableActivityDocument, EnableActivityDocument } from '../../src/generated/operations/graphql.js';
import { estimateCost } from '../../src/plugins/cost/estimate.js';
import { PRODUCTS, PRODUCT_COSTS } from '../../src/products.js';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * The CommServe's own reads and CommCell activity control end to end: real HTTP to a gateway, real HTTP
 * from it to a Commvault simulator and a Backup and DR console simulator. Expectations come from the
 * simulators' seeded data.
 */
const KEYS = { admin: 'k-admin', analyst: 'k-analyst' } as const;
const CV = 'cv';
const BDR = 'bdr';
const HOUR_S = 3600;
/** The simulator's statuses the gateway reads as a successful backup. */
const SUCCESSFUL = new Set(['Completed', 'Completed w/ one or more errors', 'Completed w/ one or more warnings']);

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
  let drJobId: number;
  beforeAll(async () => {
    const res = await gql('mutation { runDisasterRecoveryBackup(input: { upstream: "cv" }) { jobs { jobId } } }');
    expect(res.body.errors).toBeUndefined();
    drJobId = res.body.data.runDisasterRecoveryBackup.jobs[0].jobId;
  });

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

    // The seed has no DR backup job: the first describe block starts one (see beforeAll) and it is the last.
    const lastDr = seed.jobs.filter((j) => j.jobType === 'DR Backup').reduce((a, b) => (b.jobId > a.jobId ? b : a));
    expect(lastDr.jobId).toBe(drJobId);
    expect(got.disasterRecoveryBackup.lastJob).toMatchObject({ jobId: lastDr.jobId, startedAt: new Date(lastDr.startTime * 1000).toISOString() });

    expect(data.commvaultMediaAgents.map((m: any) => [m.name, m.online, m.status, m.offlineReason, m.maintenanceMode, m.indexCachePath]).sort()).toEqual(
      seed.mediaAgents
        .map((m) => [m.mediaAgentName, m.online, m.maintenanceMode ? 'MAINTENANCE' : m.online ? 'ONLINE' : 'OFFLINE', m.online ? null : m.offlineReason, m.maintenanceMode, m.indexCachePath])
        .sort(),
    );
    // The demo has one MediaAgent in maintenance and one offline.
    expect(data.commvaultMediaAgents.map((m: any) => m.status)).toEqual(expect.arrayContaining(['MAINTENANCE', 'OFFLINE']));
    const partitions = data.commvaultDdbStores.flatMap((s: any) =>
      s.partitions.map((p: any) => [p.subStoreId, p.path, p.online, p.primaryEntries, p.offlineReason, p.lastBackupAt]),
    );
    // Primary entries: the simulator's rule of 8 per MB used (routes/ddb.ts); an offline partition's reason is its code 1.
    expect(partitions.sort()).toEqual(
      seed.ddbStores
        .flatMap((s) => s.partitions.map((p) => [p.subStoreId, p.path, p.status === 1, primaryEntriesOf(p), p.status === 1 ? null : '1', new Date(p.lastSnapTime * 1000).toISOString()]))
        .sort(),
    );
  });

  it('stays within its stated cost cold (9 calls, one per MediaAgent and one per DDB store, per CommServe; none to a console for commServe) and costs 0 calls warm', async () => {
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
        'GET /V4/mediaAgent/{id}': cv.data.mediaAgents.length,
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

describe('client health: readiness, update state, protection status and the client\'s own activity control', () => {
  const clientGid = (clientId: number) => toGlobalId('CommvaultClient', CV, clientId);
  const CLIENT = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on CommvaultClient {
    clientId networkReadiness updateState protectionStatus(days: 7) activityControl { activity code enabled reEnableAt } } } }`;

  /** As the seed has it: a successful backup started in the last 7 days, else no agent installed, else unprotected. */
  const protectionOf = (clientId: number): string => {
    const since = Date.now() / 1000 - 7 * 86_400;
    const ok = cv.data.jobs.some((j) => j.clientId === clientId && j.jobType === 'Backup' && SUCCESSFUL.has(j.status) && j.startTime >= since);
    if (ok) return 'PROTECTED';
    return cv.data.agents.some((a) => a.clientId === clientId) ? 'UNPROTECTED' : 'NOT_CONFIGURED';
  };

  it('shows what the seed says of each kind of client', async () => {
    const seed = cv.data;
    const unprotected = new Set(seed.unprotectedClientIds);
    const offline = seed.clients.find((c) => !c.online && !c.isInfrastructure)!;
    const neglected = seed.clients.find((c) => unprotected.has(c.clientId))!;
    const behind = seed.clients.find((c) => c.clientId % 17 === 0)!;
    for (const c of [offline, neglected, behind]) {
      const res = await gql(CLIENT, { id: clientGid(c.clientId) });
      expect(res.body.errors).toBeUndefined();
      const got = res.body.data.node;
      expect(got.networkReadiness).toBe(c.online ? 'ONLINE' : 'OFFLINE');
      // The simulator's V4 server list marks every 17th client as behind on updates.
      expect(got.updateState).toBe(c.clientId % 17 === 0 ? 'NEEDS_UPDATE' : 'UP_TO_DATE');
      expect(got.protectionStatus).toBe(protectionOf(c.clientId));
      expect(got.activityControl).toEqual([
        { activity: 'BACKUP', code: 1, enabled: true, reEnableAt: null },
        { activity: 'RESTORE', code: 2, enabled: true, reEnableAt: null },
        { activity: 'DATA_AGING', code: 16, enabled: true, reEnableAt: null },
      ]);
    }
    const neglectedAnswer = await gql(CLIENT, { id: clientGid(neglected.clientId) });
    expect(neglectedAnswer.body.data.node.protectionStatus).toBe('UNPROTECTED');
  });

  it('a client with a successful backup in the last day is PROTECTED', async () => {
    const since = cv.data.generatedAt - 86_400;
    const job = cv.data.jobs.find((j) => j.jobType === 'Backup' && j.status === 'Completed' && j.startTime >= since && !cv.data.unprotectedClientIds.includes(j.clientId))!;
    const res = await gql(CLIENT, { id: clientGid(job.clientId) });
    expect(res.body.data.node.protectionStatus).toBe('PROTECTED');
  });

  it('disabling a client\'s backups changes its next read only, is one POST /Client/{id}, and is audited with the caller', async () => {
    const target = cv.data.clients.find((c) => c.online && !c.isInfrastructure)!;
    const other = cv.data.clients.find((c) => c.online && !c.isInfrastructure && c.clientId !== target.clientId)!;
    await gql(CLIENT, { id: clientGid(target.clientId) });
    cv.reset();
    auditLines.length = 0;
    const off = await gql('mutation ($c: ID!) { disableActivity(input: { client: $c, activity: BACKUP }) { activity { activity enabled } } }', { c: clientGid(target.clientId) });
    expect(off.body.errors).toBeUndefined();
    expect(off.body.data.disableActivity.activity).toEqual({ activity: 'BACKUP', enabled: false });
    expect(cv.stats().byRoute['POST /Client/{id}']).toBe(1);
    expect(cv.data.clientActivityDisabled[target.clientId]).toEqual([1]);
    const after = await gql(CLIENT, { id: clientGid(target.clientId) });
    expect(after.body.data.node.activityControl.find((a: any) => a.code === 1).enabled).toBe(false);
    const untouched = await gql(CLIENT, { id: clientGid(other.clientId) });
    expect(untouched.body.data.node.activityControl.every((a: any) => a.enabled)).toBe(true);
    const line = auditLines.find((l) => l.operation === 'disableActivity' && l.clientId === target.clientId);
    expect(line).toMatchObject({ caller: 'admin', outcome: 'ok', targets: [clientGid(target.clientId)], activity: 'BACKUP', enabled: false });

    const on = await gql('mutation ($c: ID!) { enableActivity(input: { client: $c, activity: BACKUP }) { activity { enabled } } }', { c: clientGid(target.clientId) });
    expect(on.body.data.enableActivity.activity).toEqual({ enabled: true });
    expect(cv.data.clientActivityDisabled[target.clientId]).toEqual([]);
  });

  it('refuses a CommCell-only activity on a client with BAD_USER_INPUT before any call', async () => {
    cv.reset();
    const res = await gql('mutation ($c: ID!) { disableActivity(input: { client: $c, activity: SCHEDULER }) { activity { enabled } } }', { c: clientGid(cv.data.clients[0]!.clientId) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(withoutLogin(cv.stats().byRoute)).toEqual({});
  });
});
