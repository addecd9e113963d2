import type { Plan } from '../data/types.js';
import { idParam, listOrOmit, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

export const planRoutes: RouteDef[] = [
  { method: 'GET', template: '/V2/Plan', handle: listV2 },
  { method: 'GET', template: '/V2/Plan/{id}', handle: getV2 },
  { method: 'GET', template: '/V4/Plan/Summary', handle: v4Summary },
];

function visiblePlans(req: ApiRequest, ctx: SimContext): Plan[] {
  return ctx.data.plans.filter((p) => (req.scope as Scope).company(p.companyId));
}

function associated(ctx: SimContext, plan: Plan): number {
  let n = 0;
  for (const sc of ctx.data.subclients) if (sc.planId === plan.planId) n += 1;
  return n;
}

function storageOf(ctx: SimContext, plan: Plan): Record<string, unknown> {
  const policy = ctx.index.policies.get(plan.storagePolicyId);
  return {
    storagePolicy: { storagePolicyId: plan.storagePolicyId, storagePolicyName: policy?.storagePolicyName ?? '' },
    copy: (policy?.copies ?? []).map((c) => ({
      copyType: c.copyType,
      StoragePolicyCopy: { copyId: c.copyId, copyName: c.copyName },
      copyPrecedence: c.copyPrecedence,
      isDefault: c.copyPrecedence === 1 ? 1 : 0,
      isSnapCopy: 0,
      useGlobalPolicy: { storagePolicyId: c.storagePoolId, storagePolicyName: ctx.index.pools.get(c.storagePoolId)?.storagePoolName ?? '' },
      retentionRules: { retainBackupDataForDays: c.retentionDays, retainBackupDataForCycles: c.retentionCycles ?? 1 },
    })),
  };
}

function v2Summary(ctx: SimContext, plan: Plan): Record<string, unknown> {
  return {
    plan: { planName: plan.planName, planId: plan.planId },
    type: plan.type,
    subtype: plan.subtype,
    numAssocEntities: associated(ctx, plan),
    numCopies: ctx.index.policies.get(plan.storagePolicyId)?.copies.length ?? 0,
    missingEntities: 0,
    parent: { planId: 0, planName: '' },
    storage: storageOf(ctx, plan),
    rpoInMinutes: plan.rpoInMinutes,
    planStatusFlag: 0,
  };
}

function listV2(req: ApiRequest, ctx: SimContext): ApiResult {
  const type = req.query.int('type');
  const plans = visiblePlans(req, ctx).filter((p) => type === undefined || p.type === type);
  return ok(listOrOmit('plans', plans.map((p) => v2Summary(ctx, p))), 'App_GetPlansResponse');
}

/**
 * The detail nests the summary under `plan.summary`, as cvpysdk's Plan reads it, beside the plan's
 * schedule policy (task id 100 + plan id, as V4's `policyId`), supported workloads and windows
 * (docs/upstreams/commvault.md §12.1).
 */
function getV2(req: ApiRequest, ctx: SimContext): ApiResult {
  const plan = visiblePlans(req, ctx).find((p) => p.planId === idParam(req));
  if (!plan) return ok({}, 'App_GetPlanResponse');
  const { storage, ...summary } = v2Summary(ctx, plan);
  return ok(
    {
      error: {},
      plan: {
        summary: { ...summary, slaInMinutes: 1440, restrictions: 0, planOwner: { _type_: 13, userName: 'admin', userId: 1 } },
        storage,
        schedule: { task: { taskId: 100 + plan.planId, taskName: `${plan.planName} backup schedule` } },
        options: { supportedWorkloads: { solutions: [{ solutionName: 'File System' }, { solutionName: 'Virtualization' }, { solutionName: 'Databases' }] } },
        operationWindow: { ruleId: 0 },
        fullOperationWindow: { ruleId: 0 },
        inheritance: { isSealed: true },
        definesStorage: { definesEntity: true, overrideEntity: 0 },
      },
    },
    'App_GetPlanResponse',
  );
}

function v4Summary(req: ApiRequest, ctx: SimContext): ApiResult {
  const plans = visiblePlans(req, ctx).map((p) => {
    const policy = ctx.index.policies.get(p.storagePolicyId);
    const company = ctx.data.companies.find((c) => c.companyId === p.companyId);
    return {
      plan: { id: p.planId, name: p.planName },
      planType: 'Server',
      parentPlan: { id: 0, name: '' },
      targetApp: ['Files', 'Virtualization', 'Databases'],
      associatedEntities: associated(ctx, p),
      RPO: p.rpoInMinutes,
      numberOfCopies: policy?.copies.length ?? 0,
      status: 'ENABLED',
      missingEntities: [],
      resourcePool: [],
      tags: [],
      company: { id: p.companyId, name: company?.companyName ?? '' },
      commcell: ctx.data.commServ.commCellName,
      derivable: true,
    };
  });
  return ok({ plans, plansCount: plans.length }, 'Api_PlanSummaryResp');
}
