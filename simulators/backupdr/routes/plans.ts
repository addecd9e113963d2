import { apiError, INVALID_JSON, notFound, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';
import { RIGHTS } from '../data/security.js';
import type { Sla } from '../data/types.js';
import { ERR } from '../errors.js';
import { applicationResource } from '../resources/inventory.js';
import { slaResource, slpResource, sltResource, wireSla } from '../resources/protection.js';
import { badBody, visible } from './resources.js';
import { readUpdate } from './update.js';

/**
 * Applying and removing a backup plan (docs/upstreams/backupdr.md §7.5): `POST /sla` protects an application
 * with a template (SLT) and a profile (SLP); `DELETE /sla/{id}` unprotects it. Objects outside the caller's
 * organizations answer 404 like missing ones.
 */
export const planRoutes: RouteDef[] = [
  { method: 'POST', template: '/sla', right: RIGHTS.slaManage, handle: createSla },
  { method: 'DELETE', template: '/sla/{id}', right: RIGHTS.slaManage, handle: deleteSla },
];

const refId = (body: Record<string, unknown>, name: string): string | undefined => {
  const id = (body[name] as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};

/** `{"application": {"id"}, "slt": {"id"}, "slp": {"id"}, "scheduleoff": "false", "description"?}` → 200 SlaRest; 409 when already protected. */
function createSla(req: ApiRequest, ctx: SimContext): ApiResult {
  if (req.body === INVALID_JSON) return badBody('Request body is not valid JSON');
  const body = req.body as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return badBody('Request body must be an SlaRest object');
  const ids = { application: refId(body, 'application'), slt: refId(body, 'slt'), slp: refId(body, 'slp') };
  for (const [name, id] of Object.entries(ids)) if (id === undefined) return badBody(`${name}.id is required`);
  const u = readUpdate(body, { scheduleoff: 'boolean', expirationoff: 'boolean', description: 'string' });
  if ('error' in u) return badBody(u.error);
  const app = visible(applicationResource, ids.application as string, req, ctx);
  if (!app) return notFound('application', ids.application as string);
  const slt = visible(sltResource, ids.slt as string, req, ctx);
  if (!slt) return notFound('slt', ids.slt as string);
  const slp = visible(slpResource, ids.slp as string, req, ctx);
  if (!slp) return notFound('slp', ids.slp as string);
  if (app.slaId !== null) return apiError(409, ERR.conflict, `Application ${app.appname} is already protected by SLA ${app.slaId}`);
  const now = ctx.nowUs();
  const sla: Sla = {
    id: ctx.index.nextId(),
    description: String(u.values.description ?? ''),
    appId: app.id,
    groupId: null,
    sltId: slt.id,
    slpId: slp.id,
    scheduleoff: u.values.scheduleoff === true ? 'true' : 'false',
    expirationoff: u.values.expirationoff === true ? 'true' : 'false',
    dedupasyncoff: 'false',
    logexpirationoff: false,
    modifydate: now,
    syncdate: now,
  };
  ctx.data.slas.push(sla);
  ctx.index.slas.set(sla.id, sla);
  app.slaId = sla.id;
  app.managed = true;
  return { status: 200, body: wireSla(sla, ctx, req.apiRoot) };
}

/** `DELETE /sla/{id}` → 204; the application (or logical group) is no longer protected. */
function deleteSla(req: ApiRequest, ctx: SimContext): ApiResult {
  const sla = visible(slaResource, req.params.id, req, ctx);
  if (!sla) return notFound('sla', req.params.id);
  const at = ctx.data.slas.indexOf(sla);
  if (at >= 0) ctx.data.slas.splice(at, 1);
  ctx.index.slas.delete(sla.id);
  const app = sla.appId ? ctx.index.apps.get(sla.appId) : undefined;
  if (app) {
    app.slaId = null;
    app.managed = false;
  }
  const group = sla.groupId ? ctx.index.lgs.get(sla.groupId) : undefined;
  if (group) group.slaId = null;
  return { status: 204 };
}
