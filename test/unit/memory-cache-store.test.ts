import { describe, expect, it } from 'vitest';
import { MemoryCacheStore } from '../../src/cache/memory-cache-store.js';

function store(maxBytes = 1_000_000) {
  let t = 1_000_000; // lru-cache treats a start time of 0 as "never set"
  const clock = { advance: (ms: number) => (t += ms) };
  return { cache: new MemoryCacheStore<unknown>({ maxBytes, now: () => t }), clock };
}

const entry = (value: unknown, tags: string[] = [], instanceId = 'cv-main') => ({ instanceId, tags, value });

describe('MemoryCacheStore', () => {
  it('returns a stored value until its TTL has passed', async () => {
    const { cache, clock } = store();
    await cache.set('k', entry({ jobs: [1] }), 1000);
    clock.advance(999);
    expect(await cache.get('k')).toEqual({ jobs: [1] });
    clock.advance(2);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('keeps a TTL per entry', async () => {
    const { cache, clock } = store();
    await cache.set('short', entry(1), 100);
    await cache.set('long', entry(2), 10_000);
    clock.advance(500);
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('long')).toBe(2);
  });

  it('does not store with a TTL of 0', async () => {
    const { cache } = store();
    await cache.set('k', entry(1), 0);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('stays within its byte bound, evicting the least recently used', async () => {
    const { cache } = store(20_000);
    const big = 'x'.repeat(1000); // ~2.3 kB each by the estimate
    for (let i = 0; i < 50; i++) await cache.set(`k${i}`, entry({ big, i }), 60_000);
    expect(cache.sizeBytes).toBeLessThanOrEqual(20_000);
    expect(cache.size).toBeLessThan(50);
    expect(await cache.get('k49')).toEqual({ big, i: 49 });
    expect(await cache.get('k0')).toBeUndefined();
  });

  it('counts an entry by the size it came in when the entry states it, without serializing its value', async () => {
    const { cache } = store();
    const value = { toJSON: () => { throw new Error('serialized to size it'); }, jobs: [1] };
    await cache.set('stated', { ...entry(value), sizeBytes: 50_000 }, 60_000);
    // Twice the bytes (V8's two-byte estimate) plus the key and the per-entry overhead.
    expect(cache.sizeBytes).toBeGreaterThanOrEqual(100_000);
    expect(cache.sizeBytes).toBeLessThan(102_000);
    expect(await cache.get('stated')).toBe(value);
  });

  it('refuses an entry larger than the whole cache', async () => {
    const { cache } = store(1000);
    await cache.set('huge', entry('x'.repeat(5000), ['jobs']), 60_000);
    expect(await cache.get('huge')).toBeUndefined();
    expect(cache.sizeBytes).toBe(0);
  });

  it('drops entries carrying an invalidated tag of that instance only', async () => {
    const { cache } = store();
    await cache.set('jobs-a', entry('a', ['jobs']), 60_000);
    await cache.set('jobs-and-clients', entry('b', ['clients', 'jobs']), 60_000);
    await cache.set('clients', entry('c', ['clients']), 60_000);
    await cache.set('other-instance-jobs', entry('d', ['jobs'], 'cv-other'), 60_000);
    await cache.deleteByTags('cv-main', ['jobs']);
    expect(await cache.get('jobs-a')).toBeUndefined();
    expect(await cache.get('jobs-and-clients')).toBeUndefined();
    expect(await cache.get('clients')).toBe('c');
    expect(await cache.get('other-instance-jobs')).toBe('d');
  });

  it('forgets the old tags of an overwritten key', async () => {
    const { cache } = store();
    await cache.set('k', entry(1, ['jobs']), 60_000);
    await cache.set('k', entry(2, ['clients']), 60_000);
    await cache.deleteByTags('cv-main', ['jobs']);
    expect(await cache.get('k')).toBe(2);
    await cache.deleteByTags('cv-main', ['clients']);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('clears everything', async () => {
    const { cache } = store();
    await cache.set('k', entry(1, ['jobs']), 60_000);
    await cache.clear();
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
