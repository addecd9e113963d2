import type { SimEvent } from '../data/types.js';
import { idParam, listOrOmit, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

export const eventRoutes: RouteDef[] = [
  { method: 'GET', template: '/Events', handle: listEvents },
  { method: 'GET', template: '/Events/{id}', handle: getEvent },
];

const ROOT = 'EvMgrS_GetEventsResp';

function wire(ctx: SimContext, e: SimEvent): Record<string, unknown> {
  const client = ctx.index.clients.get(e.clientId);
  return {
    severity: e.severity,
    // A string of a number on the wire (docs/upstreams/commvault.md §6.2).
    eventCode: String(e.eventCode),
    jobId: e.jobId,
    acknowledge: 0,
    eventCodeString: e.eventCodeString,
    subsystem: e.subsystem,
    description: e.description,
    id: e.id,
    timeSource: e.timeSource,
    type: 0,
    clientEntity: { clientId: e.clientId, clientName: client?.clientName ?? '', displayName: client?.displayName ?? '' },
  };
}

/** Newest first, unpaged; `showInfo|Minor|Major|Critical=false` drop severities 0/3/6/9. */
function listEvents(req: ApiRequest, ctx: SimContext): ApiResult {
  const q = req.query;
  const clientId = q.int('clientId');
  const jobId = q.int('jobId');
  const from = q.int('fromTime');
  const to = q.int('toTime');
  const shown = new Set<number>();
  if (q.flag('showInfo', true)) shown.add(0);
  if (q.flag('showMinor', true)) shown.add(3);
  if (q.flag('showMajor', true)) shown.add(6);
  if (q.flag('showCritical', true)) shown.add(9);
  const scope = req.scope as Scope;
  const out: Record<string, unknown>[] = [];
  for (let i = ctx.data.events.length - 1; i >= 0; i--) {
    const e = ctx.data.events[i];
    if (!scope.company(e.companyId) || !shown.has(e.severity)) continue;
    if (clientId !== undefined && clientId > 0 && e.clientId !== clientId) continue;
    if (jobId !== undefined && jobId > 0 && e.jobId !== jobId) continue;
    if (from !== undefined && from > 0 && e.timeSource < from) continue;
    if (to !== undefined && to > 0 && e.timeSource > to) continue;
    out.push(wire(ctx, e));
  }
  return ok(listOrOmit('commservEvents', out), ROOT);
}

function getEvent(req: ApiRequest, ctx: SimContext): ApiResult {
  const e = ctx.index.events.get(idParam(req));
  if (!e || !(req.scope as Scope).company(e.companyId)) return ok({}, ROOT);
  return ok({ commservEvents: [wire(ctx, e)] }, ROOT);
}
