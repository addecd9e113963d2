import { describe, expect, it } from 'vitest';
import { cacheKey, hashBody, type CacheKeyParts } from '../../src/cache/cache-key.js';

const base: CacheKeyParts = { instanceId: 'cv-main', identity: 'user:admin', method: 'GET', path: '/Job' };

describe('cacheKey', () => {
  it('never shares a key between two identities of one instance', () => {
    expect(cacheKey({ ...base, identity: 'user:alice' })).not.toBe(cacheKey({ ...base, identity: 'user:bob' }));
  });

  it('never shares a key between two instances', () => {
    expect(cacheKey({ ...base, instanceId: 'cv-a' })).not.toBe(cacheKey({ ...base, instanceId: 'cv-b' }));
  });

  it('cannot be forged by separators inside identity or instance names', () => {
    const a = cacheKey({ ...base, instanceId: 'cv', identity: 'x|GET|/Job' });
    const b = cacheKey({ ...base, instanceId: 'cv|x', identity: 'GET|/Job' });
    expect(a).not.toBe(b);
  });

  it('separates method and path', () => {
    expect(cacheKey(base)).not.toBe(cacheKey({ ...base, method: 'HEAD' }));
    expect(cacheKey(base)).not.toBe(cacheKey({ ...base, path: '/Job/1' }));
  });

  it('sorts query parameters by name', () => {
    expect(cacheKey({ ...base, query: { b: 2, a: 1 } })).toBe(cacheKey({ ...base, query: { a: '1', b: '2' } }));
  });

  it('keeps the order of repeated values of one parameter', () => {
    const ab = cacheKey({ ...base, query: { filter: ['id:==1', 'id:==2'], sort: 'name' } });
    const ba = cacheKey({ ...base, query: { sort: 'name', filter: ['id:==2', 'id:==1'] } });
    const abAgain = cacheKey({ ...base, query: { sort: 'name', filter: ['id:==1', 'id:==2'] } });
    expect(ab).not.toBe(ba);
    expect(ab).toBe(abAgain);
  });

  it('ignores undefined query values', () => {
    expect(cacheKey({ ...base, query: { a: 1, b: undefined } })).toBe(cacheKey({ ...base, query: { a: 1 } }));
  });

  it('does not confuse a value containing & or = with two parameters', () => {
    expect(cacheKey({ ...base, query: { q: 'a&b=c' } })).not.toBe(cacheKey({ ...base, query: { q: 'a', b: 'c' } }));
  });

  it('includes key headers, sorted and case-insensitive by name', () => {
    const one = cacheKey({ ...base, headers: { limit: '100', Offset: '0' } });
    const two = cacheKey({ ...base, headers: { offset: '0', Limit: '100' } });
    expect(one).toBe(two);
    expect(one).not.toBe(cacheKey({ ...base, headers: { limit: '100', offset: '100' } }));
  });

  it('hashes the body of POST reads, whatever the key order of its objects', () => {
    const post = { ...base, method: 'POST' };
    expect(cacheKey({ ...post, body: { a: 1, b: [1, 2] } })).toBe(cacheKey({ ...post, body: { b: [1, 2], a: 1 } }));
    expect(cacheKey({ ...post, body: { a: 1 } })).not.toBe(cacheKey({ ...post, body: { a: 2 } }));
    expect(cacheKey({ ...post, body: { b: [1, 2] } })).not.toBe(cacheKey({ ...post, body: { b: [2, 1] } }));
  });

  it('does not put the body itself into the key', () => {
    const key = cacheKey({ ...base, method: 'POST', body: { password: 'hunter2' } });
    expect(key).not.toContain('hunter2');
    expect(hashBody({ password: 'hunter2' })).toMatch(/^[0-9a-f]{64}$/);
  });
});
