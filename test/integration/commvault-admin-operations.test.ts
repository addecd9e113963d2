import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator, type Job } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * The Commvault administrative mutations end to end (DR backup, DDB operations, plan job operations):
 * real HTTP to a gateway, real HTTP from it to the simulator, on a clock the tests move.
 */
const KEYS = { admin: 'k-admin', analyst: 'k-analyst' } as const;
const CV = 'cv';
/** The same simulator with a timeout the afterWrite fault outlasts. */
const CV_SLOW = 'cv-slow';
/** The same simulator as a company (tenant) user, whom the CommServe refuses administrative operations. */
const CV_TENANT = 'cv-acme';

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

let sim: CommvaultSimulator;
let clockOffsetMs = 0;
let gateway: Gateway;
let url: string;

async function gql(query: string, variables: Record<string, unknown> = {}, key: string = KEYS.admin): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code);
const QOPERATION = 'POST /QCommand/qoperation execute';
const DR = 'POST /CommServ/DRBackup';
const PLAN_OPS = 'POST /V4/Plan/BackupDestination/JobOperations';
/** Lets every job started so far run to its end (runs are 200–400 ms of simulator time here). */
const finishRunningJobs = () => (clockOffsetMs += 60_000);

const DR_BACKUP = /* GraphQL */ `
  mutation Dr($input: RunDisasterRecoveryBackupInput!) {
    runDisasterRecoveryBackup(input: $input) { jobs { jobId status jobType phase } }
  }
`;
const DDB_OP = /* GraphQL */ `
  mutation Ddb($input: RunDdbOperationInput!) {
    runDdbOperation(input: $input) { ok message job { jobId status jobType } store { storeId sealedAt } }
  }
`;
const PLAN_OP = /* GraphQL */ `
  mutation Plan($input: RunPlanJobOperationInput!) {
    runPlanJobOperation(input: $input) {
      dependentJobsExist archiverJobsExist
      jobs {
        jobId status jobType startedAt endedAt retainUntil retainedBy retainedByCode applicationBytes dataWrittenBytes
        server { id name } subclient { id name } dataVerificationStatus requiredByJobIds jobAttributesEx
      }
      error { code message }
    }
  }
`;
const JOB = (jobId: number) => `{ commvaultJob(upstream: "${CV}", jobId: ${jobId}) { jobId status jobType } }`;

const storeGid = (storeId: number, upstream = CV) => toGlobalId('CommvaultDdbStore', upstream, storeId);
const policyGid = (id: number, upstream = CV) => toGlobalId('CommvaultStoragePolicy', upstream, id);
const jobGid = (id: number, upstream = CV) => toGlobalId('CommvaultJob', upstream, id);
const jobsOfType = (type: string) => sim.data.jobs.filter((j) => j.jobType === type).length;

/** A finished backup no test used yet, with its storage policy's primary copy. */
const used = new Set<number>();
function finishedBackup(where: (j: Job) => boolean = () => true): { job: Job; policyId: number; copyId: number } {
  const job = sim.data.jobs.find((j) => j.jobType === 'Backup' && j.status === 'Completed' && !used.has(j.jobId) && where(j));
  if (!job) throw new Error('no such job in the seed');
  used.add(job.jobId);
  const policy = sim.data.storagePolicies.find((p) => p.storagePolicyId === job.storagePolicyId)!;
  return { job, policyId: policy.storagePolicyId, copyId: policy.copies[0]!.copyId };
}

/** A full backup that later backups of its subclient build on (the seed's dependent link). */
function fullWithDependents(): ReturnType<typeof finishedBackup> {
  return finishedBackup((j) => {
    if (j.backupLevel !== 'Full') return false;
    const next = sim.data.jobs.find((k) => k.jobId > j.jobId && k.subclientId === j.subclientId && k.jobType === 'Backup');
    return next !== undefined && next.backupLevel === 'Incremental';
  });
}

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0, now: () => Date.now() + clockOffsetMs, jobDurationMs: [200, 400] });
  const config = parseConfig(
    {
      callers: [
        { id: 'admin', apiKey: KEYS.admin, role: 'admin' },
        { id: 'analyst', apiKey: KEYS.analyst, role: 'analyst' },
      ],
      logLevel: 'silent',
      server: { port: 0 },
      store: { enabled: false },
      upstreams: [
        { id: CV, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' },
        { id: CV_SLOW, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin', timeoutMs: 400, rateLimit: { queueTimeoutMs: 200 } },
        { id: CV_TENANT, kind: 'commvault', url: sim.url, username: 'acme', password: 'acme' },
      ],
    },
    {},
  );
  gateway = await createGateway(config, { logger: pino({ level: 'silent' }) });
  url = await gateway.listen();
});

