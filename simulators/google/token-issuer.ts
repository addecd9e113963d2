import { randomUUID } from 'node:crypto';

/** What a Google token stands for, as the console simulator needs to know it. */
export interface IssuedToken {
  /** The service account the token was minted for. */
  email: string;
  /** `access`: an OAuth access token (bmc- consoles); `id`: an OIDC ID token with an audience (agm- consoles). */
  kind: 'access' | 'id';
  /** ID tokens: the `aud` claim (the console's OAuth client id). */
  audience?: string;
  expiresAtMs: number;
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; reason: 'unknown' | 'expired' };

/**
 * The simulated Google side of token minting, shared in-process by the token endpoint (which issues)
 * and the console simulator (which checks). Tokens live `lifetimeMs` at most (Google: one hour; tests
 * pass seconds), by the simulator's clock. Access tokens are opaque; ID tokens are unsigned JWTs whose
 * claims (`aud`, `email`, `exp`) read as Google's do.
 */
export class GoogleTokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();
  /** Tokens issued so far, per kind: what tests count mints by. */
  readonly issued = { access: 0, id: 0 };

  constructor(
    readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** An access token for `email`, living the shorter of `requestedMs` and the issuer's lifetime. */
  issueAccess(email: string, requestedMs = this.lifetimeMs): { token: string; expiresAtMs: number } {
    this.sweep();
    const expiresAtMs = this.now() + Math.min(requestedMs, this.lifetimeMs);
    const token = `ya29.sim-${randomUUID()}`;
    this.tokens.set(token, { email, kind: 'access', expiresAtMs });
    this.issued.access += 1;
    return { token, expiresAtMs };
  }

  /** An ID token for `email` with `audience` as its `aud` claim. */
  issueId(email: string, audience: string): string {
    this.sweep();
    const iat = Math.floor(this.now() / 1000);
    // Whole seconds, as JWT claims are: the token is good until `exp`, never a moment past it.
    const exp = iat + Math.max(1, Math.floor(this.lifetimeMs / 1000));
    const claims = { iss: 'https://accounts.google.com', aud: audience, azp: email, email, email_verified: true, sub: randomUUID(), iat, exp };
    const token = [b64url({ alg: 'RS256', typ: 'JWT' }), b64url(claims), 'c2lt'].join('.');
    this.tokens.set(token, { email, kind: 'id', audience, expiresAtMs: exp * 1000 });
    this.issued.id += 1;
    return token;
  }

  check(token: string): TokenCheck {
    const found = this.tokens.get(token);
    if (!found) return { ok: false, reason: 'unknown' };
    if (this.now() >= found.expiresAtMs) return { ok: false, reason: 'expired' };
    return { ok: true, token: found };
  }

  /** Tokens expired long ago are forgotten (a long test run must not grow the map without bound). */
  private sweep(): void {
    const cutoff = this.now() - 10 * this.lifetimeMs;
    for (const [token, t] of this.tokens) if (t.expiresAtMs < cutoff) this.tokens.delete(token);
  }
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
