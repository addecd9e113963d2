import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../helpers/fake-upstream.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * Every CommServe field against answers in the real shapes (test/fixtures/commvault/commserve, from
 * docs/upstreams/commvault.md §6.3 and §11), served by a loopback fake upstream: not the simulator, so
 * the mappers are held to the documented shapes rather than to our own simulator's reading of them.
 */
const FIXTURES = new URL('../fixtures/commvault/commserve/', import.meta.url);
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

const QUERY = /* GraphQL */ `{
  upstreams { id commServe {
    commCellId name guid hostName version servicePack release timeZone
    licence { commCellId edition mode modeText serialNumber registrationCode commServeIpAddress licenceIpAddress expiresAt }
    registration { commCellId commCellIdHex commServeHost licenceIpAddress oemName registrationCode serialNumber licenceMode expiresAt expiryText }
    healthConditions(sinceHours: 24) { at type typeText description clientId clientName }
    activityControl { activity code enabled reEnableAt }
    disasterRecoveryBackup { metadataFolder copiesKept useVss uploadToCloud cloudLibraryName storagePolicyName lastJob { jobId jobType status startedAt endedAt } }
  } }
}`;

let fake: FakeUpstream;
let gw: TestGateway;
/** The anomalous conditions restamped an hour apart from "now", newest first, so a 24 h window holds them all. */
let stampedAt: number[] = [];

function serveFixtures(): void {
  fake.reset();
  fake.on('POST /Login', { json: { token: 'QSDK fixture', userName: 'admin' } });
  fake.on('GET /CommServ', { json: fixture('commserv.json') });
  fake.on('GET /V4/License', { json: fixture('license.json') });
  fake.on('GET /CommcellRegistrationInformation', { json: fixture('registration.json') });
  fake.on('GET /V4/CommCell/ActivityControl', { json: fixture('activity-control.json') });
  fake.on('GET /Commcell/DRBackup/Properties', { json: fixture('dr-backup-properties.json') });
  fake.on('GET /Job', { json: fixture('dr-backup-jobs.json') });
  fake.on('GET /V4/AnomalousConditions', () => {
    const body = fixture('anomalous-conditions.json');
    const now = Math.floor(Date.now() / 1000);
    stampedAt = body.anomalousConditions.map((_: unknown, i: number) => now - (i + 1) * 3600);
    body.anomalousConditions.forEach((c: any, i: number) => (c.time = stampedAt[i]));
    return { json: body };
  });
}

beforeAll(async () => {
  fake = await FakeUpstream.start('/webconsole/api');
});
afterAll(() => fake?.close());
// A gateway per test: each meets an empty cache, so a test's own answers are the ones read.
beforeEach(async () => {
  serveFixtures();
  gw = await startTestGateway({ upstreams: [{ id: 'cv-fx', kind: 'commvault', url: fake.url, username: 'admin', password: 'pw', retry: { maxAttempts: 1 } }] });
});
afterEach(() => gw?.close());

