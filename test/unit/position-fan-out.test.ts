import { describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { comesAfter, compareJobPositions, type JobPosition } from '../../src/paging/job-order.js';
import { encodePositionCursor } from '../../src/paging/position-cursor.js';
import { fanOutAfter } from '../../src/paging/position-fan-out.js';
import { promotedBy } from '../helpers/young-generation.js';

// Counts the cursors the merge encodes (the module is the real one, watched).
vi.mock('../../src/paging/position-cursor.js', async (real) => {
  const actual = await real<typeof import('../../src/paging/position-cursor.js')>();
  return { ...actual, encodePositionCursor: vi.fn(actual.encodePositionCursor) };
});
const encoded = vi.mocked(encodePositionCursor);

/** A job of a fake upstream: its time (ms) and id. */
interface FakeJob {
  at: number;
  id: string;
}

interface FakeSource {
  instanceId: string;
  jobs: FakeJob[];
  failing?: boolean;
}

const positionOf = (job: FakeJob, source: FakeSource): JobPosition => ({ at: job.at, upstream: source.instanceId, id: job.id });

/** Serves a source's jobs after the place, as a console does with its date bound. */
async function fetch(source: FakeSource, after: JobPosition | null, first: number) {
  if (source.failing) throw new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${source.instanceId} is down`);
  const all = [...source.jobs].sort((a, b) => compareJobPositions(positionOf(a, source), positionOf(b, source)));
  const rest = all.filter((j) => comesAfter(positionOf(j, source), after));
  return { items: rest.slice(0, first), more: rest.length > first, total: all.length };
}

async function page(sources: FakeSource[], first: number, after: string | null, failures: string[] = []) {
  return fanOutAfter<FakeJob, FakeSource>({
    sources,
    first,
    after,
    maxPageSize: 100,
    scope: 'test',
    fetch,
    positionOf,
    onFailure: (source) => failures.push(source.instanceId),
  });
}

const key = (s: FakeSource, j: FakeJob) => `${s.instanceId}/${j.id}`;
const jobsOf = (instanceId: string, times: number[]): FakeSource => ({ instanceId, jobs: times.map((at, i) => ({ at, id: String(i + 1) })) });

/** Every job of the sources in the list's order, as the test computes it from their data. */
function expectedOrder(sources: FakeSource[]): string[] {
  return sources
    .flatMap((s) => s.jobs.map((j) => ({ key: key(s, j), p: positionOf(j, s) })))
    .sort((a, b) => compareJobPositions(a.p, b.p))
    .map((x) => x.key);
}

async function walk(sources: FakeSource[], first: number, between?: (n: number) => void): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const result = await page(sources, first, after);
    seen.push(...result.edges.map((e) => key(e.source, e.node)));
    if (!result.pageInfo.hasNextPage) return seen;
    after = result.pageInfo.endCursor;
    between?.(n);
  }
  throw new Error('walk did not end');
}

describe('paging a merged list by position', () => {
  it('returns every job once in the list order, whatever the page size, ties included', async () => {
    for (const first of [1, 2, 3, 7, 50]) {
      const sources = [jobsOf('a', [100, 90, 90, 50, 40, 10]), jobsOf('b', [95, 90, 55, 5]), jobsOf('c', [99, 90, 1])];
      expect(await walk(sources, first)).toEqual(expectedOrder(sources));
    }
  });

  it('neither repeats nor skips when jobs that sort before the cursor are added between pages', async () => {
    const sources = [jobsOf('a', [100, 80, 60, 40, 20]), jobsOf('b', [90, 70, 50, 30, 10])];
    const before = expectedOrder(sources);
    let now = 1000;
    const seen = await walk(sources, 2, (n) => {
      // A new job on every upstream after every page, newer than anything seen so far.
      for (const s of sources) s.jobs.push({ at: (now += 1), id: `new-${n}` });
    });
    expect(seen).toEqual(before);
  });

  it('keeps the place of an upstream that failed and asks it again from there on the next page', async () => {
    const a = jobsOf('a', [100, 80, 60, 40]);
    const b = jobsOf('b', [90, 70, 50, 30]);
    const failures: string[] = [];
    const first = await page([a, b], 2, null);
    b.failing = true;
    const second = await page([a, b], 2, first.pageInfo.endCursor, failures);
    expect(failures).toEqual(['b']);
    b.failing = false;
    const third = await page([a, b], 10, second.pageInfo.endCursor);
    const shown = [first, second, third].flatMap((p) => p.edges.map((e) => key(e.source, e.node)));
    expect(shown.sort()).toEqual(expectedOrder([a, b]).sort());
  });

  it('makes no cursor for a page whose edges and page info are not read, and the same one when read twice', async () => {
    encoded.mockClear();
    const result = await page([jobsOf('a', [3, 2, 1])], 2, null);
    const edge = result.edges[1]!;
    expect(encoded).not.toHaveBeenCalled();
    const cursor = edge.cursor;
    expect(encoded).toHaveBeenCalledTimes(1);
    expect(result.pageInfo.endCursor).toBe(cursor);
    expect(edge.cursor).toBe(cursor);
    expect(encoded).toHaveBeenCalledTimes(1);
    expect(result.pageInfo.startCursor).toBe(result.edges[0]!.cursor);
    expect(encoded).toHaveBeenCalledTimes(2);
  });

  it('refuses a cursor of another scope with BAD_USER_INPUT', async () => {
    const source = jobsOf('a', [3, 2, 1]);
    const first = await page([source], 1, null);
    const other = fanOutAfter({ sources: [source], first: 1, after: first.pageInfo.endCursor, maxPageSize: 10, scope: 'other', fetch, positionOf, onFailure: () => undefined });
    await expect(other).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT });
  });

  it('reports an unknown total (null) when every upstream failed', async () => {
    const result = await page([{ ...jobsOf('a', [1]), failing: true }], 5, null);
    expect(result.totalCount).toBeNull();
    expect(result.edges).toEqual([]);
  });

  it('leaves a dropped page, its edges and the answers it was merged from to young-generation collections', async () => {
    // Each page's jobs are new objects, as upstream answers are. A page info made as an object literal
    // with getters kept each page alive through V8's young-generation collections (its getters sat in a
    // hidden class of its own in the old generation): ~6 MB promoted over these pages, ~0.1 MB now. The
    // loop counts edges instead of asserting on each page: an assertion object holds what it was given.
    const fresh = async (source: FakeSource, _after: JobPosition | null, first: number) => ({
      items: Array.from({ length: first }, (_, i) => ({ at: 10_000 - i, id: `${source.instanceId}-${i}`, detail: { size: i } })),
      more: true,
      total: 10_000,
    });
    const sources = [jobsOf('a', []), jobsOf('b', []), jobsOf('c', [])];
    const pageOf = () =>
      fanOutAfter<FakeJob, FakeSource>({ sources, first: 50, after: null, maxPageSize: 100, scope: 'test', fetch: fresh, positionOf, onFailure: () => undefined });
    let edges = 0;
    for (let n = 0; n < 300; n++) edges += (await pageOf()).edges.length;
    const promoted = await promotedBy(async () => {
      for (let n = 0; n < 2000; n++) edges += (await pageOf()).edges.length;
    });
    expect(edges).toBe(2300 * 50);
    expect(promoted).toBeLessThan(2_000_000);
  });
});
