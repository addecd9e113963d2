import { APP_NAMES, type Client, type StoragePolicy, type StoragePolicyCopy, type Subclient } from '../data/types.js';
import { genericError, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';
import { startJob } from './jobs.js';
import { ageCopies } from './plan-detail.js';
import { patternProblem } from './schedules.js';
import type { SimScheduleAssociation, SimScheduleTask, SimSubTask } from '../data/types.js';

/**
 * `POST /CreateTask`: the one call that starts restores, auxiliary copies and data aging (and, with
 * `taskType` 2, makes schedules; `POST /Task` makes schedule policies)
 * (docs/upstreams/commvault.md §3.8), told apart by `subTasks[0].subTask.operationType`. Names in the
 * message are checked against the dataset as the caller may see it; an accepted task starts one job
 * that progresses like a started backup. Answers `{taskId, jobIds: ["…"]}`, refusals
 * `{errorCode, errorMessage}`, both HTTP 200.
 */
export const taskRoutes: RouteDef[] = [
  { method: 'POST', template: '/CreateTask', write: true, handle: createTask },
  { method: 'POST', template: '/Task', write: true, handle: createSchedulePolicy },
];

const ROOT = 'TMMsg_CreateTaskResp';
/** `task.taskType` of a schedule. */
const SCHEDULE_TASK = 2;
/** Commvault's `operationType` numbers. */
const RESTORE = 1001;
const AUX_COPY = 4003;
const DATA_AGING = 4018;
/** `copyType` of a policy's primary copy. */
const PRIMARY = 1;

type Json = Record<string, any>;

function createTask(req: ApiRequest, ctx: SimContext): ApiResult {
  const info = (req.body as Json | undefined)?.taskInfo as Json | undefined;
  const subTask = (Array.isArray(info?.subTasks) ? info.subTasks[0] : undefined) as Json | undefined;
  if (!info || !subTask) return refuse('The request holds no task (taskInfo.subTasks).');
  const associations: Json[] = Array.isArray(info.associations) ? info.associations : [];
  // A pattern with `taskType` 2 makes a schedule, whatever it runs (docs/upstreams/commvault-schedules.md §5).
  if (Number(info.task?.taskType) === SCHEDULE_TASK) return createSchedule(req, ctx, associations, info);
  const operationType = Number(subTask.subTask?.operationType);
  switch (operationType) {
    case RESTORE:
      return restore(req, ctx, associations[0], subTask.options?.restoreOptions);
    case AUX_COPY:
      return auxCopy(req, ctx, associations[0], subTask.options?.backupOpts?.mediaOpt?.auxcopyJobOption);
    case DATA_AGING:
      return dataAging(req, ctx, subTask.options?.adminOpts?.dataAgingOption);
    default:
      return refuse(`Operation type [${String(subTask.subTask?.operationType)}] is not supported by this task request.`);
  }
}

function restore(req: ApiRequest, ctx: SimContext, association: Json | undefined, options: Json | undefined): ApiResult {
  const sc = findSubclient(req, ctx, association ?? {});
  if (!sc) return refuse(`Subclient [${names(association, ['clientName', 'appName', 'backupsetName', 'subclientName'])}] not found.`);
  const items: unknown[] = Array.isArray(options?.fileOption?.sourceItem) ? options.fileOption.sourceItem : [];
  if (items.length === 0 || items.some((i) => typeof i !== 'string' || i.trim() === '')) return refuse('No files or folders are selected for restore.');
  // ACLs only (1) or data only (2); absent: data with ACLs (cvpysdk sends it only when asked).
  const aclsType = options?.restoreACLsType;
  if (aclsType !== undefined && aclsType !== 1 && aclsType !== 2) return refuse(`Invalid restoreACLsType [${String(aclsType)}].`);
  const destination: Json = options?.destination ?? {};
  let destClientId: number | undefined;
  if (destination.inPlace === false) {
    const dest = findClient(req, ctx, destination.destClient?.clientName);
    if (!dest) return refuse(`Client [${String(destination.destClient?.clientName ?? '')}] not found.`);
    const paths: unknown[] = Array.isArray(destination.destPath) ? destination.destPath : [];
    if (typeof paths[0] !== 'string' || paths[0].trim() === '') return refuse('A destination path is required to restore out of place.');
    destClientId = dest.clientId;
  }
  // Restore as of toTime (Unix seconds; 0 = the latest): it needs a backup finished by then.
  const toTime = Number(options?.browseOption?.timeRange?.toTime ?? 0) || ctx.nowS();
  const backedUp = ctx.data.jobs.some((j) => j.subclientId === sc.subclientId && j.jobType === 'Backup' && j.status.startsWith('Completed') && j.endTime > 0 && j.endTime <= toTime);
  if (!backedUp) return refuse('There is no backup data to restore in the selected time range.');
  return started(startJob(ctx, sc.subclientId, 'Restore', null, userOf(req), false, destClientId === undefined ? {} : { destClientId }).jobId);
}

function auxCopy(req: ApiRequest, ctx: SimContext, association: Json | undefined, options: Json | undefined): ApiResult {
  const policy = findPolicy(req, ctx, association?.storagePolicyName);
  if (!policy) return refuse(`Storage policy [${String(association?.storagePolicyName ?? '')}] not found.`);
  const copyName = typeof association?.copyName === 'string' ? association.copyName : '';
  if (copyName === '' || options?.allCopies === true) {
    if (!policy.copies.some((c) => c.copyType !== PRIMARY)) return refuse(`Storage policy [${policy.storagePolicyName}] has no secondary copy to copy to.`);
  } else {
    const copy = findCopy(policy, copyName);
    if (!copy) return refuse(`Copy [${copyName}] not found in storage policy [${policy.storagePolicyName}].`);
    if (copy.copyType === PRIMARY) return refuse(`Copy [${copy.copyName}] is the primary copy of storage policy [${policy.storagePolicyName}]: an auxiliary copy needs a secondary copy.`);
  }
  return startAdminJob(req, ctx, 'Aux Copy', policy);
}

function dataAging(req: ApiRequest, ctx: SimContext, options: Json | undefined): ApiResult {
  if (options?.selectCopies !== true) {
    const every = ctx.data.storagePolicies.filter((p) => (req.scope as Scope).company(p.companyId)).flatMap((policy) => policy.copies.map((copy) => ({ policy, copy })));
    ageCopies(ctx, every);
    return startAdminJob(req, ctx, 'Data Aging', undefined);
  }
  const chosen: Json[] = (Array.isArray(options.archiveGroupCopy) ? options.archiveGroupCopy : []).filter((c: Json) => c?.storagePolicyName || c?.copyName);
  if (chosen.length === 0) return refuse('No storage policy copies are selected for data aging.');
  const policies: StoragePolicy[] = [];
  const targets: Array<{ policy: StoragePolicy; copy: StoragePolicyCopy }> = [];
  for (const c of chosen) {
    const policy = findPolicy(req, ctx, c.storagePolicyName);
    if (!policy) return refuse(`Storage policy [${String(c.storagePolicyName ?? '')}] not found.`);
    const copy = findCopy(policy, String(c.copyName ?? ''));
    if (!copy) return refuse(`Copy [${String(c.copyName ?? '')}] not found in storage policy [${policy.storagePolicyName}].`);
    policies.push(policy);
    targets.push({ policy, copy });
  }
  // The run prunes as it is accepted (data/aging.ts); its job only reports.
  ageCopies(ctx, targets);
  // One policy: the job is that policy's; several: the CommServe's, as a whole-CommServe run is.
  return startAdminJob(req, ctx, 'Data Aging', new Set(policies).size === 1 ? policies[0] : undefined);
}

/**
 * A schedule task: each association names a subclient (by names, as cvpysdk sends them) or a client;
 * each subtask needs a valid pattern. Answers `{taskId}` alone, as a scheduled task does.
 */
function createSchedule(req: ApiRequest, ctx: SimContext, associations: Json[], info: Json): ApiResult {
  if (associations.length === 0) return refuse('A schedule needs at least one association.');
  const resolved: SimScheduleAssociation[] = [];
  for (const a of associations) {
    if (a.subclientName !== undefined) {
      const sc = findSubclient(req, ctx, a);
      if (!sc) return refuse(`Subclient [${names(a, ['clientName', 'appName', 'backupsetName', 'subclientName'])}] not found.`);
      resolved.push({ clientId: sc.clientId, applicationId: sc.applicationId, backupsetId: sc.backupsetId, subclientId: sc.subclientId });
    } else {
      const client = findClient(req, ctx, a.clientName);
      if (!client) return refuse(`Client [${String(a.clientName ?? '')}] not found.`);
      resolved.push({ clientId: client.clientId });
    }
  }
  const subTasks: Json[] = info.subTasks;
  for (const sub of subTasks) {
    const problem = patternProblem(sub?.pattern);
    if (problem) return refuse(problem);
  }
  const made = madeSubTasks(ctx, subTasks);
  const name = typeof info.task?.taskName === 'string' && info.task.taskName !== '' ? info.task.taskName : (made[0] as SimSubTask).subTaskName;
  return ok({ taskId: addScheduleTask(req, ctx, info, { taskType: 2, taskName: name, associations: resolved, subTasks: made }) }, ROOT);
}

/**
 * `POST /Task` with a schedule policy (`task.taskType` 4; cvpysdk `SchedulePolicies.add`,
 * docs/upstreams/commvault-schedules.md §9): associations by client name, a unique `taskName`, subtasks
 * with valid patterns → `{taskId}`. Client group associations are not modelled; `appGroup` is not kept
 * (the policy reads answer "Protected Files").
 */
function createSchedulePolicy(req: ApiRequest, ctx: SimContext): ApiResult {
  const info = (req.body as Json | undefined)?.taskInfo as Json | undefined;
  if (!info || Number(info.task?.taskType) !== 4) return refuse('The request holds no schedule policy (taskInfo.task.taskType 4).');
  const name = typeof info.task?.taskName === 'string' ? info.task.taskName.trim() : '';
  if (name === '') return refuse('A schedule policy needs a name.');
  if (ctx.data.schedules.some((t) => t.taskType === 4 && t.taskName.toLowerCase() === name.toLowerCase())) return refuse(`A schedule policy named [${name}] already exists.`);
  const associations: Json[] = Array.isArray(info.associations) ? info.associations : [];
  if (associations.length === 0) return refuse('A schedule policy needs at least one association.');
  const resolved: SimScheduleAssociation[] = [];
  for (const a of associations) {
    const client = findClient(req, ctx, a.clientName);
    if (!client) return refuse(`Client [${String(a.clientName ?? a.clientGroupName ?? '')}] not found.`);
    resolved.push({ clientId: client.clientId });
  }
  const subTasks: Json[] = Array.isArray(info.subTasks) ? info.subTasks : [];
  if (subTasks.length === 0) return refuse('A schedule policy needs at least one schedule.');
  for (const sub of subTasks) {
    const problem = patternProblem(sub?.pattern);
    if (problem) return refuse(problem);
  }
  return ok({ taskId: addScheduleTask(req, ctx, info, { taskType: 4, taskName: name, associations: resolved, subTasks: madeSubTasks(ctx, subTasks) }) }, ROOT);
}

/** Adds a schedule task or policy, the rest as the request's `task` says (owner: the caller) → its new id. */
function addScheduleTask(req: ApiRequest, ctx: SimContext, info: Json, made: Pick<SimScheduleTask, 'taskType' | 'taskName' | 'associations' | 'subTasks'>): number {
  const taskId = Math.max(1000, ...ctx.data.schedules.map((t) => t.taskId)) + 1;
  ctx.data.schedules.push({
    taskId,
    ...made,
    policyType: Number(info.task?.policyType ?? 0),
    ownerName: userOf(req),
    description: typeof info.task?.description === 'string' ? info.task.description : '',
    disabled: info.task?.taskFlags?.disabled === true,
    isSystem: false,
  });
  return taskId;
}

/** New subtasks, numbered after every subtask the CommServe holds. */
function madeSubTasks(ctx: SimContext, subTasks: Json[]): SimSubTask[] {
  let subTaskId = Math.max(5000, ...ctx.data.schedules.flatMap((t) => t.subTasks.map((st) => st.subTaskId)));
  return subTasks.map((sub) => ({
    subTaskId: (subTaskId += 1),
    subTaskName: typeof sub.subTask?.subTaskName === 'string' && sub.subTask.subTaskName !== '' ? sub.subTask.subTaskName : `Schedule ${subTaskId}`,
    subTaskType: Number(sub.subTask?.subTaskType ?? 2),
    operationType: Number(sub.subTask?.operationType ?? 2),
    flags: 0,
    options: typeof sub.options === 'object' && sub.options !== null ? sub.options : {},
    pattern: sub.pattern,
  }));
}

/** Admin jobs run on the CommServe's own subclient, as the seeded ones do. */
function startAdminJob(req: ApiRequest, ctx: SimContext, jobType: 'Aux Copy' | 'Data Aging', policy: StoragePolicy | undefined): ApiResult {
  const cs = (ctx.index.subclientsByClient.get(ctx.data.commServ.clientId) ?? [])[0];
  if (!cs) return refuse('The CommServe has no subclient to run the job on.');
  const overrides = policy ? { storagePolicyId: policy.storagePolicyId, planId: policy.planId ?? cs.planId } : {};
  return started(startJob(ctx, cs.subclientId, jobType, null, userOf(req), false, overrides).jobId);
}

function started(jobId: number): ApiResult {
  return ok({ taskId: jobId - 1_000_000, jobIds: [String(jobId)] }, ROOT);
}

function refuse(message: string): ApiResult {
  return ok(genericError(2, message), ROOT);
}

function userOf(req: ApiRequest): string {
  return req.session?.user.userName ?? 'admin';
}

/** Names match case-insensitively, as Commvault matches them. */
const same = (a: unknown, b: string): boolean => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

function findClient(req: ApiRequest, ctx: SimContext, name: unknown): Client | undefined {
  return ctx.data.clients.find((c) => same(name, c.clientName) && (req.scope as Scope).company(c.companyId));
}

function findSubclient(req: ApiRequest, ctx: SimContext, a: Json): Subclient | undefined {
  const client = findClient(req, ctx, a.clientName);
  if (!client) return undefined;
  return (ctx.index.subclientsByClient.get(client.clientId) ?? []).find((sc) => {
    const backupset = ctx.index.backupsets.get(sc.backupsetId);
    return same(a.subclientName, sc.subclientName) && same(a.appName, APP_NAMES[sc.applicationId] ?? '') && !!backupset && same(a.backupsetName, backupset.backupsetName);
  });
}

function findPolicy(req: ApiRequest, ctx: SimContext, name: unknown): StoragePolicy | undefined {
  return ctx.data.storagePolicies.find((p) => same(name, p.storagePolicyName) && (req.scope as Scope).company(p.companyId));
}

function findCopy(policy: StoragePolicy, name: string): StoragePolicyCopy | undefined {
  return policy.copies.find((c) => same(name, c.copyName));
}

function names(a: Json | undefined, keys: readonly string[]): string {
  return keys.map((k) => String(a?.[k] ?? '')).join('/');
}
