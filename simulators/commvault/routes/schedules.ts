import { APP_NAMES } from '../data/types.js';
import { nextScheduleTime } from '../data/schedules.js';
import type { SimScheduleAssociation, SimScheduleTask, SimSubTask } from '../data/types.js';
import { genericError, idParam, listOrOmit, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

/**
 * Schedules (docs/upstreams/commvault-schedules.md): the task list `GET /Schedules` with cvpysdk's
 * filters, one task `GET /Schedules/{taskId}` (entity schedules) and `GET /SchedulePolicy/{taskId}`
 * (policies), enable/disable with the plain-text body `taskId=N`; creation (`POST /CreateTask` with
 * `taskType` 2, routes/tasks.ts), the task messages to `POST /QCommand/qoperation execute`
 * (routes/ddb.ts hands them here) and a policy's `PUT /Task` change them. Every answer reads the state, so a change shows at once.
 */
export const scheduleRoutes: RouteDef[] = [
  { method: 'GET', template: '/Schedules', handle: listSchedules },
  { method: 'GET', template: '/Schedules/{id}', handle: (req, ctx) => oneTask(req, ctx, 2, 'TMMsg_GetTaskDetailResp') },
  { method: 'GET', template: '/SchedulePolicy/{id}', handle: (req, ctx) => oneTask(req, ctx, 4, 'TMMsg_GetTaskDetailResp') },
  { method: 'POST', template: '/Schedules/task/Action/Enable', write: true, handle: (req, ctx) => setEnabled(req, ctx, true) },
  { method: 'POST', template: '/Schedules/task/Action/Disable', write: true, handle: (req, ctx) => setEnabled(req, ctx, false) },
  { method: 'PUT', template: '/Task', write: true, handle: modifyPolicy },
];

type Json = Record<string, any>;

/** `operationType` names `GET /Schedules?operationType=` takes (e.g. `DATA_AGING`), with their numbers. */
const OPERATION_NAMES: Readonly<Record<string, number>> = { BACKUP: 2, RESTORE: 1001, AUX_COPY: 4003, DATA_AGING: 4018, DRBACKUP: 4002, REPORTS: 4004, WORKFLOW: 2001 };
/** Valid `freq_type` numbers and the `freq_interval` each allows (inclusive). */
const INTERVALS: Readonly<Record<number, readonly [number, number]>> = {
  1: [0, 0x7fffffff], 4: [0, 365], 8: [1, 127], 16: [1, 31], 32: [1, 10], 64: [1, 31], 128: [1, 10], 1024: [0, 0x7fffffff], 4096: [0, 0x7fffffff],
};

export function visibleTask(req: ApiRequest, ctx: SimContext, task: SimScheduleTask): boolean {
  const scope = req.scope as Scope;
  if (scope.isAdmin) return true;
  if (task.planId !== undefined) return scope.company(ctx.data.plans.find((p) => p.planId === task.planId)?.companyId ?? -1);
  return task.associations.length > 0 && task.associations.every((a) => scope.company(ctx.index.clients.get(a.clientId)?.companyId ?? -1));
}

function listSchedules(req: ApiRequest, ctx: SimContext): ApiResult {
  const q = req.query;
  const filter = { clientId: q.int('clientId'), applicationId: q.int('apptypeId'), backupsetId: q.int('backupsetId'), subclientId: q.int('subclientId'), instanceId: q.int('instanceId') };
  const opName = q.get('operationType');
  const operation = opName === undefined ? undefined : (OPERATION_NAMES[opName.toUpperCase()] ?? Number(opName));
  const system = q.has('isSystem') ? q.flag('isSystem', false) : undefined;
  const tasks = ctx.data.schedules.filter((t) =>
    visibleTask(req, ctx, t)
    && (filter.clientId === undefined || t.associations.some((a) => matches(ctx, a, filter)))
    && (system === undefined || t.isSystem === system));
  const details = tasks
    .map((t) => ({ t, subTasks: t.subTasks.filter((s) => operation === undefined || s.operationType === operation) }))
    .filter((x) => x.subTasks.length > 0)
    .map(({ t, subTasks }) => ({ task: taskJson(t), subTasks: subTasks.map((s) => ({ subTask: subTaskJson(s), pattern: s.pattern, nextScheduleTime: nextRun(ctx, s) })) }));
  return ok(listOrOmit('taskDetail', details), 'TMMsg_TaskDetailResp');
}

/** A task association at or below the entity asked for: every given filter id must be the association's. */
function matches(ctx: SimContext, a: SimScheduleAssociation, f: { clientId?: number; applicationId?: number; backupsetId?: number; subclientId?: number; instanceId?: number }): boolean {
  const instanceId = a.subclientId === undefined ? undefined : ctx.index.subclients.get(a.subclientId)?.instanceId;
  return a.clientId === f.clientId
    && (f.applicationId === undefined || a.applicationId === f.applicationId)
    && (f.backupsetId === undefined || a.backupsetId === f.backupsetId)
    && (f.subclientId === undefined || a.subclientId === f.subclientId)
    && (f.instanceId === undefined || instanceId === f.instanceId);
}

function oneTask(req: ApiRequest, ctx: SimContext, taskType: 2 | 4, root: string): ApiResult {
  const task = ctx.data.schedules.find((t) => t.taskId === idParam(req) && t.taskType === taskType);
  if (!task || !visibleTask(req, ctx, task)) return ok({}, root);
  return ok({ taskInfo: taskInfoJson(ctx, task) }, root);
}

export function taskInfoJson(ctx: SimContext, t: SimScheduleTask): Json {
  return {
    associations: t.associations.map((a) => associationJson(ctx, a)),
    task: taskJson(t),
    ...(t.taskType === 4 ? { appGroup: { appGroups: [{ appGroupName: 'Protected Files' }] } } : {}),
    subTasks: t.subTasks.map((s) => ({ subTask: subTaskJson(s), pattern: s.pattern, options: s.options })),
  };
}

function associationJson(ctx: SimContext, a: SimScheduleAssociation): Json {
  const client = ctx.index.clients.get(a.clientId);
  const sc = a.subclientId === undefined ? undefined : ctx.index.subclients.get(a.subclientId);
  const backupset = a.backupsetId === undefined ? undefined : ctx.index.backupsets.get(a.backupsetId);
  return {
    _type_: sc ? 7 : 3,
    clientId: a.clientId,
    clientName: client?.clientName ?? '',
    ...(a.applicationId === undefined ? {} : { applicationId: a.applicationId, appName: APP_NAMES[a.applicationId] ?? '' }),
    ...(backupset ? { backupsetId: backupset.backupsetId, backupsetName: backupset.backupsetName } : {}),
    ...(sc ? { subclientId: sc.subclientId, subclientName: sc.subclientName } : {}),
  };
}

function taskJson(t: SimScheduleTask): Json {
  return { taskId: t.taskId, taskName: t.taskName, taskType: t.taskType, policyType: t.policyType, description: t.description, ownerName: t.ownerName, taskFlags: { disabled: t.disabled, isSystem: t.isSystem } };
}

function subTaskJson(s: SimSubTask): Json {
  return { subTaskId: s.subTaskId, subTaskName: s.subTaskName, subTaskType: s.subTaskType, operationType: s.operationType, flags: s.flags };
}

function nextRun(ctx: SimContext, s: SimSubTask): number {
  const zoneName = String((s.pattern.timeZone as Json | undefined)?.TimeZoneName ?? '');
  return nextScheduleTime(s.pattern, zoneName.toUpperCase() === 'UTC' ? 'UTC' : ctx.data.commServ.ianaTimeZone, ctx.nowS(), s.weekExceptions);
}

/** Why a pattern cannot be scheduled, as the CommServe words it; undefined when it can. */
export function patternProblem(p: unknown): string | undefined {
  if (typeof p !== 'object' || p === null) return 'The schedule has no pattern.';
  const pattern = p as Json;
  const type = Number(pattern.freq_type);
  const range = INTERVALS[type];
  if (!range) return `Invalid frequency type [${String(pattern.freq_type)}].`;
  const interval = Number(pattern.freq_interval ?? 0);
  if (!Number.isInteger(interval) || interval < range[0] || interval > range[1]) return `Invalid frequency interval [${String(pattern.freq_interval)}] for frequency type [${type}].`;
  const time = Number(pattern.active_start_time ?? 0);
  if (!Number.isInteger(time) || time < 0 || time >= 86_400) return `Invalid start time [${String(pattern.active_start_time)}].`;
  if ((type === 64 || type === 128) && !(Number(pattern.freq_recurrence_factor) >= 1 && Number(pattern.freq_recurrence_factor) <= 12)) return 'Invalid month for a yearly schedule.';
  if ((type === 32 || type === 128) && !(Number(pattern.freq_relative_interval) >= 1 && Number(pattern.freq_relative_interval) <= 5)) return 'Invalid relative interval.';
  return undefined;
}

/** `POST /Schedules/task/Action/Enable|Disable`, body text `taskId=451` → `{errorCode: 0, errorMessage: ""}`; 2 when it fails. */
function setEnabled(req: ApiRequest, ctx: SimContext, enabled: boolean): ApiResult {
  const m = /^\s*taskId=(\d+)\s*$/.exec(req.rawBody);
  const task = m ? ctx.data.schedules.find((t) => t.taskId === Number(m[1])) : undefined;
  if (!m) return ok(genericError(2, 'The request must name the task as taskId=<id>.'), 'CVGui_GenericResp');
  if (!task || !visibleTask(req, ctx, task)) return ok(genericError(2, `Task [${m[1]}] not found.`), 'CVGui_GenericResp');
  task.disabled = !enabled;
  return ok({ errorCode: 0, errorMessage: '' }, 'CVGui_GenericResp');
}

// ── task messages (POST /QCommand/qoperation execute) ───────────────────────────────────────────

type MessageHandler = (message: Json, req: ApiRequest, ctx: SimContext) => ApiResult;

const MESSAGES: Readonly<Record<string, MessageHandler>> = {
  TMMsg_ModifyTaskReq: modifyTask,
  TMMsg_TaskOperationReq: taskOperation,
};

/** The root element of a schedule task message in a JSON body, or undefined for any other message. */
export function scheduleMessageRoot(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  return Object.keys(body).find((key) => key in MESSAGES);
}

export function runScheduleMessage(root: string, req: ApiRequest, ctx: SimContext): ApiResult {
  const message = (req.body as Json)[root];
  return (MESSAGES[root] as MessageHandler)(typeof message === 'object' && message !== null ? message : {}, req, ctx);
}

const refuse = (message: string): ApiResult => ok(genericError(2, message), 'TMMsg_GenericResp');

/** `TMMsg_ModifyTaskReq {taskInfo: {associations, task, subTasks: [{subTask, pattern, options}]}}` → `{taskId}` (cvpysdk `_modify_task_properties`). */
function modifyTask(message: Json, req: ApiRequest, ctx: SimContext): ApiResult {
  const info: Json = message.taskInfo ?? {};
  const task = ctx.data.schedules.find((t) => t.taskId === Number(info.task?.taskId));
  if (!task || !visibleTask(req, ctx, task)) return refuse(`Task [${String(info.task?.taskId)}] not found.`);
  const changes: Json[] = Array.isArray(info.subTasks) ? info.subTasks : [];
  if (changes.length === 0) return refuse('The request holds no subtask to modify.');
  for (const change of changes) {
    const sub = task.subTasks.find((s) => s.subTaskId === Number(change.subTask?.subTaskId));
    if (!sub) return refuse(`Subtask [${String(change.subTask?.subTaskId)}] not found in task [${task.taskId}].`);
    const problem = patternProblem(change.pattern);
    if (problem) return refuse(problem);
  }
  for (const change of changes) {
    const sub = task.subTasks.find((s) => s.subTaskId === Number(change.subTask?.subTaskId)) as SimSubTask;
    sub.pattern = change.pattern;
    if (typeof change.subTask?.subTaskName === 'string' && change.subTask.subTaskName !== '') sub.subTaskName = change.subTask.subTaskName;
    if (typeof change.options === 'object' && change.options !== null) sub.options = change.options;
  }
  if (typeof info.task?.taskFlags?.disabled === 'boolean') task.disabled = info.task.taskFlags.disabled;
  return ok({ taskId: task.taskId }, 'TMMsg_ModifyTaskResp');
}

/** `TMMsg_TaskOperationReq {opType: 3, subtaskEntity: [{_type_: 68, subtaskId}]}`: delete those schedules → `{errorCode: 0}` (cvpysdk `Schedules.delete`). */
function taskOperation(message: Json, req: ApiRequest, ctx: SimContext): ApiResult {
  if (Number(message.opType) !== 3) return refuse(`Task operation [${String(message.opType)}] is not supported.`);
  const ids: number[] = (Array.isArray(message.subtaskEntity) ? message.subtaskEntity : []).map((e: Json) => Number(e?.subtaskId));
  if (ids.length === 0) return refuse('No schedule is named to delete.');
  const owners = ids.map((id) => ctx.data.schedules.find((t) => t.subTasks.some((s) => s.subTaskId === id)));
  const missing = ids.find((_id, i) => !owners[i] || !visibleTask(req, ctx, owners[i] as SimScheduleTask));
  if (missing !== undefined) return refuse(`Schedule [${missing}] not found.`);
  for (const task of new Set(owners as SimScheduleTask[])) task.subTasks = task.subTasks.filter((s) => !ids.includes(s.subTaskId));
  // A task left without subtasks is gone with them.
  ctx.data.schedules = ctx.data.schedules.filter((t) => t.subTasks.length > 0);
  return ok({ errorCode: 0 }, 'TMMsg_GenericResp');
}

// ── schedule policies (PUT /Task) ───────────────────────────────────────────────────────────────

/**
 * `PUT /Task {taskInfo: {taskOperation: 1, associations, task, appGroup, subTasks}}` on a schedule policy
 * (cvpysdk `_modify_schedule_policy_properties`) → `{taskId}`: each subtask listed is kept and changed as
 * sent (`pattern`, `subTaskName`, `options`), `subTaskOperation` 3 deletes it, 2 adds one. A subtask the
 * request leaves out is kept. All or nothing; a refusal is `{errorCode: 2, errorMessage}`.
 */
function modifyPolicy(req: ApiRequest, ctx: SimContext): ApiResult {
  const info: Json = (req.body as Json | undefined)?.taskInfo ?? {};
  if (Number(info.taskOperation) !== 1) return refuse(`Task operation [${String(info.taskOperation)}] is not supported.`);
  const policy = ctx.data.schedules.find((t) => t.taskId === Number(info.task?.taskId) && t.taskType === 4);
  if (!policy || !visibleTask(req, ctx, policy)) return refuse(`Schedule policy [${String(info.task?.taskId)}] not found.`);
  const entries: Json[] = Array.isArray(info.subTasks) ? info.subTasks : [];
  let subTasks = policy.subTasks.map((s) => ({ ...s }));
  let last = Math.max(5000, ...ctx.data.schedules.flatMap((t) => t.subTasks.map((s) => s.subTaskId)));
  for (const entry of entries) {
    const operation = Number(entry.subTaskOperation ?? 0);
    const id = Number(entry.subTask?.subTaskId);
    if (operation !== 2 && !subTasks.some((s) => s.subTaskId === id)) return refuse(`Subtask [${String(entry.subTask?.subTaskId)}] not found in schedule policy [${policy.taskId}].`);
    if (operation === 3) {
      subTasks = subTasks.filter((s) => s.subTaskId !== id);
      continue;
    }
    const problem = patternProblem(entry.pattern);
    if (problem) return refuse(problem);
    const name = typeof entry.subTask?.subTaskName === 'string' && entry.subTask.subTaskName !== '' ? entry.subTask.subTaskName : undefined;
    const options = typeof entry.options === 'object' && entry.options !== null ? entry.options : undefined;
    if (operation === 2) {
      last += 1;
      subTasks.push({ subTaskId: last, subTaskName: name ?? `Schedule ${last}`, subTaskType: Number(entry.subTask?.subTaskType ?? 2), operationType: Number(entry.subTask?.operationType ?? 2), flags: 0, options: options ?? {}, pattern: entry.pattern });
      continue;
    }
    const sub = subTasks.find((s) => s.subTaskId === id) as SimSubTask;
    Object.assign(sub, { pattern: entry.pattern, ...(name ? { subTaskName: name } : {}), ...(options ? { options } : {}) });
  }
  policy.subTasks = subTasks;
  return ok({ taskId: policy.taskId }, 'TMMsg_TaskInfo');
}

