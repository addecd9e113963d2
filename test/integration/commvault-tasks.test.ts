import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { startCommvaultSimulator, type CommvaultSimulator, type StoragePolicy, type Subclient } from '../../simulators/commvault/index.js';
import { parseConfig } from '../../src/config/load.js';
import { createGateway, type Gateway } from '../../src/gateway.js';
import { toGlobalId } from '../../src/util/global-id.js';

/**
 * The task mutations (`restoreFiles`, `runAuxCopy`, `runDataAging`, all `POST /CreateTask`) end to end:
 * real HTTP to a gateway, real HTTP from it to the simulator, whose clock the tests move so that a
 * started job's progress is decided, not waited for. Expectations come from the simulator's dataset.
 */
const KEYS = { admin: 'k-admin', analyst: 'k-analyst', frontend: 'k-frontend' } as const;
const CALLERS = [
  { id: 'admin', apiKey: KEYS.admin, role: 'admin' },
  { id: 'analyst', apiKey: KEYS.analyst, role: 'analyst' },
  { id: 'frontend', apiKey: KEYS.frontend, role: 'frontend' },
];
const CV = 'cv';
/** The same simulator with a timeout the afterWrite fault outlasts. */
const CV_SLOW = 'cv-slow';
const CREATE_TASK = 'POST /CreateTask';
/** Copy type of a policy's primary copy in the dataset. */
const PRIMARY = 1;

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

let sim: CommvaultSimulator;
let clockOffsetMs = 0;
let gateway: Gateway;
let url: string;
/** A second gateway on the same simulator that caches no job reads: it watches started jobs progress. */
let observer: Gateway;
let observerUrl: string;