describe('CommServe fields from the documented shapes', () => {
  it('maps every field of every CommServe read', async () => {
    const res = await gw.query<any>(QUERY);
    expect(res.body.errors).toBeUndefined();
    const cs = res.body.data.upstreams[0].commServe;
    expect(cs).toEqual({
      commCellId: 2,
      name: 'cs01',
      guid: 'F1D0C2A8-3B7E-4F5A-9C11-2E6D7A8B9C0D',
      hostName: 'cs01.example.com',
      version: '11 SP32+',
      servicePack: 32,
      release: '11.32',
      timeZone: '(UTC-05:00) Eastern Time (US & Canada)',
      licence: {
        commCellId: 2, edition: 'Commvault', mode: 'PRODUCTION', modeText: 'PRODUCTION', serialNumber: 'SN-1234567', registrationCode: 'RC-ABCD-EFGH',
        commServeIpAddress: '10.0.0.5', licenceIpAddress: '10.0.0.6', expiresAt: iso(1798761600),
      },
      registration: {
        commCellId: 2, commCellIdHex: '2', commServeHost: 'cs01.example.com', licenceIpAddress: '10.0.0.6', oemName: 'Commvault',
        registrationCode: 'RC-ABCD-EFGH', serialNumber: 'SN-1234567', licenceMode: 'PRODUCTION', expiresAt: iso(1798761600), expiryText: '1798761600',
      },
      healthConditions: [
        { at: iso(stampedAt[0]!), type: 'HIGH_CPU_USAGE', typeText: 'High CPU usage', description: 'CPU usage above 90% for 25 minutes', clientId: 2, clientName: 'cs01' },
        { at: iso(stampedAt[1]!), type: 'HIGH_MEMORY_USAGE', typeText: 'High memory usage', description: 'Memory usage above 95%', clientId: 2, clientName: 'cs01' },
        { at: iso(stampedAt[2]!), type: 'OFFLINE_CLIENT', typeText: 'Offline client', description: 'Client is not reachable', clientId: 17, clientName: 'fs07' },
        { at: iso(stampedAt[3]!), type: 'ANOMALOUS_RUNTIME', typeText: 'Anomalous runtime', description: 'Backup ran longer than usual', clientId: 4, clientName: 'ma01' },
        { at: iso(stampedAt[4]!), type: 'ANOMALOUS_EVENT', typeText: 'Anomalous event', description: 'Unusual number of events', clientId: 5, clientName: 'ma02' },
        { at: iso(stampedAt[5]!), type: 'OTHER', typeText: 'Disk latency', description: 'Something new', clientId: 6, clientName: 'ma03' },
      ],
      // By code; a numeric-string code reads as its number, an unknown one as OTHER; a re-enable time only on a disabled activity.
      activityControl: [
        { activity: 'BACKUP', code: 1, enabled: true, reEnableAt: null },
        { activity: 'RESTORE', code: 2, enabled: false, reEnableAt: null },
        { activity: 'AUX_COPY', code: 4, enabled: true, reEnableAt: null },
        { activity: 'DATA_AGING', code: 16, enabled: false, reEnableAt: iso(1767400000) },
        { activity: 'ALL', code: 128, enabled: true, reEnableAt: null },
        { activity: 'SCHEDULER', code: 256, enabled: true, reEnableAt: null },
        { activity: 'DDB', code: 512, enabled: true, reEnableAt: null },
        { activity: 'OFFLINE_CONTENT_INDEXING', code: 1024, enabled: true, reEnableAt: null },
        { activity: 'DATA_VERIFICATION', code: 8192, enabled: true, reEnableAt: null },
        { activity: 'OTHER', code: 65536, enabled: true, reEnableAt: null },
      ],
      disasterRecoveryBackup: {
        metadataFolder: '\\\\nas01\\DR', copiesKept: 5, useVss: true, uploadToCloud: true, cloudLibraryName: 'CV-Cloud-DR', storagePolicyName: 'CommServeDR',
        lastJob: { jobId: 1426101, jobType: 'DR Backup', status: 'COMPLETED', startedAt: iso(1767348000), endedAt: iso(1767348600) },
      },
    });
  });

  it('asks for the DR backup jobs by name, all categories, one job; and for conditions from a time floored to 10 minutes', async () => {
    await gw.query(QUERY);
    const [jobs] = fake.calls('GET /Job');
    expect(Object.fromEntries(jobs!.query)).toMatchObject({ jobFilter: 'DR Backup', jobCategory: 'All' });
    expect(jobs!.headers.limit).toBe('1');
    const [conditions] = fake.calls('GET /V4/AnomalousConditions');
    const fromTime = Number(Object.fromEntries(conditions!.query).fromTime);
    expect(fromTime % 600).toBe(0);
    expect(Math.floor(Date.now() / 1000) - 24 * 3600 - fromTime).toBeLessThan(600 + 5);
  });

  it('answers licence null where V4 has no licence read (404), the rest unchanged', async () => {
    fake.on('GET /V4/License', { status: 404, json: { errorMessage: 'Requested Details not found', errorCode: 404 } });
    const res = await gw.query<any>('{ upstreams { commServe { name licence { edition } registration { serialNumber } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.upstreams[0].commServe).toEqual({ name: 'cs01', licence: null, registration: { serialNumber: 'SN-1234567' } });
  });

  it('reads the time zone from `timeZone` when `csTimeZone` is missing, as cvpysdk does', async () => {
    const { csTimeZone: _drop, ...rest } = fixture('commserv.json');
    fake.on('GET /CommServ', { json: { ...rest, timeZone: '0:-300:Eastern Standard Time' } });
    const res = await gw.query<any>('{ upstreams { commServe { timeZone } } }');
    expect(res.body.data.upstreams[0].commServe.timeZone).toBe('Eastern Standard Time');
  });

  it('sends enable and disable as cvpysdk does, once each, and reports a refusal as UPSTREAM_ERROR with the CommServe\'s words', async () => {
    fake.on('POST /CommCell/ActivityControl/512/Action/Disable', { json: { errorCode: 0, errorMessage: '' } });
    fake.on('POST /CommCell/ActivityControl/256/Action/Enable', { json: { errorCode: 2, errorMessage: 'User does not have the capability' } });
    const admin = { apiKey: 'test-admin' };
    const gwAdmin = await startTestGateway({
      callers: [{ id: 'ops', apiKey: admin.apiKey, role: 'admin' }],
      upstreams: [{ id: 'cv-fx', kind: 'commvault', url: fake.url, username: 'admin', password: 'pw' }],
    });
    try {
      const ok = await gwAdmin.query<any>('mutation { disableActivity(input: { activity: DDB }) { activity { activity code enabled } } }', {}, admin);
      expect(ok.body.errors).toBeUndefined();
      // The fixture still lists DDB enabled: the payload shows what the CommServe answers after, not what was asked.
      expect(ok.body.data.disableActivity.activity).toEqual({ activity: 'DDB', code: 512, enabled: true });
      const sent = fake.calls('POST /CommCell/ActivityControl/512/Action/Disable');
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toBe('');

      const refused = await gwAdmin.query<any>('mutation { enableActivity(input: { activity: SCHEDULER }) { activity { enabled } } }', {}, admin);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstream: { instance: 'cv-fx' } });
      expect(refused.body.errors?.[0]?.message).toMatch(/capability/);
      expect(fake.calls('POST /CommCell/ActivityControl/256/Action/Enable')).toHaveLength(1);
    } finally {
      await gwAdmin.close();
    }
  });
});

