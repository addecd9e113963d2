import { notFound, type ApiRequest, type ApiResult, type Caller, type RouteDef, type SimContext } from '../context.js';
import { ERR } from '../errors.js';
import type { Principal } from '../principals.js';
import { wireUser } from '../resources/security.js';
import { href, rightRef } from '../resources/wire.js';
import type { Session } from '../session.js';

/**
 * Login/logout (docs/upstreams/backupdr.md §2.2, §2.5): `POST /session` with only the bearer gives a SessionRest
 * whose `id` and `session_id` hold the same UUID; `DELETE /session/current` ends it.
 */
export const sessionRoutes: RouteDef[] = [
  {
    method: 'POST',
    template: '/session',
    auth: 'bearer',
    handle: (req, ctx) => {
      // The pipeline has checked the bearer already: it stands for a principal.
      const principal = (ctx.bearers.check(req.bearer) as { principal: Principal }).principal;
      return { status: 200, body: wireSession(ctx.sessions.create(principal), req, ctx) };
    },
  },
  // Session routes need no right: a caller without a role can still see and end its own session.
  { method: 'GET', template: '/session/current', right: null, handle: (req, ctx) => ({ status: 200, body: wireSession(own(req), req, ctx) }) },
  { method: 'GET', template: '/session/{id}', right: null, handle: (req, ctx) => (req.params.id === own(req).id ? { status: 200, body: wireSession(own(req), req, ctx) } : notFound('session', req.params.id)) },
  { method: 'DELETE', template: '/session/current', right: null, handle: (req, ctx) => logout(own(req).id, ctx) },
  // AGMPowerCLI's Disconnect-AGM deletes /session/<id>; only the caller's own session can be ended.
  { method: 'DELETE', template: '/session/{id}', right: null, handle: (req, ctx) => (req.params.id === own(req).id ? logout(req.params.id, ctx) : notFound('session', req.params.id)) },
  // The caller's IAM ManageInternalACL makes its session a console administrator for 5 minutes; without it, 403.
  {
    method: 'PUT',
    template: '/manageacl/promoteUser',
    right: null,
    handle: (req, ctx) => {
      const session = own(req);
      if (!session.principal.manageInternalAcl) return { status: 403, body: { err_code: ERR.forbidden } };
      session.promotedUntilMs = ctx.nowUs() / 1000 + PROMOTION_MS;
      return { status: 204 };
    },
  },
];

/** How long `promoteUser` lasts (General Concepts 3.7: "up to 5 minutes"). */
const PROMOTION_MS = 5 * 60_000;

function own(req: ApiRequest): Session {
  return (req.caller as Caller).session;
}

function logout(id: string, ctx: SimContext): ApiResult {
  ctx.sessions.delete(id);
  return { status: 204 };
}

function wireSession(s: Session, req: ApiRequest, ctx: SimContext): Record<string, unknown> {
  const root = req.apiRoot;
  const user = ctx.index.usersByName.get(s.principal.user);
  return {
    '@type': 'sessionRest',
    id: s.id,
    href: href(root, 'session', s.id),
    session_id: s.id,
    rights: s.principal.rights.map((r) => rightRef(r, root)),
    user: user ? wireUser(user, ctx, root) : { name: s.principal.user, dataaccesslevel: 0, localonly: true, version: 0, orglist: [], rolelist: [], rightlist: [] },
    username: s.principal.user,
    timezone: user?.timezone ?? 'UTC',
    authconfig: { method: 'DATABASE' },
    region: 'us-central1',
    syncdate: ctx.nowUs(),
    stale: false,
  };
}