afterAll(async () => {
  await gateway?.stop();
  await sim?.close();
});

beforeEach(() => {
  finishRunningJobs();
  sim.reset();
});

describe('runDisasterRecoveryBackup', () => {
  it('starts a DR Backup job that runs to COMPLETED on the simulator clock', async () => {
    const res = await gql(DR_BACKUP, { input: { upstream: CV, type: 'DIFFERENTIAL' } });
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.runDisasterRecoveryBackup.jobs;
    expect(job).toMatchObject({ status: 'RUNNING', jobType: 'DR Backup' });
    expect(sim.data.jobs.at(-1)).toMatchObject({ jobId: job.jobId, jobType: 'DR Backup' });
    expect(sim.calls(DR)).toBe(1);
    finishRunningJobs();
    // Any call lets the simulator's jobs advance; the job read itself is cached from the mutation's read-back.
    await gql(`{ commvaultDdbStores(upstream: "${CV_SLOW}") { storeId } }`);
    expect(sim.data.jobs.find((j) => j.jobId === job.jobId)?.status).toBe('Completed');
  });

  it('needs the upstream named when the caller sees several Commvault upstreams: BAD_USER_INPUT, no call', async () => {
    const res = await gql(DR_BACKUP, { input: {} });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors?.[0].message).toContain(`${CV}, ${CV_SLOW}`);
    expect(sim.stats().total).toBe(0);
  });

  it('passes the CommServe\'s refusal (a company user may not run one) on as UPSTREAM_ERROR with its words', async () => {
    const before = jobsOfType('DR Backup');
    const res = await gql(DR_BACKUP, { input: { upstream: CV_TENANT } });
    expect(codes(res)).toEqual(['UPSTREAM_ERROR']);
    expect(res.body.errors?.[0].message).toContain('User does not have the capability to run a DR backup.');
    expect(jobsOfType('DR Backup')).toBe(before);
  });

  it('refuses an analyst with FORBIDDEN, HTTP 403, and no upstream call', async () => {
    const res = await gql(DR_BACKUP, { input: { upstream: CV } }, KEYS.analyst);
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(sim.stats().total).toBe(0);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call when the answer is lost after the job started', async () => {
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const before = jobsOfType('DR Backup');
    const res = await gql(DR_BACKUP, { input: { upstream: CV_SLOW } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(jobsOfType('DR Backup')).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 800));
    expect(sim.calls(DR)).toBe(1);
  });
});

