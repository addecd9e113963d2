import { isActive, OP_TYPES, type BackupLevelName, type Job, type JobType } from '../data/types.js';
import {
  batchError, errListError, genericError, idParam, ok,
  type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext,
} from '../context.js';
import { jobDetail, jobSummary } from './job-shapes.js';

const LIST_ROOT = 'JobManager_JobListResponse';
const DEFAULT_LOOKUP_SECONDS = 31_536_000;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export const jobRoutes: RouteDef[] = [
  { method: 'GET', template: '/Job', handle: listJobs },
  { method: 'GET', template: '/Job/{id}', handle: getJob },
  { method: 'POST', template: '/Jobs', handle: postJobs },
  { method: 'POST', template: '/JobDetails', errorShape: errListError, errorRoot: 'JobManager_JobDetailResponse', handle: jobDetails },
  { method: 'POST', template: '/Job/{id}/action/pause', errorShape: batchError, handle: (req, ctx) => control(req, ctx, 'pause') },
  { method: 'POST', template: '/Job/{id}/action/resume', errorShape: batchError, handle: (req, ctx) => control(req, ctx, 'resume') },
  { method: 'POST', template: '/Job/{id}/action/kill', errorShape: batchError, handle: (req, ctx) => control(req, ctx, 'kill') },
  { method: 'POST', template: '/Job/{id}/action/Resubmit', handle: resubmit },
  { method: 'POST', template: '/Subclient/{id}/action/backup', handle: backup },
];

interface JobQuery {
  clientIds?: Set<number>;
  category: 'active' | 'finished' | 'all';
  /** undefined = every type. */
  types?: Set<JobType>;
  lookupSeconds: number;
}

function visibleJobs(ctx: SimContext, scope: Scope, q: JobQuery): Job[] {
  const since: number = ctx.nowS() - q.lookupSeconds;
  const out: Job[] = [];
  // The dataset is ascending by jobId, so walking it backwards yields newest first without sorting.
  for (let i = ctx.data.jobs.length - 1; i >= 0; i--) {
    const job: Job = ctx.data.jobs[i];
    if (!scope.company(job.companyId)) continue;
    if (q.clientIds && !q.clientIds.has(job.clientId)) continue;
    if (q.types && !q.types.has(job.jobType)) continue;
    const active: boolean = isActive(job.status);
    if (q.category === 'active' && !active) continue;
    if (q.category === 'finished' && active) continue;
    // The lookup window bounds finished jobs only; active ones always show.
    if (!active && job.endTime < since) continue;
    out.push(job);
  }
  return out;
}

/** `jobs` arrive newest first (see visibleJobs). */
function page(ctx: SimContext, jobs: Job[], offset: number, limit: number, descending = true): ApiResult {
  const sorted: Job[] = descending ? jobs : jobs.reverse();
  const slice: Job[] = sorted.slice(offset, offset + limit);
  const body: Record<string, unknown> = { totalRecordsWithoutPaging: jobs.length };
  // `jobs` is left out when empty (docs/upstreams/commvault.md §3.3).
  if (slice.length > 0) body.jobs = slice.map((j) => ({ jobSummary: jobSummary(ctx, j) }));
  return ok(body, LIST_ROOT);
}

function listJobs(req: ApiRequest, ctx: SimContext): ApiResult {
  const q = req.query;
  const category = (q.get('jobCategory') ?? 'All').toLowerCase();
  const clientId = q.int('clientId');
  const jobs = visibleJobs(ctx, req.scope as Scope, {
    clientIds: clientId !== undefined && clientId > 0 ? new Set([clientId]) : undefined,
    category: category === 'active' ? 'active' : category === 'finished' ? 'finished' : 'all',
    // Absent jobFilter means backups only; an empty one means every type (docs/upstreams/commvault.md §3.1).
    types: q.has('jobFilter') ? parseTypes(q.get('jobFilter') ?? '') : new Set<JobType>(['Backup']),
    lookupSeconds: q.int('completedJobLookupTime') ?? DEFAULT_LOOKUP_SECONDS,
  });
  return page(ctx, jobs, headerInt(req, 'offset', 0), Math.min(MAX_LIMIT, Math.max(1, headerInt(req, 'limit', DEFAULT_LIMIT))));
}

function getJob(req: ApiRequest, ctx: SimContext): ApiResult {
  const job = ctx.index.jobs.get(idParam(req));
  const visible: Job[] = job && (req.scope as Scope).company(job.companyId) ? [job] : [];
  return page(ctx, visible, 0, 1);
}

