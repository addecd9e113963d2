import { toGlobalId } from '../../../util/global-id.js';
import type { UpstreamRef } from '../../record.js';
import type { CvPlan, CvPlanDetail, CvRef } from '../model.js';
import { field, int, list, str } from './read.js';

/** `GET /V2/Plan`: `{plans: [{plan: {planId, planName}, type, subtype, rpoInMinutes, numAssocEntities, numCopies}]}`. */
export function toPlans(body: unknown, upstream: UpstreamRef): CvPlan[] {
  return list(field(body, 'plans'))
    .map((raw) => toPlan(raw, upstream))
    .filter((p): p is CvPlan => p !== null);
}

export function toPlan(raw: unknown, upstream: UpstreamRef): CvPlan | null {
  const entity = field(raw, 'plan');
  const planId = int(field(entity, 'planId', 'id'));
  if (planId === null) return null;
  return planRecord(upstream, planId, str(field(entity, 'planName', 'name')) ?? String(planId), {
    type: int(field(raw, 'type')),
    subtype: int(field(raw, 'subtype')),
    rpoMinutes: int(field(raw, 'rpoInMinutes')),
    associatedEntities: int(field(raw, 'numAssocEntities')),
    copiesCount: int(field(raw, 'numCopies')),
  });
}

/** A plan another answer names by id and name (a job, a subclient, a storage): its detail loads from the plan list. */
export function toPlanRef(upstream: UpstreamRef, ref: CvRef | null): CvPlan | null {
  return ref && planRecord(upstream, ref.id, ref.name, null);
}

function planRecord(upstream: UpstreamRef, planId: number, name: string, detail: CvPlanDetail | null): CvPlan {
  return { __typename: 'CommvaultPlan', id: toGlobalId('CommvaultPlan', upstream.id, planId), upstream, planId, name, detail };
}