describe('client health fields from the documented shapes', () => {
  const CLIENT = /* GraphQL */ `{ commvaultClient(upstream: "cv-fx", clientId: 2) {
    name description networkReadiness updateState activityControl { activity code enabled reEnableAt } } }`;

  beforeEach(() => {
    fake.on('GET /Client', { json: fixture('client-list.json') });
    fake.on('GET /Client/2', { json: fixture('client-detail.json') });
    fake.on('GET /V4/Servers', { json: fixture('v4-servers.json') });
  });

  it('maps readiness and update state from the V4 server list, and the client\'s activity control from its detail', async () => {
    const res = await gw.query<any>(CLIENT);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultClient).toEqual({
      name: 'fs01',
      description: 'file server',
      networkReadiness: 'OFFLINE',
      updateState: 'NEEDS_UPDATE',
      activityControl: [
        { activity: 'BACKUP', code: 1, enabled: false, reEnableAt: iso(1798704000) },
        { activity: 'RESTORE', code: 2, enabled: true, reEnableAt: null },
        { activity: 'DATA_AGING', code: 16, enabled: false, reEnableAt: null },
      ],
    });
    // description and activityControl share one GET /Client/{id}.
    expect(fake.calls('GET /Client/2')).toHaveLength(1);
  });

  it('sends a client\'s toggle as cvpysdk does: POST /Client/{id} naming the client, one option, no delay', async () => {
    fake.on('POST /Client/2', { json: { response: [{ errorCode: 0 }] } });
    const admin = { apiKey: 'test-admin' };
    const gwAdmin = await startTestGateway({
      callers: [{ id: 'ops', apiKey: admin.apiKey, role: 'admin' }],
      upstreams: [{ id: 'cv-fx', kind: 'commvault', url: fake.url, username: 'admin', password: 'pw' }],
    });
    try {
      const id = toGlobalId('CommvaultClient', 'cv-fx', 2);
      const res = await gwAdmin.query<any>('mutation ($c: ID!) { enableActivity(input: { client: $c, activity: DATA_AGING }) { activity { code enabled } } }', { c: id }, admin);
      expect(res.body.errors).toBeUndefined();
      const [sent] = fake.calls('POST /Client/2');
      expect(JSON.parse(sent!.body)).toEqual({
        association: { entity: [{ clientName: 'fs01' }] },
        clientProperties: { clientProps: { clientActivityControl: { activityControlOptions: [{ activityType: 16, enableAfterADelay: false, enableActivityType: true }] } } },
      });
      // The fixture still shows data aging disabled: the payload is the CommServe's word after, not the request.
      expect(res.body.data.enableActivity.activity).toEqual({ code: 16, enabled: false });
    } finally {
      await gwAdmin.close();
    }
  });
});