async function gql(query: string, variables: Record<string, unknown> = {}, key: string = KEYS.admin, at = url): Promise<Answer> {
  const res = await fetch(`${at}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code);
const tasks = () => sim.calls(CREATE_TASK);
const gid = (type: string, id: number, upstream = CV) => toGlobalId(type, upstream, id);

const JOB = 'id jobId jobType status percentComplete phase destinationClientName subclient { id } storagePolicy { id name }';
const RESTORE = `mutation ($input: RestoreFilesInput!) { restoreFiles(input: $input) { jobs { ${JOB} } } }`;
const AUX_COPY = `mutation ($input: RunAuxCopyInput!) { runAuxCopy(input: $input) { jobs { ${JOB} } } }`;
const DATA_AGING = `mutation ($input: RunDataAgingInput!) { runDataAging(input: $input) { jobs { ${JOB} } } }`;
const JOB_LIST = '{ jobs(first: 50) { edges { node { ... on CommvaultJob { jobId jobType status } } } } }';
const readJob = async (jobId: number) =>
  (await gql(`{ commvaultJob(upstream: "${CV}", jobId: ${jobId}) { status jobType percentComplete phase } }`, {}, KEYS.admin, observerUrl)).body.data.commvaultJob;

/** A subclient of an online client with a completed backup, and when its first one ended. */
function restorable(): { sc: Subclient; firstBackupEnd: number } {
  for (const sc of sim.data.subclients) {
    const client = sim.data.clients.find((c) => c.clientId === sc.clientId);
    if (!client?.online || client.clientId === sim.data.commServ.clientId) continue;
    const ends = sim.data.jobs.filter((j) => j.subclientId === sc.subclientId && j.jobType === 'Backup' && j.status === 'Completed').map((j) => j.endTime);
    if (ends.length > 0) return { sc, firstBackupEnd: Math.min(...ends) };
  }
  throw new Error('no restorable subclient in the dataset');
}

/** Another online client of the same company (an out-of-place destination). */
function otherClient(sc: Subclient) {
  const source = sim.data.clients.find((c) => c.clientId === sc.clientId)!;
  return sim.data.clients.find((c) => c.clientId !== sc.clientId && c.online && c.companyId === source.companyId)!;
}

function policyWithSecondary(): { policy: StoragePolicy; secondary: string; primary: string } {
  const policy = sim.data.storagePolicies.find((p) => p.companyId === 0 && p.copies.some((c) => c.copyType !== PRIMARY))!;
  return {
    policy,
    secondary: policy.copies.find((c) => c.copyType !== PRIMARY)!.copyName,
    primary: policy.copies.find((c) => c.copyType === PRIMARY)!.copyName,
  };
}

async function restoreInPlace(extra: Record<string, unknown> = {}, key: string = KEYS.admin): Promise<Answer> {
  return gql(RESTORE, { input: { subclient: gid('CommvaultSubclient', restorable().sc.subclientId), paths: ['C:\\data\\report.xlsx'], ...extra } }, key);
}

/** The started job reads RUNNING midway and COMPLETED once its run time has passed on the simulator clock. */
async function expectProgressToCompleted(jobId: number, jobType: string): Promise<void> {
  clockOffsetMs += 10_000;
  const midway = await readJob(jobId);
  expect(midway).toMatchObject({ status: 'RUNNING', jobType });
  expect(midway.percentComplete).toBeGreaterThan(0);
  expect(midway.percentComplete).toBeLessThan(100);
  clockOffsetMs += 60_000;
  expect(await readJob(jobId)).toMatchObject({ status: 'COMPLETED', jobType, percentComplete: 100 });
  expect(sim.data.jobs.find((j) => j.jobId === jobId)?.status).toBe('Completed');
}

/** The job list read right after the mutation shows the started job (the mutation dropped the cached lists). */
async function expectListed(jobId: number, jobType: string): Promise<void> {
  const list = await gql(JOB_LIST);
  expect(list.body.errors).toBeUndefined();
  expect(list.body.data.jobs.edges.map((e: any) => e.node)).toContainEqual({ jobId, jobType, status: 'RUNNING' });
}

beforeAll(async () => {
  sim = await startCommvaultSimulator({ port: 0, now: () => Date.now() + clockOffsetMs });
  const base = {
    callers: CALLERS,
    logLevel: 'silent',
    server: { port: 0 },
    store: { enabled: false },
    upstreams: [
      { id: CV, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin' },
      { id: CV_SLOW, kind: 'commvault', url: sim.url, username: 'admin', password: 'admin', timeoutMs: 400, rateLimit: { queueTimeoutMs: 200 } },
    ],
  };
  gateway = await createGateway(parseConfig(base, {}));
  url = await gateway.listen();
  observer = await createGateway(parseConfig({ ...base, cache: { ttlMs: { jobsRunning: 0, jobsFinished: 0 } } }, {}));
  observerUrl = await observer.listen();
});

afterAll(async () => {
  await observer?.stop();
  await gateway?.stop();
  await sim?.close();
});

beforeEach(() => {
  sim.reset();
});

describe('restoreFiles', () => {
  it('restores in place: one CreateTask, a Restore job of the subclient that the job list shows right after', async () => {
    await gql(JOB_LIST);
    const { sc } = restorable();
    const res = await restoreInPlace({ overwrite: true });
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.restoreFiles.jobs;
    const client = sim.data.clients.find((c) => c.clientId === sc.clientId)!;
    expect(job).toMatchObject({ jobType: 'Restore', status: 'RUNNING', subclient: { id: gid('CommvaultSubclient', sc.subclientId) }, destinationClientName: client.clientName });
    expect(tasks()).toBe(1);
    expect(sim.data.jobs.find((j) => j.jobId === job.jobId)).toMatchObject({ jobType: 'Restore', subclientId: sc.subclientId });
    await expectListed(job.jobId, 'Restore');
  });

  it('restores out of place to another client of the same CommServe', async () => {
    const { sc } = restorable();
    const dest = otherClient(sc);
    const res = await gql(RESTORE, {
      input: { subclient: gid('CommvaultSubclient', sc.subclientId), paths: ['/srv/www'], inPlace: false, destinationClient: gid('CommvaultClient', dest.clientId), destinationPath: '/restore' },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.restoreFiles.jobs[0]).toMatchObject({ jobType: 'Restore', destinationClientName: dest.clientName });
    expect(sim.data.jobs.find((j) => j.jobId === res.body.data.restoreFiles.jobs[0].jobId)?.destClientId).toBe(dest.clientId);
  });

  it('restores as of a point in time after the first backup', async () => {
    const { firstBackupEnd } = restorable();
    const res = await restoreInPlace({ pointInTime: new Date((firstBackupEnd + 60) * 1000).toISOString() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.restoreFiles.jobs).toHaveLength(1);
  });

  it('lets the restore progress to COMPLETED on the simulator clock', async () => {
    const res = await restoreInPlace();
    await expectProgressToCompleted(res.body.data.restoreFiles.jobs[0].jobId, 'Restore');
  });

  it('refuses an unknown subclient or destination client with NOT_FOUND and sends no task', async () => {
    const unknown = await gql(RESTORE, { input: { subclient: gid('CommvaultSubclient', 999_999), paths: ['C:\\a'] } });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const noDest = await gql(RESTORE, {
      input: { subclient: gid('CommvaultSubclient', restorable().sc.subclientId), paths: ['C:\\a'], inPlace: false, destinationClient: gid('CommvaultClient', 999_999), destinationPath: 'D:\\r' },
    });
    expect(codes(noDest)).toEqual(['NOT_FOUND']);
    expect(tasks()).toBe(0);
  });

  it('refuses bad paths and mixed or incomplete destinations with BAD_USER_INPUT before any call', async () => {
    const sc = gid('CommvaultSubclient', restorable().sc.subclientId);
    const dest = gid('CommvaultClient', otherClient(restorable().sc).clientId);
    const inputs = [
      { paths: [] },
      { paths: Array.from({ length: 1001 }, (_, i) => `C:\\f${i}`) },
      { paths: ['C:\\a', '  '] },
      { paths: ['C:\\a'], destinationPath: 'D:\\r' },
      { paths: ['C:\\a'], inPlace: true, destinationClient: dest },
      { paths: ['C:\\a'], inPlace: false, destinationClient: dest },
      { paths: ['C:\\a'], inPlace: false, destinationPath: 'D:\\r' },
      { paths: ['C:\\a'], inPlace: false, destinationClient: dest, destinationPath: ' ' },
      { paths: ['C:\\a'], inPlace: false, destinationClient: gid('CommvaultClient', otherClient(restorable().sc).clientId, CV_SLOW), destinationPath: 'D:\\r' },
    ];
    for (const input of inputs) {
      const res = await gql(RESTORE, { input: { subclient: sc, ...input } });
      expect(codes(res), JSON.stringify(input).slice(0, 80)).toEqual(['BAD_USER_INPUT']);
    }
    expect(sim.stats().total).toBe(0);
  });

  it('passes the CommServe refusal of a time before the first backup on as UPSTREAM_ERROR with its message', async () => {
    const { firstBackupEnd } = restorable();
    const res = await restoreInPlace({ pointInTime: new Date((firstBackupEnd - 86_400) * 1000).toISOString() });
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['UPSTREAM_ERROR']);
    expect(res.body.errors?.[0].message).toMatch(/There is no backup data to restore in the selected time range/);
    expect(tasks()).toBe(1);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call when the answer is lost after the CommServe ran it', async () => {
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const before = sim.data.jobs.length;
    const res = await gql(RESTORE, { input: { subclient: gid('CommvaultSubclient', restorable().sc.subclientId, CV_SLOW), paths: ['C:\\a'] } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(res.body.errors?.[0].message).toMatch(/check the job list/);
    expect(tasks()).toBe(1);
    expect(sim.data.jobs.length).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 800));
    expect(tasks()).toBe(1);
  });
});

describe('runAuxCopy', () => {
  it('copies to every copy by default: an Aux Copy job of the policy that the job list shows right after', async () => {
    await gql(JOB_LIST);
    const { policy } = policyWithSecondary();
    const res = await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultStoragePolicy', policy.storagePolicyId) } });
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.runAuxCopy.jobs;
    expect(job).toMatchObject({ jobType: 'Aux Copy', status: 'RUNNING', storagePolicy: { id: gid('CommvaultStoragePolicy', policy.storagePolicyId), name: policy.storagePolicyName } });
    expect(tasks()).toBe(1);
    await expectListed(job.jobId, 'Aux Copy');
  });

  it('copies to one named secondary copy and the job progresses to COMPLETED', async () => {
    const { policy, secondary } = policyWithSecondary();
    const res = await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultStoragePolicy', policy.storagePolicyId), copy: secondary } });
    expect(res.body.errors).toBeUndefined();
    await expectProgressToCompleted(res.body.data.runAuxCopy.jobs[0].jobId, 'Aux Copy');
  });

  it('refuses an unknown policy or copy with NOT_FOUND and an empty copy name with BAD_USER_INPUT, sending no task', async () => {
    const { policy } = policyWithSecondary();
    expect(codes(await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultStoragePolicy', 999) } }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultStoragePolicy', policy.storagePolicyId), copy: 'No Such Copy' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultStoragePolicy', policy.storagePolicyId), copy: '' } }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultClient', 2) } }))).toEqual(['BAD_USER_INPUT']);
    expect(tasks()).toBe(0);
  });

  it('passes the refusal of an aux copy to the primary copy on as UPSTREAM_ERROR with its message', async () => {
    const { policy, primary } = policyWithSecondary();
    const res = await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultStoragePolicy', policy.storagePolicyId), copy: primary } });
    expect(codes(res)).toEqual(['UPSTREAM_ERROR']);
    expect(res.body.errors?.[0].message).toContain(`Copy [${primary}] is the primary copy of storage policy [${policy.storagePolicyName}]`);
    expect(tasks()).toBe(1);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call on a 502 after the write', async () => {
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const res = await gql(AUX_COPY, { input: { storagePolicy: gid('CommvaultStoragePolicy', policyWithSecondary().policy.storagePolicyId) } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(tasks()).toBe(1);
  });
});

describe('runDataAging', () => {
  it('ages every copy of the named CommServe: a Data Aging job that the job list shows right after', async () => {
    await gql(JOB_LIST);
    const res = await gql(DATA_AGING, { input: { upstream: CV } });
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.runDataAging.jobs;
    expect(job).toMatchObject({ jobType: 'Data Aging', status: 'RUNNING' });
    expect(tasks()).toBe(1);
    await expectListed(job.jobId, 'Data Aging');
    await expectProgressToCompleted(job.jobId, 'Data Aging');
  });

  it('ages the copies named: the job is their policy\'s', async () => {
    const { policy, primary, secondary } = policyWithSecondary();
    const copies = [primary, secondary].map((copy) => ({ storagePolicy: gid('CommvaultStoragePolicy', policy.storagePolicyId), copy }));
    const res = await gql(DATA_AGING, { input: { copies } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.runDataAging.jobs[0]).toMatchObject({ jobType: 'Data Aging', storagePolicy: { name: policy.storagePolicyName } });
  });

  it('refuses a missing CommServe, empty, repeated or mixed-CommServe copies with BAD_USER_INPUT and unknown copies with NOT_FOUND', async () => {
    const { policy, primary } = policyWithSecondary();
    const copy = (c: string, upstream = CV) => ({ storagePolicy: gid('CommvaultStoragePolicy', policy.storagePolicyId, upstream), copy: c });
    for (const input of [{}, { copies: [] }, { copies: [copy(primary), copy(primary.toUpperCase())] }, { copies: [copy(primary), copy(primary, CV_SLOW)] }, { upstream: CV_SLOW, copies: [copy(primary)] }]) {
      expect(codes(await gql(DATA_AGING, { input })), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await gql(DATA_AGING, { input: { copies: [copy('No Such Copy')] } }))).toEqual(['NOT_FOUND']);
    expect(tasks()).toBe(0);
  });

  it('passes a CommServe refusal on as UPSTREAM_ERROR with its message', async () => {
    sim.setFaults({ errList: { count: 1 } });
    const res = await gql(DATA_AGING, { input: { upstream: CV } });
    expect(codes(res)).toEqual(['UPSTREAM_ERROR']);
    expect(res.body.errors?.[0].message).toMatch(/Simulated failure: the CommServe could not complete the request/);
    expect(tasks()).toBe(1);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call when the answer is lost after the CommServe ran it', async () => {
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const res = await gql(DATA_AGING, { input: { upstream: CV_SLOW } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(tasks()).toBe(1);
  });
});

describe('roles and idempotency', () => {
  it.each([
    ['restoreFiles', () => [RESTORE, { subclient: gid('CommvaultSubclient', restorable().sc.subclientId), paths: ['C:\\a'] }] as const],
    ['runAuxCopy', () => [AUX_COPY, { storagePolicy: gid('CommvaultStoragePolicy', policyWithSecondary().policy.storagePolicyId) }] as const],
    ['runDataAging', () => [DATA_AGING, { upstream: CV }] as const],
  ])('refuses %s to analysts and frontends without the grant with FORBIDDEN, HTTP 403, and no upstream call', async (_name, make) => {
    const [document, input] = make();
    for (const key of [KEYS.analyst, KEYS.frontend]) {
      const res = await gql(document, { input }, key);
      expect(res.status).toBe(403);
      expect(codes(res)).toEqual(['FORBIDDEN']);
    }
    expect(sim.stats().total).toBe(0);
  });

  it('answers a repeated idempotencyKey with the first restore and no second task', async () => {
    const first = await restoreInPlace({ idempotencyKey: 'restore-once' });
    const again = await restoreInPlace({ idempotencyKey: 'restore-once' });
    expect(first.body.errors).toBeUndefined();
    expect(again.body).toEqual(first.body);
    expect(tasks()).toBe(1);
  });
});

describe('the simulator\'s POST /CreateTask', () => {
  let token: string;
  const post = async (body: unknown) => {
    const res = await fetch(`${sim.url}/CreateTask`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authtoken: token }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const task = (operationType: number, associations: unknown[], options: unknown = {}) => ({
    taskInfo: { associations, task: { taskType: 1 }, subTasks: [{ subTask: { subTaskType: 1, operationType }, options }] },
  });

  beforeAll(async () => {
    const res = await fetch(`${sim.url}/Login`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 4, username: 'acme', password: Buffer.from('acme').toString('base64') }),
    });
    token = ((await res.json()) as { token: string }).token;
  });

  it('refuses an operation type it does not know with errorCode and errorMessage at HTTP 200', async () => {
    const res = await post(task(9999, []));
    expect(res).toEqual({ status: 200, body: { errorCode: 2, errorMessage: 'Operation type [9999] is not supported by this task request.' } });
  });

  it('refuses names the user cannot see as not found, as Commvault does', async () => {
    const globex = sim.data.storagePolicies.find((p) => p.companyId === 2)!;
    const aux = await post(task(4003, [{ storagePolicyName: globex.storagePolicyName, copyName: '' }], { backupOpts: { mediaOpt: { auxcopyJobOption: { allCopies: true } } } }));
    expect(aux.body).toEqual({ errorCode: 2, errorMessage: `Storage policy [${globex.storagePolicyName}] not found.` });
    const restore = await post(task(1001, [{ clientName: 'nosuch', appName: 'Windows File System', backupsetName: 'defaultBackupSet', subclientName: 'default' }], { restoreOptions: { fileOption: { sourceItem: ['C:\\a'] } } }));
    expect(restore.body.errorMessage).toBe('Subclient [nosuch/Windows File System/defaultBackupSet/default] not found.');
    const aging = await post(task(4018, [], { adminOpts: { dataAgingOption: { selectCopies: true, archiveGroupCopy: [] } } }));
    expect(aging.body.errorMessage).toBe('No storage policy copies are selected for data aging.');
  });

  it('starts a job for the task with jobIds as strings', async () => {
    const own = sim.data.storagePolicies.find((p) => p.companyId === 1 && p.copies.some((c) => c.copyType !== PRIMARY))!;
    const res = await post(task(4003, [{ storagePolicyName: own.storagePolicyName, copyName: '' }], { backupOpts: { mediaOpt: { auxcopyJobOption: { allCopies: true } } } }));
    expect(res.body).toEqual({ taskId: expect.any(Number), jobIds: [expect.stringMatching(/^\d+$/)] });
    expect(sim.data.jobs.find((j) => j.jobId === Number(res.body.jobIds[0]))).toMatchObject({ jobType: 'Aux Copy', userName: 'acme', storagePolicyId: own.storagePolicyId });
  });
});