describe('runDdbOperation', () => {
  const [verifyStore, sealStore, slowStore] = [0, 1, 2].map((i) => () => sim.data.ddbStores[i]!);

  it('starts a verification, a space reclamation and a reconstruction job on the store', async () => {
    const storeId = verifyStore().storeId;
    for (const [operation, jobType] of [['VERIFY', 'Data Verification'], ['RECLAIM_SPACE', 'DDB Space Reclamation'], ['RECONSTRUCT', 'DDB Reconstruction']]) {
      const res = await gql(DDB_OP, { input: { store: storeGid(storeId), operation } });
      expect(res.body.errors, operation).toBeUndefined();
      const payload = res.body.data.runDdbOperation;
      expect(payload).toMatchObject({ ok: true, job: { status: 'RUNNING', jobType }, store: { storeId, sealedAt: null } });
      expect(sim.data.jobs.at(-1)).toMatchObject({ jobId: payload.job.jobId, jobType });
    }
  });

  it('passes a company user\'s refusal on as UPSTREAM_ERROR', async () => {
    const res = await gql(DDB_OP, { input: { store: storeGid(verifyStore().storeId, CV_TENANT), operation: 'VERIFY' } });
    expect(codes(res)).toEqual(['UPSTREAM_ERROR']);
    expect(res.body.errors?.[0].message).toContain('User does not have the capability to run DDB operations.');
  });

  it('seals a store without a job; the store list shows sealedAt, and sealing again is UPSTREAM_ERROR', async () => {
    const store = sealStore();
    const res = await gql(DDB_OP, { input: { store: storeGid(store.storeId), operation: 'SEAL' } });
    expect(res.body.errors).toBeUndefined();
    expect(store.sealedTime).toBeGreaterThan(0);
    const expected = new Date(store.sealedTime * 1000).toISOString();
    expect(res.body.data.runDdbOperation).toMatchObject({ ok: true, job: null, store: { storeId: store.storeId, sealedAt: expected } });
    const listed = await gql(`{ commvaultDdbStores(upstream: "${CV}") { storeId sealedAt } }`);
    expect(listed.body.data.commvaultDdbStores).toContainEqual({ storeId: store.storeId, sealedAt: expected });
    const again = await gql(DDB_OP, { input: { store: storeGid(store.storeId), operation: 'SEAL' } });
    expect(codes(again)).toEqual(['UPSTREAM_ERROR']);
    expect(again.body.errors?.[0].message).toContain(`The DDB store [${store.storeId}] is already sealed.`);
  });

  it('answers an unknown store with NOT_FOUND and a foreign id with BAD_USER_INPUT, sending no operation', async () => {
    const jobsBefore = sim.data.jobs.length;
    const sealed = sim.data.ddbStores.map((s) => s.sealedTime);
    const unknown = await gql(DDB_OP, { input: { store: storeGid(999_999), operation: 'SEAL' } });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const foreign = await gql(DDB_OP, { input: { store: jobGid(1), operation: 'SEAL' } });
    expect(codes(foreign)).toEqual(['BAD_USER_INPUT']);
    // At most the (read, maybe cached) engine list was asked; nothing changed.
    expect(sim.calls(QOPERATION)).toBeLessThanOrEqual(1);
    expect(sim.data.jobs.length).toBe(jobsBefore);
    expect(sim.data.ddbStores.map((s) => s.sealedTime)).toEqual(sealed);
  });

  it('refuses an analyst with FORBIDDEN, HTTP 403, and no upstream call', async () => {
    const res = await gql(DDB_OP, { input: { store: storeGid(verifyStore().storeId), operation: 'VERIFY' } }, KEYS.analyst);
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(sim.stats().total).toBe(0);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one operation call when its answer is lost', async () => {
    await gql(`{ commvaultDdbStores(upstream: "${CV_SLOW}") { storeId } }`);
    sim.reset();
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const before = jobsOfType('Data Verification');
    const res = await gql(DDB_OP, { input: { store: storeGid(slowStore().storeId, CV_SLOW), operation: 'VERIFY' } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(jobsOfType('Data Verification')).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 800));
    // The engine list came from the cache: the one call is the operation.
    expect(sim.calls(QOPERATION)).toBe(1);
  });
});

