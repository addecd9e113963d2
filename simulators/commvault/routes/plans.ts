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
      useGlobalPolicy: { storagePolicyId: c.storagePoolId, storagePolicyName: ctx.index.pools.get(c.storagePoolId)?.storagePoolName ?? '' },
      retentionRules: { retainBackupDataForDays: c.retentionDays },
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

/** The detail nests the summary under `plan.summary`, as cvpysdk's Plan reads it. */
function getV2(req: ApiRequest, ctx: SimContext): ApiResult {
  const plan = visiblePlans(req, ctx).find((p) => p.planId === idParam(req));
  if (!plan) return ok({}, 'App_GetPlanResponse');
  const { storage, ...summary } = v2Summary(ctx, plan);
  return ok({ plan: { summary, storage } }, 'App_GetPlanResponse');
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
