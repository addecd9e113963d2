/**
 * One pass of each collector: read the estate through the graph (collector-query.ts), write what was read
 * to the store by natural key, and answer what the alert rules should judge. One upstream at a time: an
 * upstream that fails or is deferred (its budget kept for callers) is left out of the pass and of the
 * snapshot, so a failed read never looks like a cleared condition.
 */
import { JobStatus } from '../datasources/domain.js';
import { capacitySamplesOf, forecastCapacity } from '../monitoring/forecast.js';
import type { ProtectionGap } from '../monitoring/protection.js';
import type { DdbStoreState, InfrastructureNodeState, JobState, StorageTargetState, UnprotectedWorkloadState, UpstreamSnapshot } from './alerts/snapshot.js';
import { ddbStoreState } from './alerts/snapshot-facts.js';
import { runCollectorQuery, type CollectorQueryDeps } from './collector-query.js';
import {
  APPLIANCES_DOCUMENT,
  CAPACITY_DOCUMENT,
  DDB_DOCUMENT,
  EVENTS_DOCUMENT,
  HEALTH_REPORT_DOCUMENT,
  JOBS_DOCUMENT,
  MEDIA_AGENTS_DOCUMENT,
  PROTECTION_DOCUMENT,
} from './documents/index.js';

/** What one collector read from one upstream. */
export interface UpstreamPass {
  upstreamId: string;
  upstreamCalls: number;
  /** The first error, when the read was not whole (then nothing of this upstream was written). */
  error: string | null;
  /** Set when every error was a call deferred for the callers' reserve: nothing failed, the pass waits for its next interval. */
  deferred?: true;
  /** The areas read, for the alert rules; absent when nothing is judged from this collector. */
  snapshot?: UpstreamSnapshot;
}

export interface PassInput {
  deps: CollectorQueryDeps;
  upstreamId: string;
  /** The pass's time: the start of its interval bucket (the samples' `at`). */
  at: number;
  /** The clock at the pass's start: forecasts and the jobs window are "now". */
  now: number;
}

const DAY_MS = 86_400_000;
const toMs = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

function failed(upstreamId: string, upstreamCalls: number, answer: { errors: readonly string[]; deferred: boolean }): UpstreamPass {
  return { upstreamId, upstreamCalls, error: answer.errors[0] ?? 'no answer', ...(answer.deferred ? { deferred: true } : {}) };
}

interface CapacityData {
  storagePools: Array<{ id: string; name: string; capacityBytes: number | null; freeBytes: number | null }>;
}

/** Capacity: one sample per storage target and interval bucket; then each target's forecast from the stored history. */
export async function collectCapacity(input: PassInput): Promise<UpstreamPass> {
  const { deps, upstreamId, at, now } = input;
  const answer = await runCollectorQuery<CapacityData>(deps, upstreamId, CAPACITY_DOCUMENT, { upstream: upstreamId });
  if (answer.errors.length > 0 || !answer.data) return failed(upstreamId, answer.upstreamCalls, answer);
  const pools = answer.data.storagePools;
  await deps.history.upsertStorageSamples(
    pools.map((p) => ({ upstreamId, targetId: p.id, at, resolution: 'raw' as const, totalBytes: p.capacityBytes, freeBytes: p.freeBytes, demo: false })),
  );
  const options = deps.config.monitoring.forecast;
  const forecasts = await Promise.all(
    pools.map(async (p) => {
      const rows = await deps.history.storageHistory({ upstreamId, targetId: p.id, since: now - options.windowDays * DAY_MS, until: now + 1 });
      return { targetId: p.id, name: p.name, forecast: forecastCapacity(capacitySamplesOf(rows), now, options) };
    }),
  );
  const storageTargets: StorageTargetState[] = pools.map((p) => ({ targetId: p.id, name: p.name, totalBytes: p.capacityBytes, freeBytes: p.freeBytes }));
  return { upstreamId, upstreamCalls: answer.upstreamCalls, error: null, snapshot: { upstreamId, storageTargets, forecasts } };
}

