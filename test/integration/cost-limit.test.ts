import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { startCommvaultSimulator, type CommvaultSimulator } from '../../simulators/commvault/index.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { DEFAULT_MANIFEST_PATH } from '../../src/persisted/trusted-documents.js';
import { refusedCount } from '../helpers/refusals.js';
import { commvaultUpstream, startTestGateway, type GraphQLResponse, type TestGateway } from '../helpers/gateway.js';

const OPERATIONS_DIR = fileURLToPath(new URL('../../operations/', import.meta.url));
// Subscriptions run over WebSocket, not HTTP: their admission (safelist, limits) is tested in job-progress.test.ts.
const OPERATIONS = readdirSync(OPERATIONS_DIR)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => ({ name: f.replace(/\.graphql$/, ''), text: readFileSync(OPERATIONS_DIR + f, 'utf8') }))
  .filter((o) => !/^\s*subscription\b/m.test(o.text));
/** The safelist codegen wrote: operation name → document id, for the partner (who may send only ids). */
const MANIFEST_IDS = new Map(
  Object.entries(JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as Record<string, string>).map(([id, text]) => [
    /^(?:query|mutation)\s+(\w+)/.exec(text)?.[1],
    id,
  ]),
);
const VARIABLES: Record<string, Record<string, unknown>> = {
  ConsoleJobs: { upstream: 'bdr-main' },
  ConsoleAppliances: { upstream: 'bdr-main' },
  ConsoleAuditLog: { upstream: 'bdr-main' },
  ConsoleGroups: { upstream: 'bdr-main' },
  DashboardUpstreamOutcomes: { upstream: 'cv-main' },
};

const ROLES = ['partner', 'frontend', 'analyst', 'admin'] as const;
// The analyst is granted mutations (callers[].mutations); the frontend is not (docs/operations.md).
const callers = ROLES.map((role) => ({ id: `cost-${role}`, apiKey: `cost-${role}`, role, ...(role === 'analyst' ? { mutations: true } : {}) }));
const isMutation = (text: string) => /^\s*mutation\b/m.test(text);

/** 500 clients, each with its newest backup jobs: 1 GET /Client + 500 GET /Job?clientId= on one CommServe. */
const SUBCLIENTS_OF_500_CLIENTS = '{ commvaultClients(first: 500) { edges { node { name subclients { name } } } } }';
/** Storage policies and their copies: 1 GET /StoragePolicy + 25 (assumed) GET /StoragePolicy/{id}. */
const POLICIES_WITH_COPIES = '{ commvaultStoragePolicies { name copies { name } } }';

const costRefusals = (url: string, role: string) => refusedCount(url, `role="${role}",reason="cost",code="QUERY_TOO_COMPLEX"`);

type Errors = GraphQLResponse['body']['errors'];
const codes = (errors: Errors) => (errors ?? []).map((e) => e.extensions?.code);

/** The history store's documents need a store; no collectors, so every upstream call counted is the document's. */
const HISTORY_WITHOUT_COLLECTORS = { store: { enabled: true, dir: mkdtempSync(join(tmpdir(), 'bg-cost-limit-')) }, collectors: { enabled: false } };
/** Documents answered from the history store alone. */
const STORE_ONLY = new Set(['DashboardAlerts']);

