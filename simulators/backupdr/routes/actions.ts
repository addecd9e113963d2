import { apiError, notFound, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';
import { RIGHTS } from '../data/security.js';
import type { Application, JobClass, OnOff, Policy, Sla } from '../data/types.js';
import { ERR } from '../errors.js';
import { jobStatusResource, wireJob } from '../resources/activity.js';
import { applicationResource } from '../resources/inventory.js';
import { slaResource, wireSla } from '../resources/protection.js';
import { badBody, visible } from './resources.js';
import { INVALID_JSON } from '../context.js';
import { startJob } from './new-job.js';
import { readUpdate, type Update } from './update.js';

/**
 * The writes a gateway needs: rename/describe an application, switch an SLA's scheduling, take an
 * on-demand backup (which starts a running job), cancel a job. PUT is incremental (docs/upstreams/backupdr.md §3.2): absent
 * and null attributes keep their value.
 */
export const actionRoutes: RouteDef[] = [
  { method: 'PUT', template: '/application/{id}', right: RIGHTS.applicationManage, handle: putApplication },
  { method: 'PUT', template: '/sla/{id}', right: RIGHTS.slaManage, handle: putSla },
  { method: 'POST', template: '/application/{id}/backup', right: RIGHTS.backupManage, handle: backupNow },
  { method: 'PUT', template: '/job/{id}', right: RIGHTS.backupManage, handle: cancelJob },
];

/** docs/upstreams/backupdr.md §7.1: PUT /application/{id} answers 204. */
function putApplication(req: ApiRequest, ctx: SimContext): ApiResult {
  const app = visible(applicationResource, req.params.id, req, ctx);
  if (!app) return notFound('application', req.params.id);
  const u = readUpdate(req.body, { name: 'string', description: 'string', sensitivity: 'integer', ignore: 'boolean' });
  if ('error' in u) return badBody(u.error);
  const v = u.values;
  if (v.name !== undefined) {
    if (String(v.name).trim() === '') return badBody('name must not be empty');
    app.name = String(v.name);
  }
  if (v.description !== undefined) app.description = String(v.description);
  if (v.sensitivity !== undefined) app.sensitivity = Number(v.sensitivity);
  if (v.ignore !== undefined) app.ignore = Boolean(v.ignore);
  return { status: 204 };
}

/** docs/upstreams/backupdr.md §7.2: `PUT /sla/{id}` with any of scheduleoff/expirationoff/logexpirationoff/dedupasyncoff. */
function putSla(req: ApiRequest, ctx: SimContext): ApiResult {
  const sla = visible(slaResource, req.params.id, req, ctx);
  if (!sla) return notFound('sla', req.params.id);
  const u = readUpdate(req.body, { scheduleoff: 'boolean', expirationoff: 'boolean', dedupasyncoff: 'boolean', logexpirationoff: 'boolean', description: 'string' });
  if ('error' in u) return badBody(u.error);
  const v: Update = u.values;
  const onOff = (b: unknown): OnOff => (b ? 'true' : 'false');
  if (v.scheduleoff !== undefined) setScheduleOff(sla, onOff(v.scheduleoff), ctx);
  if (v.expirationoff !== undefined) sla.expirationoff = onOff(v.expirationoff);
  if (v.dedupasyncoff !== undefined) sla.dedupasyncoff = onOff(v.dedupasyncoff);
  if (v.logexpirationoff !== undefined) sla.logexpirationoff = Boolean(v.logexpirationoff);
  if (v.description !== undefined) sla.description = String(v.description);
  if (Object.keys(v).length > 0) sla.modifydate = ctx.nowUs();
  return { status: 200, body: wireSla(sla, ctx, req.apiRoot) };
}

/** A logical group's SLA switches its members' schedules too. */
function setScheduleOff(sla: Sla, value: OnOff, ctx: SimContext): void {
  sla.scheduleoff = value;
  if (sla.appId === null && sla.groupId !== null) {
    const lg = ctx.index.lgs.get(sla.groupId);
    if (lg) {
      lg.scheduleoff = value === 'true';
      for (const s of ctx.data.slas) if (s.groupId === lg.id && s.appId !== null) s.scheduleoff = value;
    }
  }
}

const CLASS_OF_OP: Readonly<Record<Policy['op'], JobClass>> = { snap: 'snapshot', dedup: 'dedup', cloud: 'OnVault', log: 'snapshot' };

/**
 * `POST /application/{id}/backup` with BackupNowRest `{label, policy: {id}, backuptype}` → 204, no job
 * id (docs/upstreams/backupdr.md §7.3); the new job runs from 0 % over the simulator clock (data/job-progress.ts) until it succeeds or is cancelled.
 */
function backupNow(req: ApiRequest, ctx: SimContext): ApiResult {
  const app: Application | undefined = visible(applicationResource, req.params.id, req, ctx);
  if (!app) return notFound('application', req.params.id);
  if (req.body === INVALID_JSON) return badBody('Request body is not valid JSON');
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body)) return badBody('Request body must be a BackupNowRest object');
  const sla = app.slaId ? ctx.index.slas.get(app.slaId) : undefined;
  if (!sla) return apiError(409, ERR.conflict, `Application ${app.appname} is not protected by an SLA`);
  const slt = ctx.index.slts.get(sla.sltId);
  const policies: Policy[] = (slt?.policyIds ?? []).flatMap((id) => ctx.index.policies.get(id) ?? []);
  const policyId = (body.policy as { id?: unknown } | null | undefined)?.id;
  let policy: Policy | undefined;
  if (policyId === undefined || policyId === null) policy = policies.find((p) => p.op === 'snap') ?? policies[0];
  else {
    policy = policies.find((p) => p.id === String(policyId));
    if (!policy) return badBody(`Policy ${String(policyId)} is not part of template ${slt?.name ?? ''}`);
  }
  if (body.backuptype !== undefined && body.backuptype !== null && body.backuptype !== 'db' && body.backuptype !== 'log') return badBody('backuptype must be db or log');
  if (body.label !== undefined && body.label !== null && typeof body.label !== 'string') return badBody('label must be a string');
  startJob(ctx, {
    app,
    jobclass: policy ? CLASS_OF_OP[policy.op] : 'snapshot',
    label: typeof body.label === 'string' ? body.label : '',
    policyname: policy?.name,
    sltname: slt?.name,
    flags: body.backuptype === 'log' ? 2 | 4 : 2,
  });
  return { status: 204 };
}

/** docs/upstreams/backupdr.md §7.3: `PUT /job/{id}` `{"status":"cancel"}`; the reply carries jobname, changerequesttext, status. */
function cancelJob(req: ApiRequest, ctx: SimContext): ApiResult {
  const job = visible(jobStatusResource, req.params.id, req, ctx);
  if (!job) return notFound('job', req.params.id);
  const u = readUpdate(req.body, { status: 'string' });
  if ('error' in u) return badBody(u.error);
  const status = u.values.status;
  if (status === undefined) return { status: 200, body: wireJob(job, ctx, req.apiRoot) };
  if (String(status).toLowerCase() !== 'cancel') return badBody('status can only be set to cancel');
  if (job.status !== 'running' && job.status !== 'queued') return apiError(409, ERR.conflict, `Job ${job.jobname} is ${job.status} and cannot be canceled`);
  const now = ctx.nowUs();
  job.status = 'canceled';
  job.changerequesttext = 'cancel';
  job.message = 'Job was canceled by the user';
  job.enddate = now;
  job.duration = now - job.queuedate;
  return { status: 200, body: wireJob(job, ctx, req.apiRoot) };
}
