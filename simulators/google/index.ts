import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, startHttpServer } from '../common/http-server.js';
import { SERVICE_ACCOUNTS } from '../backupdr/data/security.js';
import { GoogleTokenIssuer } from './token-issuer.js';

export { GoogleTokenIssuer, type IssuedToken, type TokenCheck } from './token-issuer.js';

export interface GoogleTokenSimulatorOptions {
  port: number;
  host: string;
  /** The longest a minted token lives (Google: one hour; tests pass seconds). */
  lifetimeMs: number;
  /** Service accounts that exist; impersonating another is 404 NOT_FOUND. @default the console simulator's */
  serviceAccounts: readonly string[];
  /** Service accounts the caller lacks "Token Creator" on: 403 PERMISSION_DENIED, as IAM answers. */
  denied: readonly string[];
  /**
   * Public keys of key files, by service account: the OAuth token endpoint checks an assertion's RS256
   * signature with its issuer's key. An issuer without a key here is refused ("Invalid JWT Signature.").
   */
  keys: Readonly<Record<string, string | KeyObject>>;
  now?: () => number;
}

export interface GoogleTokenSimulator {
  /** `http://127.0.0.1:<port>`: the IAM Credentials endpoint (`…/v1/projects/-/serviceAccounts/…`) and the OAuth token endpoint (`/token`). */
  readonly url: string;
  /** Shared with a console simulator (its `google.issuer`) so that it accepts what was minted here. */
  readonly issuer: GoogleTokenIssuer;
  /** Calls per endpoint: `generateAccessToken`, `generateIdToken`, `token`. */
  calls(endpoint: 'generateAccessToken' | 'generateIdToken' | 'token'): number;
  /** From now on (or no longer) the caller may not mint tokens of `email`. */
  deny(email: string, denied?: boolean): void;
  close(): Promise<void>;
}

export const DEFAULT_GOOGLE_OPTIONS: Readonly<GoogleTokenSimulatorOptions> = {
  port: 0,
  host: '127.0.0.1',
  lifetimeMs: 60 * 60_000,
  serviceAccounts: Object.values(SERVICE_ACCOUNTS),
  denied: [],
  keys: {},
};

const IAM_PATH = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):(generateAccessToken|generateIdToken)$/;

/**
 * A local stand-in for Google's token services, in the wire shapes docs/upstreams/backupdr.md §2.1
 * describes: IAM Credentials `generateAccessToken` / `generateIdToken` (caller authenticated by a bearer
 * this simulator issued) and the OAuth token endpoint's JWT-bearer grant for service-account key files.
 */
export async function startGoogleTokenSimulator(opts: Partial<GoogleTokenSimulatorOptions> = {}): Promise<GoogleTokenSimulator> {
  const o: GoogleTokenSimulatorOptions = { ...DEFAULT_GOOGLE_OPTIONS, ...opts };
  const issuer = new GoogleTokenIssuer(o.lifetimeMs, o.now);
  const accounts = new Set(o.serviceAccounts);
  const denied = new Set(o.denied);
  const keys = new Map(Object.entries(o.keys).map(([email, key]) => [email, typeof key === 'string' ? createPublicKey(key) : key]));
  const counts = { generateAccessToken: 0, generateIdToken: 0, token: 0 };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://google.invalid').pathname;
    if (req.method === 'POST' && path === '/token') {
      counts.token += 1;
      return tokenGrant(await readBody(req), res);
    }
    const iam = IAM_PATH.exec(path);
    if (req.method !== 'POST' || !iam) return googleError(res, 404, 'NOT_FOUND', 'Requested entity was not found.');
    const [, rawEmail, method] = iam as unknown as [string, string, 'generateAccessToken' | 'generateIdToken'];
    counts[method] += 1;
    const caller = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!caller || !issuer.check(caller).ok) {
      return googleError(res, 401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
    }
    const email = decodeURIComponent(rawEmail);
    if (!accounts.has(email)) return googleError(res, 404, 'NOT_FOUND', 'Requested entity was not found.');
    if (denied.has(email)) {
      const permission = method === 'generateAccessToken' ? 'iam.serviceAccounts.getAccessToken' : 'iam.serviceAccounts.getOpenIdToken';
      return googleError(res, 403, 'PERMISSION_DENIED', `Permission '${permission}' denied on resource (or it may not exist).`);
    }
    const body = parseJson(await readBody(req));
    if (method === 'generateIdToken') {
      const audience = typeof body.audience === 'string' ? body.audience : '';
      if (audience === '') return googleError(res, 400, 'INVALID_ARGUMENT', 'audience must be set');
      return sendJson(res, 200, { token: issuer.issueId(email, audience) });
    }
    if (!Array.isArray(body.scope) || body.scope.length === 0) return googleError(res, 400, 'INVALID_ARGUMENT', 'Scope required.');
    const lifetime = /^(\d+)s$/.exec(typeof body.lifetime === 'string' ? body.lifetime : '3600s');
    const { token, expiresAtMs } = issuer.issueAccess(email, lifetime ? Number(lifetime[1]) * 1000 : o.lifetimeMs);
    sendJson(res, 200, { accessToken: token, expireTime: new Date(expiresAtMs).toISOString() });
  }

  /** `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<RS256 JWS>` → an access token, or an ID token for a `target_audience` claim. */
  function tokenGrant(text: string, res: ServerResponse): void {
    const form = new URLSearchParams(text);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type.' });
    }
    const [head, payload, signature] = (form.get('assertion') ?? '').split('.');
    const claims = payload === undefined ? {} : parseJson(Buffer.from(payload, 'base64url').toString('utf8'));
    const email = typeof claims.iss === 'string' ? claims.iss : '';
    const key = keys.get(email);
    const signed = key !== undefined && signature !== undefined && verify('RSA-SHA256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url'));
    if (!signed || !accounts.has(email)) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' });
    if (denied.has(email)) return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid grant: account not found' });
    if (typeof claims.target_audience === 'string') return sendJson(res, 200, { id_token: issuer.issueId(email, claims.target_audience) });
    const { token, expiresAtMs } = issuer.issueAccess(email);
    const now = (o.now ?? Date.now)();
    sendJson(res, 200, { access_token: token, expires_in: Math.floor((expiresAtMs - now) / 1000), token_type: 'Bearer' });
  }

  const server = await startHttpServer(handle, o.port, o.host);
  return {
    url: server.origin,
    issuer,
    calls: (endpoint) => counts[endpoint],
    deny: (email, on = true) => void (on ? denied.add(email) : denied.delete(email)),
    close: () => server.close(),
  };
}

/** Google's error envelope (`{"error":{"code","message","status"}}`), as IAM answers. */
function googleError(res: ServerResponse, code: number, status: string, message: string): void {
  sendJson(res, code, { error: { code, message, status } });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
