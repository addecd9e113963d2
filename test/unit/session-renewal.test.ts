import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { UpstreamPipeline } from '../../src/datasources/pipeline/types.js';
import { UpstreamSource, type SessionTiming } from '../../src/datasources/upstream-source.js';

const pipeline: UpstreamPipeline = { send: () => Promise.reject(new Error('not used')), invalidate: async () => {}, close: async () => {} };

/** A source whose login only counts and hands out numbered tokens; it cannot renew. */
class PlainSource extends UpstreamSource {
  logins = 0;
  renewals: string[] = [];
  protected issued = 0;

  constructor(timing: SessionTiming) {
    super({ instanceId: 'x', identity: 'user:x', pipeline, logger: pino({ level: 'silent' }), session: timing });
  }

  protected override async authenticate(): Promise<Record<string, string>> {
    this.logins += 1;
    return { token: `t${++this.issued}` };
  }

  override errorFromResponse() {
    return undefined;
  }
}

/** The same, able to renew (or refuse to). */
class CountingSource extends PlainSource {
  refuseRenewal = false;

  protected override async renewSession(headers: Record<string, string>): Promise<Record<string, string>> {
    this.renewals.push(headers.token);
    if (this.refuseRenewal) throw new Error('refused');
    return { token: `t${++this.issued}` };
  }
}

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('session renewal (UpstreamSource)', () => {
  it('renews on the first use once 80 % of the idle timeout has passed since the login, then counts from the renewal', async () => {
    const c = clock();
    const source = new CountingSource({ idleTimeoutMs: 1000, now: c.now });
    expect(await source.authHeaders()).toEqual({ token: 't1' });
    c.advance(799);
    expect(await source.authHeaders()).toEqual({ token: 't1' });
    c.advance(1);
    expect(await source.authHeaders()).toEqual({ token: 't2' });
    expect(source.renewals).toEqual(['t1']);
    c.advance(799);
    expect(await source.authHeaders()).toEqual({ token: 't2' });
    c.advance(1);
    expect(await source.authHeaders()).toEqual({ token: 't3' });
    expect(source.logins).toBe(1);
  });

  it('shares one renewal between concurrent callers and stays live meanwhile', async () => {
    const c = clock();
    const source = new CountingSource({ idleTimeoutMs: 1000, now: c.now });
    await source.authHeaders();
    c.advance(900);
    const pending = [source.authHeaders(), source.authHeaders(), source.authHeaders()];
    expect(source.sessionLive).toBe(true);
    expect(await Promise.all(pending)).toEqual([{ token: 't2' }, { token: 't2' }, { token: 't2' }]);
    expect(source.renewals).toEqual(['t1']);
  });

  it('logs in once when the renewal fails', async () => {
    const c = clock();
    const source = new CountingSource({ idleTimeoutMs: 1000, now: c.now });
    await source.authHeaders();
    source.refuseRenewal = true;
    c.advance(5000);
    expect(await Promise.all([source.authHeaders(), source.authHeaders()])).toEqual([{ token: 't2' }, { token: 't2' }]);
    expect(source.renewals).toEqual(['t1']);
    expect(source.logins).toBe(2);
  });

  it('never renews for a source that cannot, and defaults to a 30-minute idle timeout', async () => {
    const c = clock();
    const plain = new PlainSource({ now: c.now });
    const renewing = new CountingSource({ now: c.now });
    await Promise.all([plain.authHeaders(), renewing.authHeaders()]);
    c.advance(24 * 60_000 - 1);
    await Promise.all([plain.authHeaders(), renewing.authHeaders()]);
    expect(renewing.renewals).toEqual([]);
    c.advance(1);
    expect(await plain.authHeaders()).toEqual({ token: 't1' });
    expect(await renewing.authHeaders()).toEqual({ token: 't2' });
    expect(plain.logins + plain.renewals.length).toBe(1);
  });
});
