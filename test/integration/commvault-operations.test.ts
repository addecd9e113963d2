import { beforeAll, describe, expect, it } from 'vitest';
import 'reflect-metadata';
import type { CommvaultSimulator } from '../../simulators/commvault/index.js';
import { BackupSubclientDocument } from '../../src/generated/operations/graphql.js';
import { toGlobalId } from '../../src/util/global-id.js';
import { useAuditedCommvaultGateway } from '../helpers/audited-commvault-gateway.js';

/**
 * The Commvault mutations end to end: real HTTP to a gateway, real HTTP from it to the simulator.
 * The simulator runs on a clock the tests move, so a started job's progress is decided, not waited for.
 */
const KEYS = { admin: 'k-admin', analyst: 'k-analyst', granted: 'k-granted', frontend: 'k-frontend', partner: 'k-partner' } as const;
const CALLERS = [
  { id: 'admin', apiKey: KEYS.admin, role: 'admin' },
  { id: 'analyst', apiKey: KEYS.analyst, role: 'analyst' },
  { id: 'granted', apiKey: KEYS.granted, role: 'analyst', mutations: true },
  { id: 'frontend', apiKey: KEYS.frontend, role: 'frontend' },
  { id: 'partner', apiKey: KEYS.partner, role: 'partner' },
];
const CV = 'cv';
/** The same simulator with a timeout the afterWrite fault outlasts. */
const CV_SLOW = 'cv-slow';

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, any> }> };
}

let sim: CommvaultSimulator;
let clockOffsetMs = 0;
const auditLines: Array<Record<string, any>> = [];
const cv = useAuditedCommvaultGateway({
  auditLines,
  upstreamId: CV,
  simulator: { now: () => Date.now() + clockOffsetMs },
  callers: CALLERS,
  slowTwin: { id: CV_SLOW, timeoutMs: 400 },
});
beforeAll(() => {
  sim = cv.sim;
});