describe('runPlanJobOperation', () => {
  const input = (t: ReturnType<typeof finishedBackup>, extra: Record<string, unknown>) => ({
    storagePolicy: policyGid(t.policyId), copyId: t.copyId, jobs: [jobGid(t.job.jobId)], ...extra,
  });

  it('refuses DELETE and DO_NOT_RETAIN without confirm: true with BAD_USER_INPUT and no call', async () => {
    const t = finishedBackup();
    for (const opType of ['DELETE', 'DO_NOT_RETAIN']) {
      const res = await gql(PLAN_OP, { input: input(t, { opType }) });
      expect(codes(res), opType).toEqual(['BAD_USER_INPUT']);
      const unconfirmed = await gql(PLAN_OP, { input: input(t, { opType, confirm: false }) });
      expect(codes(unconfirmed), opType).toEqual(['BAD_USER_INPUT']);
    }
    expect(sim.stats().total).toBe(0);
  });

  it('deletes a job: the answer describes it, and the job reads and lists no longer show it', async () => {
    const t = finishedBackup();
    const clientJobs = async (): Promise<number[]> => {
      const res = await gql(`{ commvaultClient(upstream: "${CV}", clientId: ${t.job.clientId}) { jobs(first: 500) { edges { node { ... on CommvaultJob { jobId } } } } } }`);
      expect(res.body.errors).toBeUndefined();
      return res.body.data.commvaultClient.jobs.edges.map((e: any) => e.node.jobId);
    };
    // Read (and cached) before: the delete must drop it.
    expect(await clientJobs()).toContain(t.job.jobId);
    const res = await gql(PLAN_OP, { input: input(t, { opType: 'DELETE', confirm: true, commcellId: sim.data.commServ.commCellId }) });
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data.runPlanJobOperation;
    expect(payload.error).toBeNull();
    expect(payload.jobs).toEqual([expect.objectContaining({
      jobId: t.job.jobId, status: 'Completed', jobType: t.job.backupLevel,
      startedAt: new Date(t.job.startTime * 1000).toISOString(), endedAt: new Date(t.job.endTime * 1000).toISOString(),
      applicationBytes: t.job.sizeOfApplication, dataWrittenBytes: t.job.sizeOfMediaOnDisk,
      server: { id: t.job.clientId, name: sim.data.clients.find((c) => c.clientId === t.job.clientId)!.clientName },
      subclient: expect.objectContaining({ id: t.job.subclientId }),
      retainedBy: 'BASIC_RETENTION',
    })]);
    expect(sim.calls(PLAN_OPS)).toBe(1);
    expect(sim.data.jobs.some((j) => j.jobId === t.job.jobId)).toBe(false);
    expect((await gql(JOB(t.job.jobId))).body.data.commvaultJob).toBeNull();
    expect(await clientJobs()).not.toContain(t.job.jobId);
  });

  it('retains a job until the date given, by the user, and reads the CommCell id itself', async () => {
    const t = finishedBackup();
    const until = '2031-06-30T12:00:00.000Z';
    const res = await gql(PLAN_OP, { input: input(t, { opType: 'RETAIN', retainUntil: until }) });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.runPlanJobOperation.jobs[0]).toMatchObject({ jobId: t.job.jobId, retainUntil: until, retainedBy: 'USER', retainedByCode: 1 });
    expect(sim.calls('GET /CommServ')).toBe(1);
    const dropped = await gql(PLAN_OP, { input: input(t, { opType: 'DO_NOT_RETAIN', confirm: true }) });
    expect(dropped.body.data.runPlanJobOperation.jobs[0]).toMatchObject({ retainedBy: 'BASIC_RETENTION' });
    expect(dropped.body.data.runPlanJobOperation.jobs[0].retainUntil).not.toBe(until);
  });

  it('reports a seeded archiver link when asked (finished fulls with ids that are multiples of 5)', async () => {
    const t = finishedBackup((j) => j.backupLevel === 'Full' && j.jobId % 5 === 0 && sim.data.jobs.some((k) => k.jobType === 'Aux Copy' && k.startTime > j.endTime));
    const res = await gql(PLAN_OP, { input: input(t, { opType: 'RETAIN', loadArchiverJobs: true }) });
    expect(res.body.data.runPlanJobOperation).toMatchObject({ archiverJobsExist: true, dependentJobsExist: false });
    const other = finishedBackup((j) => j.backupLevel === 'Full' && j.jobId % 5 !== 0);
    const none = await gql(PLAN_OP, { input: input(other, { opType: 'RETAIN', loadArchiverJobs: true }) });
    expect(none.body.data.runPlanJobOperation.archiverJobsExist).toBe(false);
  });

  it('answers a repeated idempotencyKey with the first outcome and no second call', async () => {
    const t = finishedBackup();
    const variables = { input: input(t, { opType: 'RETAIN', retainUntil: '2030-01-01T00:00:00.000Z', idempotencyKey: 'retain-once' }) };
    const first = await gql(PLAN_OP, variables);
    const again = await gql(PLAN_OP, variables);
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(sim.calls(PLAN_OPS)).toBe(1);
  });

  it('disallows and allows copying a job (the simulator flags it in jobAttributesEx)', async () => {
    const t = finishedBackup();
    const off = await gql(PLAN_OP, { input: input(t, { opType: 'DISALLOW_COPY' }) });
    expect(off.body.data.runPlanJobOperation.jobs[0].jobAttributesEx).toBe(16);
    const on = await gql(PLAN_OP, { input: input(t, { opType: 'ALLOW_COPY' }) });
    expect(on.body.data.runPlanJobOperation.jobs[0].jobAttributesEx).toBe(0);
  });

  it('reports the seeded dependent jobs of a full backup when asked, and not when not asked', async () => {
    const t = fullWithDependents();
    const dependents = sim.data.jobs.filter((j) => j.jobId > t.job.jobId && j.subclientId === t.job.subclientId && j.jobType === 'Backup');
    const asked = await gql(PLAN_OP, { input: input(t, { opType: 'RETAIN', loadDependentJobs: true }) });
    expect(asked.body.errors).toBeUndefined();
    expect(asked.body.data.runPlanJobOperation.dependentJobsExist).toBe(true);
    expect(asked.body.data.runPlanJobOperation.jobs[0].requiredByJobIds).toContain(dependents[0]!.jobId);
    const silent = await gql(PLAN_OP, { input: input(t, { opType: 'RETAIN' }) });
    expect(silent.body.data.runPlanJobOperation.dependentJobsExist).toBe(false);
  });

  it('reports a job the copy does not hold in `error` while handling the others', async () => {
    const t = finishedBackup();
    const other = sim.data.jobs.find((j) => j.jobType === 'Backup' && j.storagePolicyId !== t.policyId)!;
    const res = await gql(PLAN_OP, { input: { ...input(t, { opType: 'RETAIN' }), jobs: [jobGid(other.jobId), jobGid(t.job.jobId)] } });
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data.runPlanJobOperation;
    expect(payload.jobs.map((j: any) => j.jobId)).toEqual([t.job.jobId]);
    expect(payload.error).toEqual({ code: 'UPSTREAM_ERROR', message: expect.stringContaining(`Job [${other.jobId}] is not on the copy`) });
  });

  it('answers an unknown storage policy or copy with NOT_FOUND (the V4 404)', async () => {
    const t = finishedBackup();
    const policy = await gql(PLAN_OP, { input: { ...input(t, { opType: 'RETAIN' }), storagePolicy: policyGid(9_999) } });
    expect(codes(policy)).toEqual(['NOT_FOUND']);
    const copy = await gql(PLAN_OP, { input: { ...input(t, { opType: 'RETAIN' }), copyId: 9_999 } });
    expect(codes(copy)).toEqual(['NOT_FOUND']);
    expect(sim.calls(PLAN_OPS)).toBe(2);
  });

  it('refuses jobs of another CommServe, repeats, and retainUntil without RETAIN with BAD_USER_INPUT and no call', async () => {
    const t = finishedBackup();
    for (const bad of [
      { jobs: [jobGid(t.job.jobId, CV_SLOW)] },
      { jobs: [jobGid(t.job.jobId), jobGid(t.job.jobId)] },
      { jobs: [] },
      { opType: 'ALLOW_COPY', retainUntil: '2031-01-01T00:00:00Z' },
    ]) {
      const res = await gql(PLAN_OP, { input: { ...input(t, { opType: 'RETAIN' }), ...bad } });
      expect(codes(res), JSON.stringify(bad)).toEqual(['BAD_USER_INPUT']);
    }
    expect(sim.stats().total).toBe(0);
  });

  it('refuses an analyst with FORBIDDEN, HTTP 403, and no upstream call', async () => {
    const res = await gql(PLAN_OP, { input: input(finishedBackup(), { opType: 'RETAIN' }) }, KEYS.analyst);
    expect(res.status).toBe(403);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(sim.stats().total).toBe(0);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call when the answer is lost after the delete', async () => {
    const t = finishedBackup();
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const res = await gql(PLAN_OP, {
      input: { storagePolicy: policyGid(t.policyId, CV_SLOW), copyId: t.copyId, jobs: [jobGid(t.job.jobId, CV_SLOW)], opType: 'DELETE', confirm: true, commcellId: sim.data.commServ.commCellId },
    });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(sim.data.jobs.some((j) => j.jobId === t.job.jobId)).toBe(false);
    await new Promise((r) => setTimeout(r, 800));
    expect(sim.calls(PLAN_OPS)).toBe(1);
  });
});