describe('the cost limit over HTTP', () => {
  let cv: CommvaultSimulator;
  let bdr: BackupDrSimulator;
  let upstreams: Array<Record<string, unknown>>;
  const simCalls = () => cv.stats().total + bdr.stats().total;
  const resetSims = () => {
    cv.reset();
    bdr.reset();
  };

  beforeAll(async () => {
    [cv, bdr] = await Promise.all([startCommvaultSimulator(), startBackupDrSimulator()]);
    upstreams = [commvaultUpstream('cv-main', cv.url), { id: 'bdr-main', kind: 'backupdr', url: bdr.url, bearerToken: 'admin-token' }];
    const subclient = cv.data.subclients.find((s) => s.enableBackup)!.subclientId;
    VARIABLES.BackupSubclient = { subclient: toGlobalId('CommvaultSubclient', 'cv-main', subclient), level: 'INCREMENTAL' };
    // A job the CommServe does not know: a per-job NOT_FOUND result, no GraphQL error.
    VARIABLES.ControlJobs = { jobs: [toGlobalId('CommvaultJob', 'cv-main', 9_999_999)], action: 'PAUSE' };
    VARIABLES.BackupVirtualMachine = { input: { virtualMachine: toGlobalId('CommvaultVirtualMachine', 'cv-main', cv.data.virtualMachines.find((v) => v.subclientId !== null)!.clientId) } };
    VARIABLES.RestoreVirtualMachine = { virtualMachine: toGlobalId('CommvaultVirtualMachine', 'cv-main', cv.data.virtualMachines.find((v) => v.backupJobId !== null)!.clientId) };
    VARIABLES.JobDetail = { upstream: 'cv-main', jobId: cv.data.jobs.find((j) => j.status === 'Failed')!.jobId };
    VARIABLES.BrowseSubclient = { upstream: 'cv-main', subclientId: cv.data.subclients.find((s) => s.content.length > 0)!.subclientId };
    VARIABLES.BrowseDeletedFiles = VARIABLES.BrowseSubclient;
    VARIABLES.SubclientDetail = VARIABLES.BrowseSubclient;
    // Adding the same filter again changes nothing: every role may repeat it.
    const fileSystem = cv.data.subclients.find((s) => s.content.length > 0 && (s.applicationId === 33 || s.applicationId === 29))!;
    VARIABLES.UpdateSubclientContent = { subclient: toGlobalId('CommvaultSubclient', 'cv-main', fileSystem.subclientId), operation: 'ADD', filters: ['*.cost'] };
    // Two subclients, both enabled: within the estimate's three assumed.
    const pair = cv.data.backupsets.find((b) => {
      const members = cv.data.subclients.filter((s) => s.backupsetId === b.backupsetId);
      return members.length === 2 && members.every((s) => s.enableBackup);
    })!;
    VARIABLES.BackupBackupset = { backupset: toGlobalId('CommvaultBackupset', 'cv-main', `${pair.clientId}.${pair.backupsetId}`), level: 'INCREMENTAL' };
    // A subclient with a completed backup (a restore needs one), a policy with a secondary copy.
    const restorable = cv.data.subclients.find((s) => cv.data.jobs.some((j) => j.subclientId === s.subclientId && j.jobType === 'Backup' && j.status === 'Completed'))!;
    VARIABLES.RestoreFiles = { subclient: toGlobalId('CommvaultSubclient', 'cv-main', restorable.subclientId), paths: ['C:\\data'] };
    const policy = cv.data.storagePolicies.find((p) => p.companyId === 0 && p.copies.some((c) => c.copyType !== 1))!;
    VARIABLES.RunAuxCopy = { storagePolicy: toGlobalId('CommvaultStoragePolicy', 'cv-main', policy.storagePolicyId) };
    VARIABLES.RunDataAging = { upstream: 'cv-main' };
    // Data verification: an activity no other test here needs, so toggling it changes nothing they read.
    VARIABLES.DashboardTrends = { since: new Date(Date.now() - 30 * 86_400_000).toISOString() };
    VARIABLES.EnableActivity = { upstream: 'cv-main', activity: 'DATA_VERIFICATION' };
    VARIABLES.DisableActivity = { upstream: 'cv-main', activity: 'DATA_VERIFICATION' };
    // One CommServe: the console's week of capture jobs is DashboardEstate's to read.
    VARIABLES.ProtectionSummary = { upstream: 'cv-main' };
    VARIABLES.BackupDdb = { store: toGlobalId('CommvaultDdbStore', 'cv-main', cv.data.ddbStores[0]!.storeId) };
    VARIABLES.RunDdbOperation = { store: toGlobalId('CommvaultDdbStore', 'cv-main', cv.data.ddbStores[0]!.storeId), operation: 'VERIFY' };
    // RETAIN can be repeated: every role's run keeps the same finished backup.
    const kept = cv.data.jobs.find((j) => j.jobType === 'Backup' && j.status === 'Completed')!;
    const keptPolicy = cv.data.storagePolicies.find((p) => p.storagePolicyId === kept.storagePolicyId)!;
    VARIABLES.RunPlanJobOperation = {
      storagePolicy: toGlobalId('CommvaultStoragePolicy', 'cv-main', keptPolicy.storagePolicyId),
      copyId: keptPolicy.copies[0]!.copyId,
      opType: 'RETAIN',
      jobs: [toGlobalId('CommvaultJob', 'cv-main', kept.jobId)],
    };
    // Lengthening to the same 45 days can be repeated by every role.
    const plan = cv.data.plans.find((p) => p.companyId === 0)!;
    const planCopy = cv.data.storagePolicies.find((p) => p.storagePolicyId === plan.storagePolicyId)!.copies[0]!;
    VARIABLES.CommvaultPlanPage = { plan: toGlobalId('CommvaultPlan', 'cv-main', plan.planId) };
    VARIABLES.CommvaultPlanAging = VARIABLES.CommvaultPlanPage;
    VARIABLES.UpdateRetention = { target: toGlobalId('CommvaultPlanBackupDestination', 'cv-main', `${plan.planId}.${planCopy.copyId}`), input: { days: 45 } };
    // Schedules: a page and a creation any role may repeat; a rename and a toggle of the data aging schedule
    // that change nothing; each delete takes the next seeded subclient schedule, as each run needs its own.
    const scheduled = cv.data.schedules.find((t) => t.taskType === 2 && !t.isSystem)!;
    const aging = cv.data.schedules.find((t) => t.isSystem)!;
    const agingId = toGlobalId('CommvaultSchedule', 'cv-main', `${aging.taskId}.${aging.subTasks[0]!.subTaskId}`);
    VARIABLES.SchedulePage = { upstream: 'cv-main', subclientId: scheduled.associations[0]!.subclientId };
    VARIABLES.CreateSchedule = { input: { subclient: toGlobalId('CommvaultSubclient', 'cv-main', subclient), name: 'cost', pattern: { frequency: 'DAILY', startDate: '2027-01-01', startTime: '21:00' } } };
    VARIABLES.UpdateSchedule = { id: agingId, input: { name: aging.subTasks[0]!.subTaskName } };
    VARIABLES.SetScheduleEnabled = { id: agingId, enabled: true };
    const deletable = cv.data.schedules.filter((t) => t.taskType === 2 && !t.isSystem).flatMap((t) => t.subTasks.map((s) => toGlobalId('CommvaultSchedule', 'cv-main', `${t.taskId}.${s.subTaskId}`)));
    Object.defineProperty(VARIABLES, 'DeleteSchedule', { enumerable: true, get: () => ({ id: deletable.shift() }) });
    // Console mutations that succeed for every role that may run them.
    VARIABLES.BackupApplication = { input: { application: toGlobalId('BackupDrApplication', 'bdr-main', bdr.data.applications.find((a) => a.slaId !== null)!.id) } };
    VARIABLES.UpdateSla = { input: { sla: toGlobalId('BackupDrSla', 'bdr-main', bdr.data.slas[0]!.id), scheduleOff: false } };
    VARIABLES.MountBackup = {
      input: {
        backup: toGlobalId('BackupDrBackup', 'bdr-main', bdr.data.backups[0]!.id),
        host: toGlobalId('BackupDrHost', 'bdr-main', bdr.data.hosts.find((h) => h.hasagent)!.id),
      },
    };
  });
  afterAll(async () => {
    await Promise.all([cv?.close(), bdr?.close()]);
  });

  describe('with the default limits', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway({ callers, upstreams, ...HISTORY_WITHOUT_COLLECTORS });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it('refuses an operation above the limit with QUERY_TOO_COMPLEX, HTTP 400, the figures, and no upstream call', async () => {
      resetSims();
      const refusedBefore = await costRefusals(gw.url, 'analyst');
      const res = await gw.query(SUBCLIENTS_OF_500_CLIENTS, undefined, { apiKey: 'cost-analyst' });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      const [error] = res.body.errors ?? [];
      expect(error.message).toMatch(/estimated at 501 upstream calls, above this caller's limit of 500/);
      // formatError keeps the figures of a public code and drops Apollo's internal `http`.
      expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', cost: 501, maxCost: 500 });
      expect(simCalls()).toBe(0);
      expect(await costRefusals(gw.url, 'analyst')).toBe(refusedBefore + 1);
    });

    it('reads page sizes from variables: the same document with a smaller page runs', async () => {
      const document = 'query ($n: Int) { commvaultClients(first: $n) { edges { node { name subclients { name } } } } }';
      resetSims();
      const refused = await gw.query(document, { n: 500 }, { apiKey: 'cost-analyst' });
      expect(codes(refused.body.errors)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(simCalls()).toBe(0);
      const runs = await gw.query<{ commvaultClients: { edges: unknown[] } }>(document, { n: 3 }, { apiKey: 'cost-analyst' });
      expect(runs.status).toBe(200);
      expect(runs.body.errors).toBeUndefined();
      expect(runs.body.data?.commvaultClients.edges).toHaveLength(3);
    });

    it.each(ROLES)('runs every operations/ document for the %s role', async (role) => {
      for (const { name, text } of OPERATIONS) {
        const variables = VARIABLES[name] ?? {};
        const res =
          role === 'partner'
            ? await postDocumentId(gw.url, `cost-${role}`, MANIFEST_IDS.get(name), variables)
            : await gw.query(text, variables, { apiKey: `cost-${role}` });
        if (role === 'frontend' && isMutation(text)) {
          expect({ name, status: res.status, codes: codes(res.body.errors) }).toEqual({ name, status: 403, codes: ['FORBIDDEN'] });
          continue;
        }
        expect({ name, status: res.status, codes: codes(res.body.errors) }).toEqual({ name, status: 200, codes: [] });
        expect(res.body.data, name).toBeTruthy();
      }
      // Every document in turn, the first role on cold caches: ~10 s alone, three times that beside another file on two cores.
    }, 90_000);
  });

  describe('with a role limit (frontend: 10) and no cache', () => {
    let gw: TestGateway;
    beforeAll(async () => {
      gw = await startTestGateway({
        callers,
        upstreams,
        // admin: a probe whose refusals tell the gateway's estimate of any document.
        roles: { frontend: { maxCost: 10 }, admin: { maxCost: 1 } },
        cache: { ttlMs: { jobsRunning: 0, jobsFinished: 0, inventory: 0, capacity: 0, events: 0, metadata: 0 } },
        ...HISTORY_WITHOUT_COLLECTORS,
      });
    });
    afterAll(async () => {
      await gw?.close();
    });

    it("applies the role's own tighter limit to that role only", async () => {
      resetSims();
      const frontend = await gw.query(POLICIES_WITH_COPIES, undefined, { apiKey: 'cost-frontend' });
      expect(frontend.status).toBe(400);
      expect(frontend.body.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', cost: 26, maxCost: 10 });
      expect(simCalls()).toBe(0);

      const cheap = await gw.query('{ commvaultPlans { name } }', undefined, { apiKey: 'cost-frontend' });
      expect(cheap.body.errors).toBeUndefined();

      const analyst = await gw.query<{ commvaultStoragePolicies: Array<{ copies: unknown[] }> }>(POLICIES_WITH_COPIES, undefined, { apiKey: 'cost-analyst' });
      expect(analyst.status).toBe(200);
      expect(analyst.body.errors).toBeUndefined();
      expect(analyst.body.data?.commvaultStoragePolicies.length).toBeGreaterThan(0);
    });

    it.each(OPERATIONS.map((o) => o.name))('estimates %s at no fewer calls than it makes on a cold cache', async (name) => {
      const { text } = OPERATIONS.find((o) => o.name === name)!;
      const variables = VARIABLES[name] ?? {};
      // The probe's refusal tells the estimate; an answer tells it is within the probe's limit of 1.
      const probe = await gw.query(text, variables, { apiKey: 'cost-admin' });
      const estimate = probe.body.errors ? Number(probe.body.errors[0].extensions?.cost) : 1;
      resetSims();
      const res = await gw.query(text, variables, { apiKey: 'cost-analyst' });
      expect(res.body.errors).toBeUndefined();
      // Logins and console OPTIONS metadata are per session or hour, not per request: the estimate leaves them out.
      const made = [cv.stats(), bdr.stats()]
        .flatMap((s) => Object.entries(s.byRoute))
        .filter(([route]) => !/^(POST \/(Login|session)|OPTIONS )/.test(route))
        .reduce((n, [, calls]) => n + calls, 0);
      // Documents that read only the history store make no upstream call at all.
      if (STORE_ONLY.has(name)) expect(made).toBe(0);
      else expect(made).toBeGreaterThan(0);
      expect(estimate).toBeGreaterThanOrEqual(made);
    });
  });
});

async function postDocumentId(url: string, apiKey: string, documentId: string | undefined, variables: Record<string, unknown>) {
  if (!documentId) throw new Error('operation missing from the manifest: run `npm run codegen`');
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ documentId, variables }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
}
