/** A bearer token and until when the console takes it. */
export interface BearerToken {
  value: string;
  /** Epoch ms; Infinity for a fixed bearer the gateway cannot renew. */
  expiresAtMs: number;
}

/**
 * Where a console source gets the bearer it logs in with and sends on every call. `token()` is cheap
 * while the current token is good (callers ask on every call); `reject(value)` says the console answered
 * 401 to it, so the next `token()` mints a new one instead of handing it out again.
 */
export interface TokenSource {
  token(): Promise<BearerToken>;
  reject(value: string): void;
}

/** The configured bearer (`bearerToken`): never renewed; a console that rejects it keeps rejecting it. */
export class FixedTokenSource implements TokenSource {
  private readonly current: Promise<BearerToken>;

  constructor(value: string) {
    this.current = Promise.resolve({ value, expiresAtMs: Infinity });
  }

  token(): Promise<BearerToken> {
    return this.current;
  }

  reject(_value: string): void {}
}

export interface MintingTokenSourceOptions {
  /** Mints a new token every time it is called (the caller caches). */
  mint: () => Promise<BearerToken>;
  /** How long before expiry a token is replaced. Capped at a fifth of the token's own lifetime. @default 300000 */
  refreshBeforeMs?: number;
  /** Clock in epoch ms, for tests. @default Date.now */
  now?: () => number;
}

/**
 * A token that is minted once and shared: concurrent callers wait on one mint (the library does not
 * deduplicate impersonation), the token is replaced `refreshBeforeMs` ahead of its expiry so no call goes
 * out with a token about to lapse, and a rejected token is dropped at once. A failed mint is not kept:
 * the next caller mints again.
 */
export class MintingTokenSource implements TokenSource {
  private readonly mint: () => Promise<BearerToken>;
  private readonly refreshBeforeMs: number;
  private readonly now: () => number;
  private current?: { token: BearerToken; refreshAtMs: number };
  private minting?: Promise<BearerToken>;

  constructor(options: MintingTokenSourceOptions) {
    this.mint = options.mint;
    this.refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  token(): Promise<BearerToken> {
    const current = this.current;
    if (current && this.now() < current.refreshAtMs) return Promise.resolve(current.token);
    return (this.minting ??= this.mintShared());
  }

  reject(value: string): void {
    if (this.current?.token.value === value) this.current = undefined;
  }

  private async mintShared(): Promise<BearerToken> {
    const mintedAtMs = this.now();
    try {
      const token = await this.mint();
      // A token living less than ten minutes (tests, short lifetimes) would otherwise be "due" as soon
      // as it is minted and be minted again on every call.
      const ahead = Math.min(this.refreshBeforeMs, (token.expiresAtMs - mintedAtMs) / 5);
      this.current = { token, refreshAtMs: token.expiresAtMs - ahead };
      return token;
    } finally {
      this.minting = undefined;
    }
  }
}
