import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackupDrSimulator, type BackupDrSimulator } from '../../simulators/backupdr/index.js';
import { fetchAnswer, type Answer } from '../helpers/simulator-http.js';

/** The console simulator's running jobs progress over its clock, which these tests move by hand. */
const DURATION_MS = 10_000;
let sim: BackupDrSimulator;
let clockMs = Date.now();
let session: string;
/** The jobs the simulator generated as running, taken before any clock move. */
let seeded: BackupDrSimulator['data']['jobs'];

async function call(path: string, method = 'GET', body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: 'Bearer admin-token' };
  if (session) headers['backupdr-management-session'] = `Actifio ${session}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetchAnswer(`${sim.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

beforeAll(async () => {
  sim = await startBackupDrSimulator({ port: 0, now: () => clockMs, jobDurationMs: DURATION_MS });
  seeded = sim.data.jobs.filter((j) => j.status === 'running');
  session = (await call('/session', 'POST')).body?.session_id as string;
});

afterAll(async () => {
  await sim?.close();
});

async function startJob(): Promise<string> {
  const app = sim.data.applications.find((a) => a.managed && a.apptype === 'VMBackup');
  if (!app) throw new Error('no managed VM in the simulator data');
  expect((await call(`/application/${app.id}/backup`, 'POST', { label: `progress-${clockMs}` })).status).toBe(204);
  return sim.data.jobs[sim.data.jobs.length - 1].id;
}

describe('console job progress', () => {
  it('moves a job started by POST /application/{id}/backup from 0 to succeeded over jobDurationMs', async () => {
    const id = await startJob();
    expect((await call(`/jobstatus/${id}`)).body).toMatchObject({ status: 'running', progress: 0 });
    clockMs += DURATION_MS / 4;
    expect((await call(`/jobstatus/${id}`)).body).toMatchObject({ status: 'running', progress: 25 });
    clockMs += DURATION_MS;
    const done = (await call(`/jobstatus/${id}`)).body;
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, message: 'Success' });
    expect(Number(done?.enddate)).toBe(clockMs * 1000);
  });

  it('lets seeded running jobs finish, and leaves a cancelled job as the cancel made it', async () => {
    expect(seeded.length).toBeGreaterThan(0);
    const cancelled = await startJob();
    expect((await call(`/job/${cancelled}`, 'PUT', { status: 'cancel' })).status).toBe(200);
    clockMs += DURATION_MS;
    await call('/jobstatus?limit=1');
    expect(seeded.every((j) => j.status === 'succeeded' && j.progress === 100)).toBe(true);
    expect((await call(`/jobstatus/${cancelled}`)).body).toMatchObject({ status: 'canceled' });
    expect(sim.data.jobs.filter((j) => j.status === 'queued').length).toBeGreaterThan(0);
  });
});