async function gql(query: string, variables: Record<string, unknown> = {}, key: string = KEYS.admin, extra: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(`${cv.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables, ...extra }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const codes = (a: Answer) => (a.body.errors ?? []).map((e) => e.extensions?.code);
const writes = () => Object.entries(sim.stats().byRoute).filter(([route]) => route.includes('/action/')).reduce((n, [, c]) => n + (c as number), 0);

const BACKUP = /* GraphQL */ `
  mutation Backup($input: BackupSubclientInput!) {
    backupSubclient(input: $input) { jobs { id jobId status backupLevel percentComplete phase subclient { id } } }
  }
`;
const CONTROL = /* GraphQL */ `
  mutation Control($input: ControlJobsInput!) {
    controlJobs(input: $input) {
      results {
        jobId ok
        job { id status ... on CommvaultJob { jobId statusText } }
        resubmittedJob { id status ... on CommvaultJob { jobId } }
        error { code message }
      }
    }
  }
`;
const JOB_IDS = /* GraphQL */ `{ jobs(first: 50) { edges { node { ... on CommvaultJob { jobId status } } } } }`;

const subclientId = (upstream: string, id: number) => toGlobalId('CommvaultSubclient', upstream, id);
const jobGid = (id: number, upstream = CV) => toGlobalId('CommvaultJob', upstream, id);

function backupable(online = true) {
  const sc = sim.data.subclients.find((s) => s.enableBackup && sim.data.clients.find((c) => c.clientId === s.clientId)?.online === online);
  if (!sc) throw new Error('no such subclient in the seed');
  return sc;
}

async function startBackup(key: string = KEYS.admin, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await gql(BACKUP, { input: { subclient: subclientId(CV, backupable().subclientId), level: 'FULL', ...extra } }, key);
  expect(res.body.errors).toBeUndefined();
  return res.body.data.backupSubclient.jobs[0].jobId as number;
}

describe('the mutation root', () => {
  it('exists: `mutation { __typename }` answers Mutation', async () => {
    const res = await gql('mutation { __typename }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Mutation' } });
  });
});

describe('backupSubclient', () => {
  it('starts a job that the job list shows right after, although the list was cached before', async () => {
    const before = await gql(JOB_IDS);
    expect(before.body.errors).toBeUndefined();
    const sc = backupable();
    const res = await gql(BACKUP, { input: { subclient: subclientId(CV, sc.subclientId), level: 'FULL' } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const [job] = res.body.data.backupSubclient.jobs;
    expect(job).toMatchObject({ status: 'RUNNING', backupLevel: 'Full', subclient: { id: subclientId(CV, sc.subclientId) } });
    expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(1);

    const after = await gql(JOB_IDS);
    const ids = after.body.data.jobs.edges.map((e: any) => e.node.jobId);
    expect(ids).toContain(job.jobId);
    expect(ids).not.toEqual(before.body.data.jobs.edges.map((e: any) => e.node.jobId));
  });

  it('logs an audit line with caller, operation, target and outcome', async () => {
    const sc = backupable();
    const jobId = await startBackup();
    const line = auditLines.find((l) => l.component === 'audit');
    expect(line).toMatchObject({ level: 30, msg: 'mutation', caller: 'admin', operation: 'backupSubclient', targets: [subclientId(CV, sc.subclientId)], outcome: 'ok', jobIds: [jobId] });
  });

  it('lets the job progress on the simulator clock to COMPLETED, or FAILED on an offline client', async () => {
    const jobId = await startBackup();
    const offline = await gql(BACKUP, { input: { subclient: subclientId(CV, backupable(false).subclientId), level: 'INCREMENTAL' } });
    const failingId = offline.body.data.backupSubclient.jobs[0].jobId as number;
    clockOffsetMs += 10_000;
    const midway = await gql(`{ commvaultJob(upstream: "${CV}", jobId: ${jobId}) { status percentComplete phase } }`);
    // The mutation dropped cached job reads; this read is the first since then.
    expect(midway.body.data.commvaultJob.status).toBe('RUNNING');
    clockOffsetMs += 60_000;
    const ended = await gql(CONTROL, { input: { jobs: [jobGid(jobId), jobGid(failingId)], action: 'KILL' } });
    const [done, failed] = ended.body.data.controlJobs.results;
    expect(done).toMatchObject({ ok: false, error: { code: 'UPSTREAM_ERROR', message: expect.stringContaining(`Job [${jobId}] is already completed.`) } });
    expect(failed.ok).toBe(false);
    expect(sim.data.jobs.find((j) => j.jobId === jobId)?.status).toBe('Completed');
    expect(sim.data.jobs.find((j) => j.jobId === failingId)?.status).toBe('Failed');
  });

  it('refuses an unknown subclient with NOT_FOUND and a malformed or foreign id with BAD_USER_INPUT', async () => {
    const unknown = await gql(BACKUP, { input: { subclient: subclientId(CV, 999_999), level: 'FULL' } });
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
    const malformed = await gql(BACKUP, { input: { subclient: 'not-an-id', level: 'FULL' } });
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    const foreign = await gql(BACKUP, { input: { subclient: toGlobalId('CommvaultClient', CV, 2), level: 'FULL' } });
    expect(codes(foreign)).toEqual(['BAD_USER_INPUT']);
    const badLevel = await gql(BACKUP, { input: { subclient: subclientId(CV, 1), level: 'HUGE' } });
    expect(codes(badLevel)).toEqual(['BAD_USER_INPUT']);
    expect(writes()).toBe(1);
  });

  it('passes the upstream refusal on as UPSTREAM_ERROR with its own message', async () => {
    const disabled = sim.data.subclients.find((s) => !s.enableBackup)!;
    const res = await gql(BACKUP, { input: { subclient: subclientId(CV, disabled.subclientId), level: 'FULL' } });
    expect(codes(res)).toEqual(['UPSTREAM_ERROR']);
    expect(res.body.errors?.[0].message).toMatch(/Backup activity is disabled/);
    expect(res.status).toBe(200);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call when the answer is lost after the upstream ran it', async () => {
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const jobsBefore = sim.data.jobs.length;
    const res = await gql(BACKUP, { input: { subclient: subclientId(CV_SLOW, backupable().subclientId), level: 'FULL' } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(res.body.errors?.[0].message).toMatch(/check the job list/);
    expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(1);
    // It did run: the simulator holds the job.
    expect(sim.data.jobs.length).toBe(jobsBefore + 1);
    await new Promise((r) => setTimeout(r, 800));
    expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(1);
  });

  it('reports UPSTREAM_UNCERTAIN after exactly one call on a 502 after the write', async () => {
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const res = await gql(BACKUP, { input: { subclient: subclientId(CV, backupable().subclientId), level: 'INCREMENTAL' } });
    expect(codes(res)).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(sim.calls('POST /Subclient/{id}/action/backup')).toBe(1);
  });
});

describe('roles', () => {
  it('refuses analysts and frontends without the grant with FORBIDDEN, HTTP 403, and no upstream call', async () => {
    for (const key of [KEYS.analyst, KEYS.frontend]) {
      const res = await gql(BACKUP, { input: { subclient: subclientId(CV, backupable().subclientId), level: 'FULL' } }, key);
      expect(res.status).toBe(403);
      expect(codes(res)).toEqual(['FORBIDDEN']);
    }
    expect(sim.stats().total).toBe(0);
  });

  it('lets an analyst with callers[].mutations run them', async () => {
    await startBackup(KEYS.granted);
    expect(writes()).toBe(1);
  });

  it('lets partners run the trusted BackupSubclient document but no mutation text of their own', async () => {
    const documentId = (BackupSubclientDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    const trusted = await gql('', { subclient: subclientId(CV, backupable().subclientId), level: 'INCREMENTAL' }, KEYS.partner, { documentId, query: undefined });
    expect(trusted.body.errors, JSON.stringify(trusted.body.errors)).toBeUndefined();
    expect(trusted.body.data.backupSubclient.jobs).toHaveLength(1);
    const own = await gql(BACKUP, { input: { subclient: subclientId(CV, backupable().subclientId), level: 'FULL' } }, KEYS.partner);
    expect(own.status).toBe(403);
    expect(codes(own)).toEqual(['OPERATION_NOT_ALLOWED']);
    expect(writes()).toBe(1);
  });
});

describe('controlJobs', () => {
  it('pauses, resumes, kills and resubmits, answering the state after each action', async () => {
    const jobId = await startBackup();
    const act = async (action: string) => (await gql(CONTROL, { input: { jobs: [jobGid(jobId)], action } })).body.data.controlJobs.results[0];
    expect(await act('PAUSE')).toMatchObject({ jobId: jobGid(jobId), ok: true, job: { status: 'SUSPENDED' }, resubmittedJob: null, error: null });
    // Paused: no progress while the clock moves.
    const percent = sim.data.jobs.find((j) => j.jobId === jobId)!.percentComplete;
    clockOffsetMs += 5_000;
    await gql(`{ commvaultJob(upstream: "${CV}", jobId: ${jobId}) { status } }`);
    expect(sim.data.jobs.find((j) => j.jobId === jobId)!.percentComplete).toBe(percent);
    expect(await act('RESUME')).toMatchObject({ ok: true, job: { status: 'RUNNING' } });
    expect(await act('KILL')).toMatchObject({ ok: true, job: { status: 'KILLED' } });
    const again = await act('KILL');
    expect(again).toMatchObject({ ok: false, job: null, error: { code: 'UPSTREAM_ERROR' } });
    expect(again.error.message).toContain(`Job [${jobId}] is already completed.`);
    const resubmitted = await act('RESUBMIT');
    expect(resubmitted).toMatchObject({ ok: true, job: { status: 'KILLED' }, resubmittedJob: { status: 'RUNNING' } });
    expect(resubmitted.resubmittedJob.jobId).toBeGreaterThan(jobId);
  });

  it('answers one result per job in input order; an unknown job is NOT_FOUND and does not stop the others', async () => {
    const a = await startBackup();
    const b = await startBackup();
    const res = await gql(CONTROL, { input: { jobs: [jobGid(b), jobGid(9_999_999), jobGid(a)], action: 'PAUSE' } });
    const results = res.body.data.controlJobs.results;
    expect(results.map((r: any) => [r.jobId, r.ok, r.error?.code ?? null])).toEqual([
      [jobGid(b), true, null],
      [jobGid(9_999_999), false, 'NOT_FOUND'],
      [jobGid(a), true, null],
    ]);
  });

  it('refuses empty, over-long, repeated or malformed job lists with BAD_USER_INPUT before any call', async () => {
    const many = Array.from({ length: 101 }, (_, i) => jobGid(i + 1));
    for (const jobs of [[], many, [jobGid(1), jobGid(1)], ['junk'], [subclientId(CV, 1)]]) {
      const res = await gql(CONTROL, { input: { jobs, action: 'KILL' } });
      expect(codes(res), JSON.stringify(jobs).slice(0, 60)).toEqual(['BAD_USER_INPUT']);
    }
    expect(writes()).toBe(0);
  });

  it('gives UPSTREAM_UNCERTAIN for a job whose answer was lost after the action ran, after exactly one call', async () => {
    const jobId = await startBackup();
    sim.reset();
    sim.setFaults({ afterWrite: { count: 1, delayMs: 1_000 } });
    const res = await gql(CONTROL, { input: { jobs: [jobGid(jobId, CV_SLOW)], action: 'KILL' } });
    expect(res.body.data.controlJobs.results[0]).toMatchObject({ ok: false, error: { code: 'UPSTREAM_UNCERTAIN' } });
    expect(sim.calls('POST /Job/{id}/action/kill')).toBe(1);
    expect(sim.data.jobs.find((j) => j.jobId === jobId)?.status).toBe('Killed');
  });
});

describe('idempotencyKey', () => {
  it('gives two requests arriving at once with the same key one upstream call and the same payload', async () => {
    const input = { subclient: subclientId(CV, backupable().subclientId), level: 'FULL', idempotencyKey: 'same-time-1' };
    const [a, b] = await Promise.all([gql(BACKUP, { input }), gql(BACKUP, { input })]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body).toEqual(a.body);
    expect(writes()).toBe(1);
  });

  it('answers a later repeat with the first outcome and no call, and refuses the key with another input', async () => {
    const input = { subclient: subclientId(CV, backupable().subclientId), level: 'FULL', idempotencyKey: 'later-1' };
    const first = await gql(BACKUP, { input });
    const again = await gql(BACKUP, { input });
    expect(again.body).toEqual(first.body);
    expect(writes()).toBe(1);
    const other = await gql(BACKUP, { input: { ...input, level: 'INCREMENTAL' } });
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(writes()).toBe(1);
    // Keys are per caller: another caller's same key is its own operation.
    await gql(BACKUP, { input }, KEYS.granted);
    expect(writes()).toBe(2);
  });

  it('keeps an UPSTREAM_UNCERTAIN outcome: the repeat gets it again instead of a second write', async () => {
    sim.setFaults({ afterWrite: { count: 1, status: 502 } });
    const input = { subclient: subclientId(CV, backupable().subclientId), level: 'FULL', idempotencyKey: 'uncertain-1' };
    expect(codes(await gql(BACKUP, { input }))).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(codes(await gql(BACKUP, { input }))).toEqual(['UPSTREAM_UNCERTAIN']);
    expect(writes()).toBe(1);
  });
});
