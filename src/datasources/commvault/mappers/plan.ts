import type { CvPlan } from '../model.js';
import { field, int, list, str } from './read.js';

/** `GET /V2/Plan`: `{plans: [{plan: {planId, planName}, type, subtype, rpoInMinutes, numAssocEntities, numCopies}]}`. */
export function toPlans(body: unknown): CvPlan[] {
  return list(field(body, 'plans'))
    .map(toPlan)
    .filter((p): p is CvPlan => p !== null);
}

export function toPlan(raw: unknown): CvPlan | null {
  const entity = field(raw, 'plan');
  const planId = int(field(entity, 'planId', 'id'));
  if (planId === null) return null;
  return {
    planId,
    name: str(field(entity, 'planName', 'name')) ?? String(planId),
    type: int(field(raw, 'type')),
    subtype: int(field(raw, 'subtype')),
    rpoMinutes: int(field(raw, 'rpoInMinutes')),
    associatedEntities: int(field(raw, 'numAssocEntities')),
    copiesCount: int(field(raw, 'numCopies')),
  };
}