interface DdbData {
  commvaultDdbStores: Array<{ id: string; name: string; avgQiMicros: number | null; freeBytes: number | null; partitions: Array<{ avgQiMicros: number | null; online: boolean | null; freeBytes: number | null }> | null }>;
}

/** DDB health (Commvault only): one sample per store and bucket. */
export async function collectDdb(input: PassInput): Promise<UpstreamPass> {
  const { deps, upstreamId, at } = input;
  const answer = await runCollectorQuery<DdbData>(deps, upstreamId, DDB_DOCUMENT, { upstream: upstreamId });
  if (answer.errors.length > 0 || !answer.data) return failed(upstreamId, answer.upstreamCalls, answer);
  const ddbStores: DdbStoreState[] = answer.data.commvaultDdbStores.map((s) =>
    ddbStoreState(s.id, { name: s.name, avgQiMicros: s.avgQiMicros, partitions: s.partitions }),
  );
  await deps.history.upsertDdbSamples(
    answer.data.commvaultDdbStores.map((s, i) => ({
      upstreamId,
      storeId: s.id,
      at,
      resolution: 'raw' as const,
      qiTimeMicros: ddbStores[i]?.qiTimeMicros ?? null,
      freeBytes: s.freeBytes,
      online: ddbStores[i]?.online ?? null,
      demo: false,
    })),
  );
  return { upstreamId, upstreamCalls: answer.upstreamCalls, error: null, snapshot: { upstreamId, ddbStores } };
}

interface MediaAgentsData {
  commvaultMediaAgents: Array<{ id: string; name: string; online: boolean }>;
}
interface AppliancesData {
  backupDr: { appliances: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; name: string | null; stale: boolean | null } }> } | null } | null;
}

/** Most appliance pages one pass reads per console (a console has a handful). */
const MAX_APPLIANCE_PAGES = 10;

/**
 * The machines that move an upstream's backups, for the offline rule: a CommServe's MediaAgents, or a
 * console's appliances (an appliance the console lost contact with, `stale`, counts as offline, as in
 * `healthReport`'s MEDIA_AGENTS check). Nothing is written but the alerts.
 */
export async function collectInfrastructure(input: PassInput & { kind: 'mediaAgents' | 'appliances' }): Promise<UpstreamPass> {
  const { deps, upstreamId } = input;
  if (input.kind === 'mediaAgents') {
    const answer = await runCollectorQuery<MediaAgentsData>(deps, upstreamId, MEDIA_AGENTS_DOCUMENT, { upstream: upstreamId });
    if (answer.errors.length > 0 || !answer.data) return failed(upstreamId, answer.upstreamCalls, answer);
    const infrastructure = answer.data.commvaultMediaAgents.map((m) => ({ nodeId: m.id, name: m.name, noun: 'MediaAgent', online: m.online }));
    return { upstreamId, upstreamCalls: answer.upstreamCalls, error: null, snapshot: { upstreamId, infrastructure } };
  }
  const infrastructure: InfrastructureNodeState[] = [];
  let calls = 0;
  let after: string | null = null;
  for (let page = 0; page < MAX_APPLIANCE_PAGES; page++) {
    const answer: Awaited<ReturnType<typeof runCollectorQuery<AppliancesData>>> = await runCollectorQuery<AppliancesData>(deps, upstreamId, APPLIANCES_DOCUMENT, { upstream: upstreamId, first: deps.config.server.maxPageSize, after });
    calls += answer.upstreamCalls;
    const list = answer.data?.backupDr?.appliances;
    if (answer.errors.length > 0 || !list) return failed(upstreamId, calls, answer);
    for (const { node } of list.edges) infrastructure.push({ nodeId: node.id, name: node.name ?? node.id, noun: 'appliance', online: node.stale === null ? null : !node.stale });
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
  }
  return { upstreamId, upstreamCalls: calls, error: null, snapshot: { upstreamId, infrastructure } };
}

