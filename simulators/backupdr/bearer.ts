import type { GoogleTokenIssuer } from '../google/token-issuer.js';
import type { Principal } from './principals.js';

/** How the console takes Google-minted tokens (option `google`; docs/upstreams/backupdr.md §2.1). */
export interface ConsoleGoogleAuth {
  /** The Google token simulator's issuer: the console accepts what it minted, until it expires. */
  issuer: GoogleTokenIssuer;
  /**
   * Set: an older `agm-` console, which takes only ID tokens whose `aud` is this OAuth client id.
   * Absent: a `bmc-` console (11.0.5+), which takes access tokens.
   */
  oauth2ClientId?: string;
  /** Service accounts whose tokens the console refuses (401) though Google mints them: access withdrawn. Tests change it. */
  refused?: Set<string>;
}

export type BearerCheck = { ok: true; principal: Principal } | { ok: false; expired: boolean };

/**
 * Who a bearer stands for: a fixed token of `principals`, or a token minted for a service account, which
 * stands for the principal whose user is that account (an account the console has no user for logs in
 * with no rights, as a new service account does). Each minted token is a principal of its own, so a
 * session works only with the token that created it.
 */
export class BearerPrincipals {
  private readonly minted = new Map<string, Principal>();

  constructor(
    private readonly principals: readonly Principal[],
    private readonly google: ConsoleGoogleAuth | undefined,
  ) {}

  check(bearer: string | undefined): BearerCheck {
    if (bearer === undefined) return { ok: false, expired: false };
    const fixed = this.principals.find((x) => x.token === bearer);
    if (fixed) return { ok: true, principal: fixed };
    if (!this.google) return { ok: false, expired: false };
    const found = this.google.issuer.check(bearer);
    if (!found.ok) {
      this.minted.delete(bearer);
      return { ok: false, expired: found.reason === 'expired' };
    }
    const { oauth2ClientId, refused } = this.google;
    if (refused?.has(found.token.email)) return { ok: false, expired: false };
    const fits = oauth2ClientId === undefined ? found.token.kind === 'access' : found.token.kind === 'id' && found.token.audience === oauth2ClientId;
    if (!fits) return { ok: false, expired: false };
    let principal = this.minted.get(bearer);
    if (!principal) {
      const user = this.principals.find((x) => x.user === found.token.email);
      principal = user ? { ...user, token: bearer } : { token: bearer, user: found.token.email, organizations: 'all', rights: [] };
      this.minted.set(bearer, principal);
    }
    return { ok: true, principal };
  }
}
