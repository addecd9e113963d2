import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lazyListBounds } from '../../src/datasources/pipeline/json-bytes.js';
import { LOST, ListBoundsWorker, listBoundsWorker, type Matched } from '../../src/datasources/pipeline/list-bounds-off-thread.js';

const LISTS = new Set(['jobs']);

/** Bytes in memory of their own, as http-client.ts hands answers over. */
function own(text: string): Buffer {
  const bytes = Buffer.alloc(Buffer.byteLength(text)); // not from Node's pool: memory of its own
  bytes.write(text);
  return bytes;
}

/** The worker's answer for `bytes`, asking again while it starts (until then `find` leaves the work here). */
async function fromWorker(text: string, worker = listBoundsWorker): Promise<Matched> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const pending = worker.find(own(text), LISTS);
    if (pending) return pending;
    if (Date.now() > deadline) throw new Error('the worker never took a list');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('lazy lists matched on a worker thread', () => {
  it('finds the same items as the walk on this thread, and hands the bytes back as they were', async () => {
    const jobs = Array.from({ length: 300 }, (_, i) => ({ jobSummary: { jobId: i, note: i % 7 ? 'plain' : 'brackets ]} and a quote " inside', tags: [i, { i }] } }));
    const text = JSON.stringify({ totalRecordsWithoutPaging: 900, jobs, after: [1, 2] });
    const matched = await fromWorker(text);
    if (matched === LOST) throw new Error('lost');
    const here = lazyListBounds(Buffer.from(text), LISTS);
    expect(matched.bytes.toString('utf8')).toBe(text);
    expect(matched.lists?.map((l) => [l.start, l.end, [...l.items]])).toEqual(here?.map((l) => [l.start, l.end, [...l.items]]));
    const items = matched.lists![0]!.items;
    expect(text.slice(items[2 * 299], items[2 * 299 + 1])).toBe(JSON.stringify(jobs[299]));
  });

  it('lends the memory: the bytes given are empty until they come back', async () => {
    await fromWorker(JSON.stringify({ jobs: [1] }));
    const bytes = own(JSON.stringify({ jobs: [1, 2, 3] }));
    const pending = listBoundsWorker.find(bytes, LISTS);
    expect(bytes.byteLength).toBe(0);
    const matched = await pending!;
    expect(matched !== LOST && matched.bytes.toString()).toBe('{"jobs":[1,2,3]}');
  });

  it('leaves bytes that share their memory to this thread', async () => {
    await fromWorker(JSON.stringify({ jobs: [1] }));
    const shared = Buffer.from(JSON.stringify({ jobs: [1, 2, 3] })); // a slice of Node's buffer pool
    expect(shared.byteLength).toBeLessThan(shared.buffer.byteLength);
    expect(listBoundsWorker.find(shared, LISTS)).toBeUndefined();
    expect(shared.toString()).toBe('{"jobs":[1,2,3]}');
  });

  it('owes nothing when the memory cannot be sent, and leaves those bytes here whole', async () => {
    let refused = 0;
    /** A worker whose messages cannot be sent (as transferring memory marked untransferable fails on newer Node). */
    class Refusing extends Worker {
      override postMessage(): void {
        refused += 1;
        throw new Error('DataCloneError: An ArrayBuffer is marked as untransferable');
      }
    }
    const refusing = new ListBoundsWorker(() => new Refusing("const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => undefined); parentPort.postMessage('ready');", { eval: true }));
    const bytes = own(JSON.stringify({ jobs: [1, 2] }));
    let answer: Promise<Matched> | undefined;
    const deadline = Date.now() + 10_000;
    while (refused === 0 && Date.now() < deadline) {
      answer = refusing.find(bytes, LISTS);
      if (refused === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(refused).toBe(1);
    expect(answer).toBeUndefined();
    expect(bytes.toString()).toBe('{"jobs":[1,2]}');
  });

  it('answers no lists for bytes that are not such an answer, with the bytes back, and goes on after', async () => {
    for (const bad of [`{"jobs": [${'1,'.repeat(2_000)}`, `[${'1,'.repeat(2_000)}1]`]) {
      const matched = await fromWorker(bad);
      expect(matched !== LOST && [matched.lists, matched.bytes.toString()]).toEqual([undefined, bad]);
    }
    const good = await fromWorker(JSON.stringify({ jobs: [1, [2], { c: 3 }] }));
    expect(good !== LOST && good.lists?.[0]?.items.length).toBe(6);
  });

  it('says an answer is lost when the worker stops holding it, and leaves later ones to this thread', async () => {
    const dying = new ListBoundsWorker(
      () => new Worker("const { parentPort } = require('node:worker_threads'); parentPort.on('message', () => process.exit(1)); parentPort.postMessage('ready');", { eval: true }),
    );
    expect(await fromWorker(JSON.stringify({ jobs: [1] }), dying)).toBe(LOST);
    expect(dying.find(own(JSON.stringify({ jobs: [2] })), LISTS)).toBeUndefined();
  });
});
