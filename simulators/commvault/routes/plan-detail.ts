import { ageCopy, jobsOnCopy } from '../data/aging.js';
import { copyJobState } from '../data/copy-jobs.js';
import { applyRpoSchedules, planScheduleOf } from '../data/plan-rpo.js';
import type { Plan, SimExtendedRule, SimRetainedFulls, SimScheduleTask, StoragePolicy, StoragePolicyCopy } from '../data/types.js';
import { idParam, ok, v4NotFound, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';
import { info } from './plan-job-operations.js';

/**
 * Plans in detail and plan-copy retention (docs/upstreams/commvault.md §12): the V4 server plan, its
 * backup destinations (lower-case `backupdestinations`), a destination's retention PUT, and a copy's job
 * list; the RPO's schedules, read and changed (`GET`/`PUT /V4/ServerPlan/{id}/RPO`,
 * docs/upstreams/commvault-schedules.md §7), kept in the plan's schedule policy. A destination is a copy of the plan's storage policy: a change here is what the V2 copy read and
 * the next data aging run see.
 */
export const planDetailRoutes: RouteDef[] = [
  { method: 'GET', template: '/V4/ServerPlan/{id}', handle: serverPlan },
  { method: 'GET', template: '/V4/ServerPlan/{id}/BackupDestinations', handle: backupDestinations },
  { method: 'GET', template: '/V4/ServerPlan/{id}/RPO', handle: (req, ctx) => withPlan(req, ctx, (plan) => ok({ schedules: rpoSchedules(ctx, plan), operationType: 'NONE' }, 'Api_PlanSchedules')) },
  { method: 'PUT', template: '/V4/ServerPlan/{id}/RPO', write: true, handle: updateRpo },
  { method: 'PUT', template: '/V4/ServerPlan/{id}/BackupDestination/{copyId}', write: true, handle: updateDestination },
  { method: 'GET', template: '/V4/Plan/BackupDestination/{id}/Jobs', handle: copyJobs },
];

const ROOT = 'CvEntities_GenericResp';
const V4_FULLS: readonly SimRetainedFulls[] = ['ALL_FULLS', 'HOURLY_FULLS', 'DAILY_FULLS', 'WEEKLY_FULLS', 'MONTHLY_FULLS', 'QUARTERLY_FULLS', 'HALF_YEARLY_FULLS', 'YEARLY_FULLS'];
const EXTENDED_KEYS = ['firstExtendedRetentionRule', 'secondExtendedRetentionRule', 'thirdExtendedRetentionRule'] as const;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

type Json = Record<string, any>;

function visiblePlan(req: ApiRequest, ctx: SimContext): { plan: Plan; policy: StoragePolicy } | undefined {
  const plan = ctx.data.plans.find((p) => p.planId === idParam(req) && (req.scope as Scope).company(p.companyId));
  const policy = plan && ctx.index.policies.get(plan.storagePolicyId);
  return plan && policy ? { plan, policy } : undefined;
}

/** One destination as V4 lists it, every key of the reference. */
export function destination(ctx: SimContext, policy: StoragePolicy, copy: StoragePolicyCopy): Json {
  const pool = ctx.index.pools.get(copy.storagePoolId);
  const primary = policy.copies.find((c) => c.copyPrecedence === 1);
  const extended = copy.extendedRetention ?? [];
  return {
    planBackupDestination: { id: copy.copyId, name: copy.copyName },
    netAppCloudTarget: false,
    isDefault: copy.copyPrecedence === 1,
    isSnapCopy: false,
    isMirrorCopy: false,
    copyType: 'SYNCHRONOUS',
    copyTypeName: 'DEFAULT_MIRROR',
    copyPrecedence: copy.copyPrecedence,
    storagePool: {
      id: copy.storagePoolId, name: pool?.storagePoolName ?? '', type: pool?.dedup ? 'DEDUPLICATION' : 'NON_DEDUPLICATION',
      retentionPeriodDays: pool?.retentionDays ?? 30, wormStoragePoolFlag: 0,
    },
    storageType: pool?.kind === 'cloud' ? 'CLOUD' : 'DISK',
    sourceCopy: copy.copyPrecedence > 1 && primary ? { id: primary.copyId, name: primary.copyName } : { id: 0, name: '' },
    region: { id: 0, name: '', displayName: '' },
    backupsToCopy: 'All_JOBS',
    fullBackupTypesToCopy: 'FIRST',
    backupStartTime: -1,
    enableDataAging: copy.dataAging !== false,
    overrideRetentionSettings: copy.overridePool !== false,
    retentionRuleType: 'RETENTION_PERIOD',
    retentionPeriodDays: copy.retentionDays,
    snapRecoveryPoints: 0,
    useExtendedRetentionRules: extended.length > 0,
    extendedRetentionRules: Object.fromEntries(
      extended.map((r, i) => [EXTENDED_KEYS[i], { isInfiniteRetention: r.days < 0, retentionPeriodDays: r.days, type: r.fulls }]),
    ),
    mappings: [],
  };
}

function backupDestinations(req: ApiRequest, ctx: SimContext): ApiResult {
  const found = visiblePlan(req, ctx);
  if (!found) return v4NotFound();
  return ok({ backupdestinations: found.policy.copies.map((c) => destination(ctx, found.policy, c)), regionsConfigured: false }, 'Api_GetBackupDestinationsResp');
}

function withPlan(req: ApiRequest, ctx: SimContext, answer: (plan: Plan) => ApiResult): ApiResult {
  const found = visiblePlan(req, ctx);
  return found ? answer(found.plan) : v4NotFound();
}

/** The plan's schedule policy (data/schedules.ts: seeded with the plan's RPO, changed by `PUT …/RPO`). */
function schedulePolicy(ctx: SimContext, plan: Plan): SimScheduleTask | undefined {
  return ctx.data.schedules.find((t) => t.taskType === 4 && t.planId === plan.planId);
}

/** The RPO's schedules: the plan's schedule policy in the V4 form (data/plan-rpo.ts), so both reads agree. */
function rpoSchedules(ctx: SimContext, plan: Plan): Json[] {
  const policy = schedulePolicy(ctx, plan);
  return policy ? policy.subTasks.filter((s) => s.operationType === 2).map((s) => planScheduleOf(policy, s, ctx.data.commServ.timeZoneName)) : [];
}

/**
 * `PUT /V4/ServerPlan/{id}/RPO` with `backupFrequency.schedules[]`, each with `scheduleOperation` ADD,
 * MODIFY or DELETE (cvpysdk `add_schedule`, `edit_schedule`, `delete_schedule`); the windows and SLA
 * keys are not modelled. A problem is HTTP 400 with the V4 error body, and changes nothing.
 */
function updateRpo(req: ApiRequest, ctx: SimContext): ApiResult {
  const found = visiblePlan(req, ctx);
  const policy = found && schedulePolicy(ctx, found.plan);
  if (!found || !policy) return v4NotFound();
  const schedules: unknown = (req.body as Json | undefined)?.backupFrequency?.schedules;
  if (!Array.isArray(schedules) || schedules.length === 0) return badRequest('backupFrequency.schedules names no schedule.');
  let last = Math.max(5000, ...ctx.data.schedules.flatMap((t) => t.subTasks.map((s) => s.subTaskId)));
  const since = Math.floor(ctx.nowS() / 86_400) * 86_400;
  const problem = applyRpoSchedules(policy, schedules, () => (last += 1), since);
  if (problem) return badRequest(problem);
  return ok({ errorMessage: '', errorCode: 0 }, ROOT);
}

/** Windows follow from the plan's RPO (the simulator's choice): under a day, any time; else weekday nights. */
function serverPlan(req: ApiRequest, ctx: SimContext): ApiResult {
  const found = visiblePlan(req, ctx);
  if (!found) return v4NotFound();
  const { plan, policy } = found;
  const nightly = plan.rpoInMinutes >= 1440;
  const servers = ctx.data.subclients.filter((s) => s.planId === plan.planId);
  return ok(
    {
      plan: { id: plan.planId, name: plan.planName },
      regionsConfigured: false,
      backupDestinations: policy.copies.map((c) => destination(ctx, policy, c)),
      allowPlanOverride: false,
      permissions: [],
      associatedEntities: [
        { id: 1, name: 'Servers', count: new Set(servers.map((s) => s.clientId)).size },
        { id: 2, name: 'Subclients', count: servers.length },
      ],
      backupContent: { windowsIncludedPaths: ['\\'], windowsExcludedPaths: [], unixIncludedPaths: ['/'], unixExcludedPaths: [], backupSystemState: true },
      rpo: {
        backupFrequency: { schedules: rpoSchedules(ctx, plan), operationType: 'NONE' },
        backupWindow: nightly ? [{ dayOfWeek: WEEKDAYS, startTime: 72000, endTime: 21600 }] : [],
        fullBackupWindow: [{ dayOfWeek: ['SATURDAY', 'SUNDAY'], startTime: 0, endTime: 86399 }],
        SLA: { useSystemDefaultSLA: true, inheritedSLAPeriod: 1440, inheritedFrom: 'COMMCELL', SLAPeriod: 1440, excludeFromSLA: false, enableAfterDelay: 0, exclusionReason: '' },
      },
      databaseOptions: { logBackupRPOMins: 240, runFullBackupEvery: 7, useDiskCacheForLogBackups: false, commitFrequencyInHours: 8 },
      snapshotOptions: { enableBackupCopy: false, backupCopyRPOMins: 240 },
      additionalProperties: { RPO: plan.rpoInMinutes, status: 'ENABLED' },
    },
    'Api_GetServerPlanResp',
  );
}

/**
 * `PUT /V4/ServerPlan/{planId}/BackupDestination/{copyId}`: the flat retention keys (each optional). As
 * the reference says, extended rules must outlast the basic rule; a malformed value is HTTP 400.
 */
function updateDestination(req: ApiRequest, ctx: SimContext): ApiResult {
  const found = visiblePlan(req, ctx);
  const copy = found?.policy.copies.find((c) => c.copyId === Number(req.params.copyId));
  if (!found || !copy) return v4NotFound();
  const body = (req.body ?? {}) as Json;
  const days = body.retentionPeriodDays === undefined ? copy.retentionDays : Number(body.retentionPeriodDays);
  if (!Number.isInteger(days) || days === 0 || days < -1) return badRequest('retentionPeriodDays must be -1 or a positive number of days.');
  if (body.retentionRuleType !== undefined && body.retentionRuleType !== 'RETENTION_PERIOD') return badRequest('Only RETENTION_PERIOD retention can be set on this copy.');
  let extended: SimExtendedRule[] | undefined = copy.extendedRetention;
  if (body.useExtendedRetentionRules === false) extended = [];
  else if (body.extendedRetentionRules !== undefined) {
    extended = [];
    for (const key of EXTENDED_KEYS) {
      const rule = body.extendedRetentionRules?.[key];
      if (rule === undefined) continue;
      const fulls = V4_FULLS.find((f) => f === rule.type);
      const ruleDays = rule.isInfiniteRetention === true ? -1 : Number(rule.retentionPeriodDays);
      if (!fulls || !Number.isInteger(ruleDays) || ruleDays === 0 || ruleDays < -1) return badRequest(`Invalid extended retention rule ${key}.`);
      extended.push({ fulls, days: ruleDays });
    }
  }
  for (const rule of extended ?? []) {
    if (rule.days >= 0 && (days < 0 || rule.days <= days)) return badRequest('Extended retention must be greater than the basic retention.');
  }
  copy.retentionDays = days;
  copy.extendedRetention = extended;
  if (typeof body.enableDataAging === 'boolean') copy.dataAging = body.enableDataAging;
  if (typeof body.overrideRetentionSettings === 'boolean') copy.overridePool = body.overrideRetentionSettings;
  return ok(
    { planBackupDestination: [{ id: copy.copyId, name: copy.copyName }], failedDestinations: [], storagePolicyId: found.policy.storagePolicyId, error: { errorMessage: '', errorCode: 0 } },
    ROOT,
  );
}

/** Every backup the copy holds and has not aged, newest first; the reference's filters are not modelled. */
function copyJobs(req: ApiRequest, ctx: SimContext): ApiResult {
  const copyId = idParam(req);
  const policy = ctx.data.storagePolicies.find((p) => p.copies.some((c) => c.copyId === copyId) && (req.scope as Scope).company(p.companyId));
  const copy = policy?.copies.find((c) => c.copyId === copyId);
  if (!policy || !copy) return v4NotFound();
  const jobs = jobsOnCopy(ctx.data, policy, copy).reverse();
  return ok({ jobs: jobs.map((j) => info(ctx, j, copy, copyJobState(ctx.data, copy.copyId, j.jobId))) }, 'Api_GetPlanCopyJobsResp');
}

function badRequest(message: string): ApiResult {
  return { status: 400, body: { errorMessage: message, errorCode: 400 }, xmlRoot: ROOT };
}

/** Used by the data aging task: ages every copy of the policies given. */
export function ageCopies(ctx: SimContext, targets: ReadonlyArray<{ policy: StoragePolicy; copy: StoragePolicyCopy }>): number[] {
  return targets.flatMap(({ policy, copy }) => ageCopy(ctx.data, policy, copy, ctx.nowS()));
}
