import { describe, expect, it } from 'vitest';
import { FixedTokenSource, MintingTokenSource, type BearerToken } from '../../src/datasources/backupdr/auth/token-source.js';

const HOUR = 60 * 60_000;

/** A mint whose tokens live `lifetimeMs` by the fake clock, counted; `gate` holds each mint until released. */
function fakeMint(clock: { t: number }, lifetimeMs = HOUR) {
  const state = { mints: 0, fail: undefined as Error | undefined, release: undefined as (() => void) | undefined };
  const mint = async (): Promise<BearerToken> => {
    state.mints += 1;
    const n = state.mints;
    await new Promise<void>((resolve) => (state.release = resolve));
    if (state.fail) throw state.fail;
    return { value: `token-${n}`, expiresAtMs: clock.t + lifetimeMs };
  };
  return { state, mint };
}

/** Lets every pending mint finish. */
async function settle(state: { release?: () => void }): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
    state.release?.();
  }
}

/** `source.token()` with any mint it starts let through. */
async function next(source: MintingTokenSource, state: { release?: () => void }): Promise<BearerToken> {
  const token = source.token();
  await settle(state);
  return token;
}

describe('MintingTokenSource', () => {
  it('mints once for 20 concurrent callers, who all get that token', async () => {
    const clock = { t: 0 };
    const { state, mint } = fakeMint(clock);
    const source = new MintingTokenSource({ mint, now: () => clock.t });
    const waiting = Promise.all(Array.from({ length: 20 }, () => source.token()));
    await settle(state);
    const tokens = await waiting;
    expect(state.mints).toBe(1);
    expect(new Set(tokens.map((t) => t.value))).toEqual(new Set(['token-1']));
  });

  it('serves the cached token until 5 minutes before expiry, then mints a new one', async () => {
    const clock = { t: 0 };
    const { state, mint } = fakeMint(clock);
    const source = new MintingTokenSource({ mint, now: () => clock.t });
    expect((await next(source, state)).value).toBe('token-1');
    clock.t = HOUR - 5 * 60_000 - 1;
    expect((await source.token()).value).toBe('token-1');
    expect(state.mints).toBe(1);
    clock.t = HOUR - 5 * 60_000;
    expect((await next(source, state)).value).toBe('token-2');
    expect(state.mints).toBe(2);
  });

  it('refreshes a short-lived token at four fifths of its life, not on every call', async () => {
    const clock = { t: 0 };
    const { state, mint } = fakeMint(clock, 5_000);
    const source = new MintingTokenSource({ mint, now: () => clock.t });
    await next(source, state);
    clock.t = 3_999;
    expect((await source.token()).value).toBe('token-1');
    clock.t = 4_000;
    expect((await next(source, state)).value).toBe('token-2');
  });

  it('a rejected token is minted anew; rejecting a token no longer current changes nothing', async () => {
    const clock = { t: 0 };
    const { state, mint } = fakeMint(clock);
    const source = new MintingTokenSource({ mint, now: () => clock.t });
    await next(source, state);
    source.reject('token-1');
    expect((await next(source, state)).value).toBe('token-2');
    source.reject('token-1');
    expect((await source.token()).value).toBe('token-2');
    expect(state.mints).toBe(2);
  });

  it('a failed mint fails every waiting caller and is not kept: the next caller mints again', async () => {
    const clock = { t: 0 };
    const { state, mint } = fakeMint(clock);
    const source = new MintingTokenSource({ mint, now: () => clock.t });
    state.fail = new Error('PERMISSION_DENIED: unable to impersonate');
    const failing = Promise.allSettled([source.token(), source.token()]);
    await settle(state);
    expect((await failing).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(state.mints).toBe(1);
    state.fail = undefined;
    expect((await next(source, state)).value).toBe('token-2');
  });
});

describe('FixedTokenSource', () => {
  it('always gives the configured bearer, even after a 401', async () => {
    const source = new FixedTokenSource('admin-token');
    source.reject('admin-token');
    expect(await source.token()).toEqual({ value: 'admin-token', expiresAtMs: Infinity });
  });
});