interface ProtectionData {
  unprotectedWorkloads: Array<{ gap: ProtectionGap; failedBackupCount: number; workload: { id: string; name: string } }>;
}

/**
 * Workloads without a successful backup started in the last `alerts.rules.unprotected.hours`, for the
 * WORKLOAD_UNPROTECTED rule. With the rule off nothing is read, and the empty answer resolves its alerts.
 */
export async function collectProtection(input: PassInput): Promise<UpstreamPass> {
  const { deps, upstreamId } = input;
  const rule = deps.config.alerts.rules.unprotected;
  if (!rule.enabled) return { upstreamId, upstreamCalls: 0, error: null, snapshot: { upstreamId, unprotectedWorkloads: [] } };
  const answer = await runCollectorQuery<ProtectionData>(deps, upstreamId, PROTECTION_DOCUMENT, { upstream: upstreamId, hours: rule.hours });
  if (answer.errors.length > 0 || !answer.data) return failed(upstreamId, answer.upstreamCalls, answer);
  const unprotectedWorkloads: UnprotectedWorkloadState[] = answer.data.unprotectedWorkloads.map((w) => ({
    workloadId: w.workload.id,
    name: w.workload.name,
    gap: w.gap,
    failedBackupCount: w.failedBackupCount,
  }));
  return { upstreamId, upstreamCalls: answer.upstreamCalls, error: null, snapshot: { upstreamId, unprotectedWorkloads } };
}

interface JobNode {
  id: string;
  status: JobStatus;
  jobType: string | null;
  startedAt: string | null;
  endedAt: string | null;
  sizeBytes: number | null;
  jobId?: number;
  elapsedSeconds?: number | null;
  subclient?: { clientName: string | null } | null;
  jobName?: string | null;
  appName?: string | null;
  durationSeconds?: number | null;
}
interface JobsData {
  jobs: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: JobNode }> };
}

/** Most job pages one pass reads per upstream; the next pass goes on from its own window. */
const MAX_JOB_PAGES = 20;
const FINISHED: ReadonlySet<JobStatus> = new Set([JobStatus.COMPLETED, JobStatus.COMPLETED_WITH_ERRORS, JobStatus.FAILED, JobStatus.KILLED]);

/**
 * Jobs started since `since` (the last pass less the overlap, and at least the failed-jobs window, so the
 * rule sees every failure it judges): finished ones are written as outcomes (upserted by job id, so the
 * overlap rewrites, never duplicates), all of them go to the rules.
 */
export async function collectJobs(input: PassInput & { since: number }): Promise<UpstreamPass> {
  const { deps, upstreamId, now, since } = input;
  const windowMs = deps.config.alerts.rules.failedJobs.windowHours * 3_600_000;
  const first = deps.config.server.maxPageSize;
  const nodes: JobNode[] = [];
  let calls = 0;
  let after: string | null = null;
  for (let page = 0; page < MAX_JOB_PAGES; page++) {
    const answer: Awaited<ReturnType<typeof runCollectorQuery<JobsData>>> = await runCollectorQuery<JobsData>(deps, upstreamId, JOBS_DOCUMENT, { upstream: upstreamId, since: new Date(since).toISOString(), first, after });
    calls += answer.upstreamCalls;
    if (answer.errors.length > 0 || !answer.data) return failed(upstreamId, calls, answer);
    nodes.push(...answer.data.jobs.edges.map((e) => e.node));
    if (!answer.data.jobs.pageInfo.hasNextPage) break;
    after = answer.data.jobs.pageInfo.endCursor;
  }
  // The workload a job backs up: a Commvault job's client, a console job's application.
  const workloadOf = (j: JobNode): string | null => j.subclient?.clientName ?? j.appName ?? null;
  const outcomes = nodes
    .filter((j) => FINISHED.has(j.status))
    .map((j) => {
      const startedAt = toMs(j.startedAt);
      const endedAt = toMs(j.endedAt);
      const duration = j.elapsedSeconds ?? j.durationSeconds ?? (startedAt !== null && endedAt !== null ? Math.round((endedAt - startedAt) / 1000) : null);
      return { upstreamId, jobId: j.id, status: j.status, jobType: j.jobType, workloadId: null, workloadName: workloadOf(j), startedAt, endedAt, bytes: j.sizeBytes, durationSeconds: duration, demo: false };
    });
  await deps.history.upsertJobOutcomes(outcomes);
  const jobs: JobState[] = nodes.map((j) => ({
    jobId: j.id,
    label: j.jobId !== undefined ? String(j.jobId) : (j.jobName ?? j.id),
    status: j.status,
    jobType: j.jobType,
    workloadName: workloadOf(j),
    startedAt: toMs(j.startedAt),
    endedAt: toMs(j.endedAt),
  }));
  // The rule judges the whole failed-jobs window: what this pass read, plus the failures the store kept
  // from earlier passes (the upstream is read only since the last pass).
  const read = new Set(jobs.map((j) => j.jobId));
  const kept = await deps.history.jobOutcomes({ since: now - windowMs, until: now + 1, upstreamIds: [upstreamId], statuses: [JobStatus.FAILED, JobStatus.KILLED] });
  for (const o of kept) {
    if (read.has(o.jobId)) continue;
    jobs.push({ jobId: o.jobId, label: o.jobId, status: o.status as JobStatus, jobType: o.jobType, workloadName: o.workloadName, startedAt: o.startedAt, endedAt: o.endedAt });
  }
  return { upstreamId, upstreamCalls: calls, error: null, snapshot: { upstreamId, jobs } };
}

