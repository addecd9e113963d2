import { describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { newResponseReads, noteRead, noteUncacheable, tagKey } from '../../src/cache/response-reads.js';

/** A cache on a clock the test moves; answers offered as the HTTP hooks offer them. */
function cacheAt(options: { swrMs?: number; maxBytes?: number } = {}) {
  let nowMs = 1_000_000;
  const cache = new ResponseCache({ maxBytes: options.maxBytes ?? 1024 * 1024, maxEntries: 100, swrMs: options.swrMs, now: () => nowMs });
  const offer = (key: string, text: string, o: { ttlMs?: number; tags?: string[]; generation?: number } = {}) =>
    cache.set(key, {
      body: Buffer.from(text),
      contentType: 'application/json; charset=utf-8',
      expiresAtMs: nowMs + (o.ttlMs ?? 5_000),
      tagKeys: (o.tags ?? ['jobs']).map((t) => tagKey('cv', t)),
      generation: o.generation ?? cache.generation,
    });
  return { cache, offer, advance: (ms: number) => (nowMs += ms) };
}

const text = (cache: ResponseCache, key: string) => cache.get(key)?.response.body.toString();

describe('ResponseCache', () => {
  it('keeps an answer until the expiry it was offered with, then forgets it', () => {
    const { cache, offer, advance } = cacheAt();
    offer('k', '{"data":1}', { ttlMs: 1_000 });
    advance(999);
    expect(text(cache, 'k')).toBe('{"data":1}');
    advance(1);
    expect(cache.get('k')).toBeUndefined();
  });

  it('drops the answers built on an invalidated tag of that instance only', () => {
    const { cache, offer } = cacheAt();
    offer('jobs', 'a', { tags: ['jobs'] });
    offer('clients', 'b', { tags: ['clients'] });
    cache.invalidate({ instanceId: 'other', tags: ['jobs'] });
    expect(text(cache, 'jobs')).toBe('a');
    cache.invalidate({ instanceId: 'cv', tags: ['jobs'] });
    expect(cache.get('jobs')).toBeUndefined();
    expect(text(cache, 'clients')).toBe('b');
    cache.invalidate({ all: true });
    expect(cache.get('clients')).toBeUndefined();
  });

  it('refuses an answer whose request started before an invalidation', () => {
    const { cache, offer } = cacheAt();
    const generation = cache.generation;
    cache.invalidate({ instanceId: 'cv', tags: ['unrelated'] });
    expect(offer('k', 'late', { generation })).toBeUndefined();
    expect(cache.get('k')).toBeUndefined();
  });

  it('refuses an answer already expired, or larger than the whole cache', () => {
    const { cache, offer } = cacheAt({ maxBytes: 2_000 });
    expect(offer('old', 'x', { ttlMs: 0 })).toBeUndefined();
    expect(offer('big', 'y'.repeat(4_000))).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('gives the same ETag to the same bytes and another to other bytes', () => {
    const { offer } = cacheAt();
    const a = offer('a', '{"data":{"x":1}}')!;
    const b = offer('b', '{"data":{"x":1}}')!;
    const c = offer('c', '{"data":{"x":2}}')!;
    expect(a.etag).toBe(b.etag);
    expect(a.etag).not.toBe(c.etag);
  });

  it('hands out an expired answer once within the stale-while-revalidate window, never after it', () => {
    const { cache, offer, advance } = cacheAt({ swrMs: 10_000 });
    offer('k', 'v1', { ttlMs: 1_000 });
    expect(cache.get('k')).toMatchObject({ stale: false });
    advance(1_500);
    expect(cache.get('k')).toMatchObject({ stale: true });
    expect(cache.get('k')).toBeUndefined();
    offer('k', 'v2', { ttlMs: 1_000 });
    advance(11_001);
    expect(cache.get('k')).toBeUndefined();
  });

  it('never hands out an invalidated answer as stale', () => {
    const { cache, offer, advance } = cacheAt({ swrMs: 10_000 });
    offer('k', 'v1', { ttlMs: 1_000 });
    advance(1_500);
    cache.invalidate({ instanceId: 'cv', tags: ['jobs'] });
    expect(cache.get('k')).toBeUndefined();
  });
});

describe('response reads', () => {
  it('keep the earliest expiry and every tag of the entries read', () => {
    const reads = newResponseReads();
    noteRead(reads, 'cv', ['jobs'], 5_000);
    noteRead(reads, 'bdr', ['clients', 'jobs'], 3_000);
    expect(reads).toMatchObject({ reads: 2, expiresAtMs: 3_000, uncacheable: false });
    expect([...reads.tagKeys].sort()).toEqual([tagKey('bdr', 'clients'), tagKey('bdr', 'jobs'), tagKey('cv', 'jobs')].sort());
  });

  it('mark the answer uncacheable once a call the entry cache does not hold took part', () => {
    const reads = newResponseReads();
    noteRead(reads, 'cv', ['jobs'], 5_000);
    noteUncacheable(reads);
    expect(reads.uncacheable).toBe(true);
  });
});