describe('DDB partition detail from the documented shapes', () => {
  it('maps path, MediaAgent, Q&I, free space, primary entries, offline reason and last DDB backup of each partition', async () => {
    fake.on('POST /QCommand/qoperation%20execute', { json: fixture('ddb-engines.json') });
    fake.on('GET /DDBInformation/12', { json: fixture('ddb-information.json') });
    const res = await gw.query<any>(`{ commvaultDdbStores { storeId name sealedAt partitions {
      subStoreId path mediaAgentName online freeBytes avgQiMicros primaryEntries offlineReason lastBackupAt } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultDdbStores).toEqual([
      {
        storeId: 12, name: 'DiskPool01_DDB', sealedAt: null,
        partitions: [
          { subStoreId: 21, path: 'E:\\DDB\\P1', mediaAgentName: 'ma01', online: true, freeBytes: 204800 * 1024 * 1024, avgQiMicros: 850,
            primaryEntries: 734003200, offlineReason: null, lastBackupAt: iso(1767300000) },
          { subStoreId: 22, path: 'F:\\DDB\\P2', mediaAgentName: 'ma02', online: false, freeBytes: 8192 * 1024 * 1024, avgQiMicros: 2400,
            primaryEntries: 12, offlineReason: 'DDB MediaAgent is not reachable', lastBackupAt: null },
        ],
      },
    ]);
  });
});

describe('MediaAgent detail from the documented shapes', () => {
  it('maps status with maintenance, offline reason, maintenance mode, index cache and OS type from the V4 detail', async () => {
    fake.on('GET /V2/MediaAgents', { json: fixture('media-agents.json') });
    fake.on('GET /V4/mediaAgent/4', { json: fixture('media-agent-v4.json') });
    const res = await gw.query<any>('{ commvaultMediaAgents { name online status offlineReason maintenanceMode indexCachePath osType } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultMediaAgents).toEqual([
      { name: 'ma01', online: true, status: 'MAINTENANCE', offlineReason: null, maintenanceMode: true, indexCachePath: 'D:\\IndexCache', osType: 'WINDOWS' },
    ]);
    // Five fields, one detail call.
    expect(fake.calls('GET /V4/mediaAgent/4')).toHaveLength(1);
  });

  it('answers null detail fields for a MediaAgent V4 does not know (404)', async () => {
    fake.on('GET /V2/MediaAgents', { json: fixture('media-agents.json') });
    fake.on('GET /V4/mediaAgent/4', { status: 404, json: { errorMessage: 'Requested Details not found', errorCode: 404 } });
    const res = await gw.query<any>('{ commvaultMediaAgents { name status maintenanceMode } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.commvaultMediaAgents).toEqual([{ name: 'ma01', status: null, maintenanceMode: null }]);
  });
});
