import type { SimUser } from '../data/types.js';
import { ok, type ApiRequest, type ApiResult, type RouteDef, type SimContext } from '../context.js';

const LOGIN_ROOT = 'DM2ContentIndexing_CheckCredentialResp';

/** Failed attempts per user name since start (Commvault reports them in `loginAttempts`). */
const failedAttempts = new WeakMap<SimContext, Map<string, number>>();

export const authRoutes: RouteDef[] = [
  { method: 'POST', template: '/Login', auth: false, handle: login },
  { method: 'POST', template: '/Logout', handle: logout },
  {
    method: 'POST',
    template: '/RenewLoginToken',
    // The point of renewing is to revive a token that just answered 401, so no live token is needed.
    auth: false,
    errorShape: (code, message) => ({ error: { errorCode: code, errLogMessage: message } }),
    handle: renew,
  },
  { method: 'GET', template: '/WhoAmI', handle: whoAmI },
  { method: 'POST', template: '/WhoAmI', handle: whoAmI },
];

function login(req: ApiRequest, ctx: SimContext): ApiResult {
  const fields = loginFields(req);
  const user: SimUser | undefined = ctx.data.users.find((u) => u.userName.toLowerCase() === (fields.username ?? '').toLowerCase());
  const password: string | undefined = fields.password === undefined ? undefined : fromBase64(fields.password);
  if (!user || password !== user.password) {
    let attempts = failedAttempts.get(ctx);
    if (!attempts) failedAttempts.set(ctx, (attempts = new Map()));
    const n: number = (attempts.get((fields.username ?? '').toLowerCase()) ?? 0) + 1;
    attempts.set((fields.username ?? '').toLowerCase(), n);
    // HTTP 200 without a token is how Commvault says "wrong password" (docs/upstreams/commvault.md §2.3).
    return ok(
      { loginAttempts: n, remainingLockTime: 0, isAccountLocked: false, errList: [{ errorCode: 5, errLogMessage: 'Invalid Username or Password' }] },
      LOGIN_ROOT,
    );
  }
  failedAttempts.get(ctx)?.delete(user.userName.toLowerCase());
  const timeoutMinutes: number | undefined = typeof fields.timeout === 'number' && fields.timeout > 0 ? fields.timeout : undefined;
  const session = ctx.tokens.issue(user, fields.deviceId ?? '', timeoutMinutes === undefined ? undefined : timeoutMinutes * 60_000);
  const company = ctx.data.companies.find((c) => c.companyId === (user.companyId ?? 0));
  const org = { GUID: `${ctx.data.commServ.csGUID.slice(0, 24)}${String(user.companyId ?? 0).padStart(12, '0')}`, providerId: user.companyId ?? 0, providerDomainName: company?.companyName ?? 'Commcell' };
  return ok(
    {
      aliasName: String(user.userId),
      userGUID: user.userGUID,
      loginAttempts: 0,
      remainingLockTime: 0,
      smtpAddress: user.email,
      userName: user.userName,
      providerType: 1,
      ccn: 0,
      token: session.token,
      capability: user.companyId === null ? 4328650366975 : 1099511627775,
      forcePasswordChange: false,
      isAccountLocked: false,
      ownerOrganization: org,
      providerOrganization: org,
      errList: [],
    },
    LOGIN_ROOT,
  );
}

function logout(req: ApiRequest, ctx: SimContext): ApiResult {
  if (req.session) ctx.tokens.revoke(req.session.token);
  return { body: {}, xmlRoot: 'Logout', text: 'User logged out' };
}

function renew(req: ApiRequest, ctx: SimContext): ApiResult {
  const body = (req.body ?? {}) as { sessionId?: unknown; deviceId?: unknown };
  const headerToken = req.headers.authtoken;
  const sessionId: string | undefined = typeof body.sessionId === 'string' ? body.sessionId : typeof headerToken === 'string' ? headerToken : undefined;
  const session = sessionId ? ctx.tokens.find(sessionId) : undefined;
  const fail = (message: string): ApiResult => ok({ error: { errorCode: 1, errLogMessage: message } }, 'DM2ContentIndexing_RenewTokenResp');
  if (!session) return fail('Invalid session: the token cannot be renewed.');
  const deviceId: string | undefined = typeof body.deviceId === 'string' ? body.deviceId : undefined;
  if (session.deviceId !== '' && deviceId !== session.deviceId) return fail('Device id does not match the one the session was created with.');
  ctx.tokens.revoke(session.token);
  const renewed = ctx.tokens.issue(session.user, session.deviceId, session.idleTimeoutMs);
  return ok({ token: renewed.token }, 'DM2ContentIndexing_RenewTokenResp');
}

function whoAmI(req: ApiRequest): ApiResult {
  const user = (req.session as NonNullable<ApiRequest['session']>).user;
  return ok({ user: { userName: user.userName, userId: user.userId, userGUID: user.userGUID }, errorCode: 0 }, 'CvEntities_ProcessingInstructionInfo');
}

interface LoginFields {
  username?: string;
  password?: string;
  deviceId?: string;
  timeout?: number;
}

/** JSON body as cvpysdk sends it, or the XML `DM2ContentIndexing_CheckCredentialReq` form (attributes). */
function loginFields(req: ApiRequest): LoginFields {
  if (typeof req.body === 'object' && req.body !== null) {
    const b = req.body as Record<string, unknown>;
    return {
      username: typeof b.username === 'string' ? b.username : undefined,
      password: typeof b.password === 'string' ? b.password : undefined,
      deviceId: typeof b.deviceId === 'string' ? b.deviceId : undefined,
      timeout: typeof b.timeout === 'number' ? b.timeout : typeof b.timeout === 'string' ? Number(b.timeout) : undefined,
    };
  }
  const attr = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(req.rawBody)?.[1];
  const timeout = attr('timeout');
  return { username: attr('username'), password: attr('password'), deviceId: attr('deviceId'), timeout: timeout ? Number(timeout) : undefined };
}

function fromBase64(s: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.trim())) return undefined;
  return Buffer.from(s.trim(), 'base64').toString('utf8');
}
