import { describe, expect, it } from 'vitest';
import 'reflect-metadata';
import { executionAsyncId } from 'node:async_hooks';
import { toGlobalId } from '../../src/util/global-id.js';
import { accessLine } from '../helpers/gateway.js';
import { useOpsGateway } from '../helpers/ops-gateway.js';

/**
 * The request's trace reaches the pipeline through the request's views of its sources, not through
 * `AsyncLocalStorage` (docs/performance.md): on Node 20 an async context storage in use runs a hook on
 * every promise of the process. With promise hooks off, the continuations of one async function share
 * the async id of whatever started it; with them on, each gets a fresh one.
 */
async function promiseHooksOn(): Promise<boolean> {
  await null;
  const first = executionAsyncId();
  await null;
  return executionAsyncId() !== first;
}

const JOBS = '{ jobs(first: 20) { totalCount edges { node { id ... on CommvaultJob { jobId client { name } } } } } }';
const BACKUP = 'mutation($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { jobId } } }';

describe('request trace without an async context', () => {
  const env = useOpsGateway();

  it('counts a query\'s upstream calls on its access line while no promise hook runs', async () => {
    expect(await promiseHooksOn()).toBe(false);
    const before = env.sim.stats().total;
    const res = await env.gw.query(JOBS, {}, { apiKey: 'k-ops', headers: { 'x-request-id': 'trace-read-1' } });
    expect(res.body.errors).toBeUndefined();
    const sent = env.sim.stats().total - before;
    expect(sent).toBeGreaterThanOrEqual(2); // the login, then the job list (clients beside it)
    const access = await accessLine(env.lines, 'trace-read-1');
    expect(access.upstreamCalls).toBeGreaterThanOrEqual(2);
    expect(access.upstreamAttempts).toBe(sent);
    expect(await promiseHooksOn()).toBe(false);
  });

  it('runs an idempotent mutation once, and leaves no promise hook on once it is done', async () => {
    const sc = env.sim.data.subclients.find((s) => s.enableBackup && env.sim.data.clients.find((c) => c.clientId === s.clientId)?.online)!;
    const jobsBefore = env.sim.data.jobs.length;
    const res = await env.gw.query(
      BACKUP,
      { input: { subclient: toGlobalId('CommvaultSubclient', 'cv', sc.subclientId), level: 'FULL', idempotencyKey: 'trace-write-1' } },
      { apiKey: 'k-ops', headers: { 'x-request-id': 'trace-write-1' } },
    );
    expect(res.body.errors).toBeUndefined();
    expect(env.sim.data.jobs.length).toBe(jobsBefore + 1);
    const access = await accessLine(env.lines, 'trace-write-1');
    expect(access.operationType).toBe('mutation');
    expect(access.upstreamAttempts).toBeGreaterThanOrEqual(1);
    // The same key again: the kept outcome answers, nothing is sent twice.
    const again = await env.gw.query(
      BACKUP,
      { input: { subclient: toGlobalId('CommvaultSubclient', 'cv', sc.subclientId), level: 'FULL', idempotencyKey: 'trace-write-1' } },
      { apiKey: 'k-ops' },
    );
    expect(again.body).toEqual(res.body);
    expect(env.sim.data.jobs.length).toBe(jobsBefore + 1);
    expect(await promiseHooksOn()).toBe(false);
  });
});
