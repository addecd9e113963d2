import { describe, expect, it } from 'vitest';
import { lazyListBounds } from '../../src/datasources/pipeline/json-bytes.js';
import { listBoundsWorker } from '../../src/datasources/pipeline/list-bounds-off-thread.js';

const LISTS = new Set(['jobs']);

/** The worker's answer for `bytes`, asking again while it starts (until then `find` leaves the work here). */
async function fromWorker(bytes: Buffer): Promise<ReturnType<typeof lazyListBounds>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const pending = listBoundsWorker.find(bytes, LISTS);
    if (pending) return pending;
    if (Date.now() > deadline) throw new Error('the worker never took a list');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('lazy lists matched on the worker thread', () => {
  it('finds the same items as the walk on this thread, and leaves the bytes here whole', async () => {
    const jobs = Array.from({ length: 300 }, (_, i) => ({ jobSummary: { jobId: i, note: i % 7 ? 'plain' : 'brackets ]} and a quote " inside', tags: [i, { i }] } }));
    const text = JSON.stringify({ totalRecordsWithoutPaging: 900, jobs, after: [1, 2] });
    const bytes = Buffer.from(text);
    const copy = Buffer.from(bytes);
    const found = await fromWorker(bytes);
    const here = lazyListBounds(bytes, LISTS);
    expect(found).toHaveLength(1);
    expect(found?.[0]?.start).toBe(here?.[0]?.start);
    expect(found?.[0]?.end).toBe(here?.[0]?.end);
    expect([...(found?.[0]?.items ?? [])]).toEqual([...(here?.[0]?.items ?? [])]);
    expect(text.slice(found![0]!.items[2 * 299], found![0]!.items[2 * 299 + 1])).toBe(JSON.stringify(jobs[299]));
    expect(bytes.equals(copy)).toBe(true);
  });

  it('answers none for bytes that are not such an answer, and goes on answering after', async () => {
    expect(await fromWorker(Buffer.from(`{"jobs": [${'1,'.repeat(20_000)}`))).toBeUndefined();
    expect(await fromWorker(Buffer.from(`[${'1,'.repeat(20_000)}1]`))).toBeUndefined();
    const good = await fromWorker(Buffer.from(JSON.stringify({ jobs: [1, [2], { c: 3 }] })));
    expect(good?.[0]?.items.length).toBe(6);
  });
});