/** cvpysdk's JobController form: `{category, pagingConfig, jobFilter: {clientList, jobTypeList, …}}`. */
function postJobs(req: ApiRequest, ctx: SimContext): ApiResult {
  const body = (req.body ?? {}) as {
    category?: number;
    pagingConfig?: { offset?: number; limit?: number; sortDirection?: number };
    jobFilter?: { completedJobLookupTime?: number; hideAdminJobs?: boolean; clientList?: { clientId?: number }[]; jobTypeList?: (number | string)[] };
  };
  const filter = body.jobFilter ?? {};
  let types: Set<JobType> | undefined = filter.jobTypeList && filter.jobTypeList.length > 0 ? parseTypes(filter.jobTypeList.join(',')) : undefined;
  if (filter.hideAdminJobs) types = new Set<JobType>([...(types ?? ALL_TYPES)].filter((t) => t === 'Backup' || t === 'Restore'));
  const clientIds = (filter.clientList ?? []).map((c) => Number(c.clientId)).filter((n) => Number.isInteger(n) && n > 0);
  const jobs = visibleJobs(ctx, req.scope as Scope, {
    clientIds: clientIds.length > 0 ? new Set(clientIds) : undefined,
    category: body.category === 1 ? 'active' : body.category === 2 ? 'finished' : 'all',
    types,
    lookupSeconds: typeof filter.completedJobLookupTime === 'number' ? filter.completedJobLookupTime : DEFAULT_LOOKUP_SECONDS,
  });
  const paging = body.pagingConfig ?? {};
  const limit: number = Math.min(MAX_LIMIT, Math.max(1, Number(paging.limit ?? DEFAULT_LIMIT) || DEFAULT_LIMIT));
  return page(ctx, jobs, Math.max(0, Number(paging.offset ?? 0) || 0), limit, paging.sortDirection !== 0);
}

function jobDetails(req: ApiRequest, ctx: SimContext): ApiResult {
  const body = (req.body ?? {}) as { jobId?: number | string };
  const jobId: number = Number(body.jobId ?? /jobId="(\d+)"/.exec(req.rawBody)?.[1]);
  const job = ctx.index.jobs.get(jobId);
  if (!job || !(req.scope as Scope).company(job.companyId)) {
    return ok(errListError(2, `Job [${Number.isFinite(jobId) ? jobId : ''}] not found.`), 'JobManager_JobDetailResponse');
  }
  return ok(jobDetail(ctx, job), 'JobManager_JobDetailResponse');
}

function control(req: ApiRequest, ctx: SimContext, action: 'pause' | 'resume' | 'kill'): ApiResult {
  const id: number = idParam(req);
  const job = ctx.index.jobs.get(id);
  const fail = (message: string): ApiResult => ok(batchError(1, message), 'CvEntities_GenericResp');
  if (!job || !(req.scope as Scope).company(job.companyId)) return fail(`Job [${id}] does not exist. `);
  if (!isActive(job.status)) return fail(`Job [${id}] is already completed. `);
  if (action === 'pause') {
    if (job.status === 'Suspended') return fail(`Job [${id}] is already suspended. `);
    job.status = 'Suspended';
  } else if (action === 'resume') {
    if (job.status !== 'Suspended') return fail(`Job [${id}] is not suspended. `);
    job.status = 'Running';
    job.pendingReason = '';
  } else {
    job.status = 'Killed';
    job.endTime = Math.max(job.startTime, ctx.nowS());
  }
  job.lastUpdateTime = ctx.nowS();
  ctx.index.track(job);
  return ok(genericError(0, ''), 'CvEntities_GenericResp');
}

function resubmit(req: ApiRequest, ctx: SimContext): ApiResult {
  const job = ctx.index.jobs.get(idParam(req));
  if (!job || !(req.scope as Scope).company(job.companyId)) return ok(genericError(2, `Job [${idParam(req)}] does not exist.`), 'CvEntities_GenericResp');
  if (isActive(job.status)) return ok(genericError(2, `Job [${job.jobId}] is still running.`), 'CvEntities_GenericResp');
  const suspended: boolean = req.query.flag('startInSuspendedState', false);
  const created = startJob(ctx, job.subclientId, job.jobType, job.backupLevel, req.session?.user.userName ?? 'admin', suspended);
  return ok({ jobIds: [String(created.jobId)] }, 'TMMsg_CreateTaskResp');
}

