import { apiError, notFound, type ApiRequest, type ApiResult, type Caller, type RouteDef, type SimContext } from '../context.js';
import type { Application, ConsistencyGroup, LogicalGroup, Policy, Slt } from '../data/types.js';
import { ERR } from '../errors.js';
import { countView, listView, optionsView } from '../list-view.js';
import { TOP_LEVEL } from '../resources/index.js';
import { applicationResource, consistencyGroupResource, logicalGroupResource } from '../resources/inventory.js';
import { policyResource, sltResource } from '../resources/protection.js';
import type { ResourceDef } from '../resources/resource.js';

/** GET list, GET by id, HEAD (count) and OPTIONS (metadata) for one top-level resource. */
function resourceRoutes<R>(def: ResourceDef<R>): RouteDef[] {
  const base = `/${def.path}`;
  return [
    { method: 'GET', template: base, handle: (req, ctx) => listView(def, def.records(ctx), req, ctx) },
    { method: 'HEAD', template: base, handle: (req, ctx) => countView(def, def.records(ctx), req, ctx) },
    { method: 'OPTIONS', template: base, handle: () => optionsView(def) },
    { method: 'GET', template: `${base}/{id}`, handle: (req, ctx) => getOne(def, req, ctx) },
  ];
}

/** A visible record by id, or undefined: hidden and missing objects look the same (docs/upstreams/backupdr.md §2.7). */
export function visible<R>(def: ResourceDef<R>, id: string, req: ApiRequest, ctx: SimContext): R | undefined {
  const r = def.byId(id, ctx);
  return r !== undefined && (req.caller as Caller).sees(def.scope(r, ctx)) ? r : undefined;
}

function getOne<R>(def: ResourceDef<R>, req: ApiRequest, ctx: SimContext): ApiResult {
  const r = visible(def, req.params.id, req, ctx);
  return r === undefined ? notFound(def.label, req.params.id) : { status: 200, body: def.wire(r, ctx, req.apiRoot) };
}

function members<G>(groupDef: ResourceDef<G>, ids: (g: G) => readonly string[]): RouteDef['handle'] {
  return (req, ctx) => {
    const group = visible(groupDef, req.params.id, req, ctx);
    if (group === undefined) return notFound(groupDef.label, req.params.id);
    const apps = ids(group).flatMap((id) => ctx.index.apps.get(id) ?? []);
    return listView<Application>(applicationResource, apps, req, ctx);
  };
}

const sltPolicies = (slt: Slt, ctx: SimContext): Policy[] => slt.policyIds.flatMap((id) => ctx.index.policies.get(id) ?? []);

export const listRoutes: RouteDef[] = [
  // Listed before the generic routes only for readability; the router prefers static segments anyway.
  {
    method: 'GET',
    template: '/application/types',
    handle: (req, ctx) => {
      const caller = req.caller as Caller;
      const types = [...new Set(ctx.data.applications.filter((a) => caller.sees(a.orgIds)).map((a) => a.apptype))].sort();
      return { status: 200, body: { count: types.length, items: types } };
    },
  },
  {
    method: 'GET',
    template: '/slt/{id}/policy',
    handle: (req, ctx) => {
      const slt = visible(sltResource, req.params.id, req, ctx);
      return slt ? listView(policyResource, sltPolicies(slt, ctx), req, ctx) : notFound('slt', req.params.id);
    },
  },
  {
    method: 'GET',
    template: '/slt/{id}/policy/{policyid}',
    handle: (req, ctx) => {
      const slt = visible(sltResource, req.params.id, req, ctx);
      if (!slt) return notFound('slt', req.params.id);
      const policy = sltPolicies(slt, ctx).find((p) => p.id === req.params.policyid);
      return policy ? { status: 200, body: policyResource.wire(policy, ctx, req.apiRoot) } : notFound('policy', req.params.policyid);
    },
  },
  { method: 'GET', template: '/logicalgroup/{id}/member', handle: members<LogicalGroup>(logicalGroupResource, (g) => g.memberAppIds) },
  { method: 'GET', template: '/consistencygroup/{id}/member', handle: members<ConsistencyGroup>(consistencyGroupResource, (g) => g.memberAppIds) },
  {
    method: 'GET',
    template: '/config/version',
    handle: () => ({ status: 200, body: { product: 'Backup and DR Management Console', summary: '11.0.12.203', major: 11, minor: 0, maintenance: 12, revision: 203 } }),
  },
  ...TOP_LEVEL.flatMap((def) => resourceRoutes(def)),
];


/** Used by action routes for a consistent 400. */
export function badBody(message: string): ApiResult {
  return apiError(400, ERR.badBody, message);
}
