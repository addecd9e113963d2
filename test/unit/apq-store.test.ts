import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apolloApqCache } from '../../src/persisted/apollo-apq-cache.js';
import { MemoryApqStore } from '../../src/persisted/apq-store.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('MemoryApqStore', () => {
  const options = { maxEntries: 2, ttlMs: 1_000, maxQueryBytes: 100 };

  it('forgets the least recently used document beyond maxEntries', async () => {
    const store = new MemoryApqStore(options);
    await store.set('a', '{ a }');
    await store.set('b', '{ b }');
    await store.get('a');
    await store.set('c', '{ c }');
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('{ a }');
    expect(await store.get('c')).toBe('{ c }');
    expect(store.size).toBe(2);
  });

  it('forgets a document ttlMs after its registration, however often it is read', async () => {
    let now = 10_000; // lru-cache reads a start time of 0 as "no TTL"
    const store = new MemoryApqStore({ ...options, now: () => now });
    await store.set('a', '{ a }');
    now = 10_900;
    expect(await store.get('a')).toBe('{ a }');
    now = 11_001;
    expect(await store.get('a')).toBeUndefined();
  });

  it('does not keep a document over maxQueryBytes (counted in UTF-8)', async () => {
    const store = new MemoryApqStore({ ...options, maxQueryBytes: 10 });
    await store.set('ascii', '{ abcdef }');
    await store.set('wide', '{ "ééé" }');
    expect(await store.get('ascii')).toBe('{ abcdef }');
    expect(await store.get('wide')).toBeUndefined();
  });
});

describe('apolloApqCache', () => {
  it('keys the store by the bare hash Apollo prefixes with apq:', async () => {
    const store = new MemoryApqStore({ maxEntries: 10, ttlMs: 1_000, maxQueryBytes: 1_000 });
    const cache = apolloApqCache(store);
    const hash = sha256('{ a }');
    await cache.set(`apq:${hash}`, '{ a }', { ttl: 5 });
    expect(await store.get(hash)).toBe('{ a }');
    expect(await cache.get(`apq:${hash}`)).toBe('{ a }');
  });
});