const LEVELS: Readonly<Record<string, BackupLevelName>> = {
  full: 'Full',
  incremental: 'Incremental',
  differential: 'Differential',
  synthetic_full: 'Synthetic Full',
  syntheticfull: 'Synthetic Full',
};

/** `POST /Subclient/{id}/action/backup?backupLevel=` → a Running job, `{"taskId", "jobIds": ["…"]}`. */
function backup(req: ApiRequest, ctx: SimContext): ApiResult {
  const sc = ctx.index.subclients.get(idParam(req));
  const client = sc ? ctx.index.clients.get(sc.clientId) : undefined;
  if (!sc || !client || !(req.scope as Scope).company(client.companyId)) {
    return ok(genericError(2, `Subclient [${req.params.id}] not found.`), 'TMMsg_CreateTaskResp');
  }
  const rawLevel: string = (req.query.get('backupLevel') ?? 'Incremental').toLowerCase();
  const level = LEVELS[rawLevel];
  if (!level) return ok(genericError(2, `Invalid backup level [${req.query.get('backupLevel')}].`), 'TMMsg_CreateTaskResp');
  if (!sc.enableBackup) return ok(genericError(2, 'Backup activity is disabled for this subclient.'), 'TMMsg_CreateTaskResp');
  const job = startJob(ctx, sc.subclientId, 'Backup', level, req.session?.user.userName ?? 'admin', false);
  return ok({ taskId: job.jobId - 1_000_000, jobIds: [String(job.jobId)] }, 'TMMsg_CreateTaskResp');
}

/**
 * A job started through the API, Running (or Suspended) from now and progressing on the simulator's
 * clock; `overrides` set what differs from the subclient's own (an aux copy's policy, a restore's
 * destination client).
 */
export function startJob(
  ctx: SimContext,
  subclientId: number,
  jobType: JobType,
  level: BackupLevelName | null,
  userName: string,
  suspended: boolean,
  overrides: Partial<Pick<Job, 'storagePolicyId' | 'planId' | 'destClientId'>> = {},
): Job {
  const sc = ctx.index.subclients.get(subclientId);
  if (!sc) throw new Error(`unknown subclient ${subclientId}`);
  const client = ctx.index.clients.get(sc.clientId);
  const now: number = ctx.nowS();
  const job: Job = {
    jobId: ctx.index.nextJobId(),
    jobType,
    opType: OP_TYPES[jobType],
    status: suspended ? 'Suspended' : 'Running',
    subclientId,
    clientId: sc.clientId,
    companyId: client?.companyId ?? 0,
    storagePolicyId: sc.storagePolicyId,
    planId: sc.planId,
    backupLevel: jobType === 'Backup' ? level : null,
    startTime: now,
    endTime: 0,
    lastUpdateTime: now,
    sizeOfApplication: 0,
    sizeOfMediaOnDisk: 0,
    totalNumOfFiles: 0,
    totalFailedFiles: 0,
    percentComplete: 0,
    percentSavings: 0,
    pendingReason: '',
    userName,
    ...overrides,
  };
  ctx.index.addJob(job);
  ctx.progress?.start(job);
  return job;
}

const ALL_TYPES: readonly JobType[] = Object.keys(OP_TYPES) as JobType[];

const TYPE_NAMES: Readonly<Record<string, JobType>> = {
  backup: 'Backup',
  restore: 'Restore',
  dataaging: 'Data Aging',
  auxcopy: 'Aux Copy',
  auxiliarycopy: 'Aux Copy',
  drbackup: 'DR Backup',
  dataverification: 'Data Verification',
  ddbspacereclamation: 'DDB Space Reclamation',
  ddbreconstruction: 'DDB Reconstruction',
};

/** `jobFilter`: comma list of names (any case/spacing) or opType numbers; empty = every type. */
export function parseTypes(raw: string): Set<JobType> | undefined {
  const tokens: string[] = raw.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  const out = new Set<JobType>();
  for (const t of tokens) {
    if (/^\d+$/.test(t)) {
      const found = ALL_TYPES.find((type) => OP_TYPES[type] === Number(t));
      if (found) out.add(found);
    } else {
      const found = TYPE_NAMES[t.toLowerCase().replace(/[\s_-]+/g, '')];
      if (found) out.add(found);
    }
  }
  return out;
}

function headerInt(req: ApiRequest, name: string, fallback: number): number {
  const raw = req.headers[name];
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === '') return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