interface EventsData {
  events: { edges: Array<{ node: { id: string; occurredAt: string | null; severity: string | null; message: string | null } }> };
}

/** Most events one pass keeps per upstream (newest first); a busier upstream's older ones come with the overlap next time. */
const EVENTS_PER_PASS = 500;

/** Events since the last pass less the overlap, upserted by event id. Nothing for the rules. */
export async function collectEvents(input: PassInput & { since: number }): Promise<UpstreamPass> {
  const { deps, upstreamId } = input;
  const first = Math.min(EVENTS_PER_PASS, deps.config.server.maxPageSize);
  const answer = await runCollectorQuery<EventsData>(deps, upstreamId, EVENTS_DOCUMENT, { upstream: upstreamId, since: new Date(input.since).toISOString(), first });
  if (answer.errors.length > 0 || !answer.data) return failed(upstreamId, answer.upstreamCalls, answer);
  await deps.history.upsertEvents(
    answer.data.events.edges
      .map((e) => e.node)
      .filter((n) => n.occurredAt !== null)
      .map((n) => ({ upstreamId, eventId: n.id, occurredAt: Date.parse(n.occurredAt as string), severity: n.severity ?? 'INFO', message: n.message ?? '', objectId: null, demo: false })),
  );
  return { upstreamId, upstreamCalls: answer.upstreamCalls, error: null };
}

interface HealthData {
  healthReport: { status: string; checks: Array<{ area: string; status: string; figure: number | null; message: string; upstream: { id: string } }> };
}

/** The health report of every upstream, kept per hour bucket (`at`). Its checks say per upstream what failed. */
export async function collectHealthReport(input: Omit<PassInput, 'upstreamId'>): Promise<UpstreamPass> {
  const { deps, at } = input;
  const answer = await runCollectorQuery<HealthData>(deps, undefined, HEALTH_REPORT_DOCUMENT, {});
  if (!answer.data) return failed(ALL_UPSTREAMS, answer.upstreamCalls, answer);
  const { status, checks } = answer.data.healthReport;
  await deps.history.upsertHealthReport({ at, status, checks: checks.map((c) => ({ upstreamId: c.upstream.id, area: c.area, status: c.status, figure: c.figure, message: c.message })), demo: false });
  return { upstreamId: ALL_UPSTREAMS, upstreamCalls: answer.upstreamCalls, error: null };
}

/** The upstream id a pass over all upstreams is recorded under. */
export const ALL_UPSTREAMS = '*';
