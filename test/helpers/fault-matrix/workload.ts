import type { BackupDrSimulator } from '../../../simulators/backupdr/index.js';
import type { CommvaultSimulator } from '../../../simulators/commvault/index.js';
import { toGlobalId } from '../../../src/util/global-id.js';
import { ADMIN_KEY, UPSTREAM_IDS, type MatrixEnvironment, type MatrixUpstream, type UpstreamId } from './environment.js';

/**
 * Longest an answer may take before the request counts as hung (the client gives up and the cell
 * fails). A hang guard, not a speed target: one upstream call's deadline is queue wait 300 ms + timeout
 * 2 s, a login may add another; the measured figures are the bench's (`--only=faults`).
 */
export const ANSWER_BOUND_MS = 8_000;

/** One query touching every upstream: each alias asks one upstream only, so a failure names its own field. */
export const MATRIX_QUERY = /* GraphQL */ `
  query FaultMatrix($n: Int!) {
    cv: jobs(first: $n, filter: { upstream: ["cv"] }) { totalCount edges { node { id } } }
    cloud: jobs(first: $n, filter: { upstream: ["cloud"] }) { totalCount edges { node { id } } }
    bdr: jobs(first: $n, filter: { upstream: ["bdr"] }) { totalCount edges { node { id } } }
  }
`;

export interface GraphQLAnswer {
  status: number;
  body: {
    data?: Record<string, { totalCount: number | null; edges: unknown[] } | null> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  };
  ms: number;
}

/** POSTs one operation; rejects when no answer came within `ANSWER_BOUND_MS` (the gateway hung). */
export async function post(env: MatrixEnvironment, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const started = performance.now();
  const res = await fetch(`${env.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(ANSWER_BOUND_MS),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  try {
    return { status: res.status, body: JSON.parse(text) as GraphQLAnswer['body'], ms };
  } catch {
    throw new Error(`gateway answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
  }
}

/** The public codes of an answer's errors about one upstream's field (path[0] is the alias). */
export function codesFor(answer: GraphQLAnswer, id: UpstreamId): string[] {
  return (answer.body.errors ?? []).filter((e) => e.path?.[0] === id).map((e) => String(e.extensions?.code));
}

/**
 * What is wrong with the data of the upstreams other than `faulted` (every upstream when null): an
 * error on its field, a missing list, or a count the simulator does not hold (read before and after the
 * answer, as a write may land in between).
 */
export function othersProblems(answer: GraphQLAnswer, env: MatrixEnvironment, faulted: UpstreamId | null, n: number, countsBefore: Record<UpstreamId, number>): string[] {
  const problems: string[] = [];
  if (answer.status !== 200) problems.push(`HTTP ${answer.status}`);
  for (const id of UPSTREAM_IDS) {
    if (id === faulted) continue;
    const errors = codesFor(answer, id);
    if (errors.length > 0) problems.push(`${id}: ${errors.join(', ')}`);
    const list = answer.body.data?.[id];
    const now = env.upstreams[id].jobCount();
    if (!list) problems.push(`${id}: no data`);
    else if (list.totalCount === null || list.totalCount < countsBefore[id] || list.totalCount > now) problems.push(`${id}: totalCount ${list.totalCount}, simulator holds ${countsBefore[id]}..${now}`);
    else if (list.edges.length !== Math.min(n, list.totalCount)) problems.push(`${id}: ${list.edges.length} edges for first ${n}`);
  }
  return problems;
}

export function jobCounts(env: MatrixEnvironment): Record<UpstreamId, number> {
  return { cv: env.upstreams.cv.jobCount(), cloud: env.upstreams.cloud.jobCount(), bdr: env.upstreams.bdr.jobCount() };
}

/** A mutation that starts a job on one upstream, and how to count the jobs it really started. */
export interface MatrixMutation {
  document: string;
  variables(idempotencyKey: string): Record<string, unknown>;
  /** Jobs of this mutation the simulator has started (carried-out writes, whatever the answers said). */
  applied(): number;
}

const BACKUP_SUBCLIENT = /* GraphQL */ `mutation ($input: BackupSubclientInput!) { backupSubclient(input: $input) { jobs { jobId } } }`;
const BACKUP_APPLICATION = /* GraphQL */ `mutation ($input: BackupApplicationInput!) { backupApplication(input: $input) { label jobFound } }`;

/**
 * A backup on `up` labelled by `tag` (unique per mutation of a run): a subclient backup on Commvault, an
 * application backup on a console. `nth` picks the subclient (application): the mutations of one cell
 * each take their own, since a subclient backup carries no label and is told apart by its subclient.
 */
export function mutationFor(up: MatrixUpstream, tag: string, nth = 0): MatrixMutation {
  if (up.kind === 'backupdr') {
    const sim = up.sim as BackupDrSimulator;
    const apps = sim.data.applications.filter((a) => a.slaId !== null && a.apptype !== 'ConsistGrp');
    const app = apps[nth % Math.max(1, apps.length)];
    if (!app) throw new Error('no protected application in the console simulator');
    const label = `fault-${tag}`;
    return {
      document: BACKUP_APPLICATION,
      variables: (idempotencyKey) => ({ input: { application: toGlobalId('BackupDrApplication', up.id, app.id), label, idempotencyKey } }),
      applied: () => sim.data.jobs.filter((j) => j.label === label).length,
    };
  }
  const sim = up.sim as CommvaultSimulator;
  const backupable = sim.data.subclients.filter((s) => s.enableBackup && sim.data.clients.find((c) => c.clientId === s.clientId)?.online);
  const sc = backupable[nth % Math.max(1, backupable.length)];
  if (!sc) throw new Error('no backupable subclient in the Commvault simulator');
  // A subclient backup carries no label: the jobs started for the subclient after this point are its.
  const firstJobId = Math.max(0, ...sim.data.jobs.map((j) => j.jobId)) + 1;
  return {
    document: BACKUP_SUBCLIENT,
    variables: (idempotencyKey) => ({ input: { subclient: toGlobalId('CommvaultSubclient', up.id, sc.subclientId), level: 'INCREMENTAL', idempotencyKey } }),
    applied: () => sim.data.jobs.filter((j) => j.subclientId === sc.subclientId && j.jobId >= firstJobId && j.jobType === 'Backup').length,
  };
}

/** The mutation's outcome as a short word: `ok`, or its first error code. */
export function outcomeOf(answer: GraphQLAnswer): string {
  const code = answer.body.errors?.[0]?.extensions?.code;
  return code === undefined ? 'ok' : String(code);
}
