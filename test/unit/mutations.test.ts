import { describe, expect, it } from 'vitest';
import { noteWriteSent } from '../../src/datasources/pipeline/writes-sent.js';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { inputHash, MemoryIdempotencyStore } from '../../src/mutations/idempotency.js';
import { mutationRefusal } from '../../src/mutations/policy.js';

const scope = (key: string, hash = 'h') => ({ callerId: 'c', key, inputHash: hash });

describe('the memory idempotency store', () => {
  it('runs the work once for calls arriving at once and later, within the TTL', async () => {
    const store = new MemoryIdempotencyStore({ ttlMs: 60_000 });
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { n: runs };
    };
    const [a, b] = await Promise.all([store.run(scope('k'), work), store.run(scope('k'), work)]);
    expect(a).toEqual({ n: 1 });
    expect(b).toBe(a);
    expect(await store.run(scope('k'), work)).toBe(a);
    expect(runs).toBe(1);
  });

  it('forgets a key after its TTL', async () => {
    const store = new MemoryIdempotencyStore({ ttlMs: 10 });
    let runs = 0;
    await store.run(scope('k'), async () => ++runs);
    await new Promise((r) => setTimeout(r, 30));
    expect(await store.run(scope('k'), async () => ++runs)).toBe(2);
  });

  it('refuses the key with another input, and frees it after an error before anything was sent', async () => {
    const store = new MemoryIdempotencyStore();
    await store.run(scope('k'), async () => 1);
    await expect(store.run(scope('k', 'other'), async () => 2)).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
    await expect(store.run(scope('j'), () => Promise.reject(new GatewayError(ErrorCode.RATE_LIMITED, 'wait')))).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED });
    expect(await store.run(scope('j'), async () => 'ran')).toBe('ran');
    const uncertain = new GatewayError(ErrorCode.UPSTREAM_UNCERTAIN, 'lost');
    await expect(store.run(scope('u'), () => Promise.reject(uncertain))).rejects.toBe(uncertain);
    await expect(store.run(scope('u'), async () => 'twice')).rejects.toBe(uncertain);
  });

  it('keeps an UPSTREAM_ERROR only when the pipeline sent a write for the work; one from a read before it frees the key', async () => {
    const store = new MemoryIdempotencyStore();
    const refused = new GatewayError(ErrorCode.UPSTREAM_ERROR, 'the read before the write failed');
    await expect(store.run(scope('r'), () => Promise.reject(refused))).rejects.toBe(refused);
    expect(await store.run(scope('r'), async () => 'sent now')).toBe('sent now');
    const afterWrite = new GatewayError(ErrorCode.UPSTREAM_ERROR, 'the upstream refused the write');
    const writeRefused = async () => {
      noteWriteSent();
      throw afterWrite;
    };
    await expect(store.run(scope('w'), writeRefused)).rejects.toBe(afterWrite);
    await expect(store.run(scope('w'), async () => 'twice')).rejects.toBe(afterWrite);
  });

  it('digests the input without its idempotencyKey and independent of key order', () => {
    expect(inputHash('op', { a: 1, b: [2], idempotencyKey: 'x' })).toBe(inputHash('op', { b: [2], a: 1, idempotencyKey: 'y' }));
    expect(inputHash('op', { a: 1 })).not.toBe(inputHash('op', { a: 2 }));
    expect(inputHash('op', { a: 1 })).not.toBe(inputHash('other', { a: 1 }));
  });

  it('hashes a field given as null like one left out, and dates by their instant', () => {
    expect(inputHash('op', { a: 1, b: null, c: [{ d: null, e: 2 }] })).toBe(inputHash('op', { a: 1, c: [{ e: 2 }] }));
    const at = (iso: string) => inputHash('op', { pointInTime: new Date(iso) });
    expect(at('2026-12-01T00:00:00Z')).toBe(at('2026-12-01T00:00:00.000Z'));
    expect(at('2026-12-01T00:00:00Z')).not.toBe(at('2026-12-02T00:00:00Z'));
  });
});

describe('who may run mutations', () => {
  it('lets admins always, partners only trusted documents, analysts and frontends only when granted', () => {
    expect(mutationRefusal({ id: 'a', role: 'admin' }, false)).toBeUndefined();
    expect(mutationRefusal({ id: 'p', role: 'partner', mutations: true }, false)).toMatch(/trusted/);
    expect(mutationRefusal({ id: 'p', role: 'partner' }, true)).toBeUndefined();
    for (const role of ['analyst', 'frontend'] as const) {
      expect(mutationRefusal({ id: 'x', role }, true)).toMatch(/may not run mutations/);
      expect(mutationRefusal({ id: 'x', role, mutations: true }, false)).toBeUndefined();
    }
  });
});
