import { field, int, str } from './read.js';

/** Token prefixes Commvault accepts in `Authtoken`; a bare token gets `QSDK ` (cvpysdk does the same). */
const TOKEN_PREFIX = /^(QSDK|SAML|Bearer)\s/i;

/**
 * `POST /Login` success: `{token: "QSDK …", userName, …, errList: []}`, or the SaaS form
 * `{data: {authToken}}`. Returns the value for the `Authtoken` header, or undefined when the answer
 * holds no token (a failed login is HTTP 200 with `errList`).
 */
export function tokenFromLogin(body: unknown): string | undefined {
  const raw = str(field(body, 'token')) ?? str(field(body, 'authToken')) ?? str(field(field(body, 'data'), 'authToken'));
  if (!raw) return undefined;
  const token = raw.trim();
  return TOKEN_PREFIX.test(token) ? token : `QSDK ${token}`;
}

/** A failed login's lock state, which tells an operator why retrying will not help. */
export function lockStateFromLogin(body: unknown): { locked: boolean; remainingLockSeconds: number | null } {
  const locked = field(body, 'isAccountLocked');
  return { locked: locked === true || locked === 'true', remainingLockSeconds: int(field(body, 'remainingLockTime')) };
}
