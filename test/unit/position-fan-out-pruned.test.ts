import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError, isGatewayError, type GatewayError as GatewayErrorType } from '../../src/errors/gateway-error.js';
import type { InstanceSource, Sourced } from '../../src/paging/fan-out.js';
import { comesAfter, compareJobPositions, type JobPosition } from '../../src/paging/job-order.js';
import { pageSize, type MergedPage } from '../../src/paging/pagination.js';
import { decodePositionCursor, encodePositionCursor, type PositionCursor } from '../../src/paging/position-cursor.js';
import { fanOutAfter, type IndexedItems, type MergeablePage, type PositionedPage, type PositionPage, type PositionFanOutOptions } from '../../src/paging/position-fan-out.js';

/*
 * The merge that prunes as answers arrive must page exactly as the merge that waited for every answer
 * did. The reference below is that earlier fanOutAfter, copied unchanged (only renamed): every output
 * field of both is compared over random upstreams, pages, `more` flags, failures and cursors.
 */

type ReferenceOptions<T, S extends InstanceSource> = Omit<PositionFanOutOptions<T, S>, 'fetch'> & {
  fetch: (source: S, after: JobPosition | null, first: number, hint: number | undefined) => Promise<PositionedPage<T>>;
};

interface ReferenceAnswered<T, S> {
  source: S;
  after: JobPosition | null;
  page: PositionedPage<T>;
  positions: JobPosition[];
}

async function referenceFanOutAfter<T, S extends InstanceSource>(options: ReferenceOptions<T, S>): Promise<MergedPage<Sourced<T, S>>> {
  const first = pageSize(options.first, options.maxPageSize);
  const cursor = decodePositionCursor(options.after, options.scope);
  const resumeOf = (key: string): JobPosition | null => (cursor ? (key in cursor.resume ? cursor.resume[key] : cursor.position) : null);
  const settled = await Promise.all(
    options.sources.map(async (source): Promise<ReferenceAnswered<T, S> | undefined> => {
      const after = resumeOf(source.instanceId);
      try {
        const page = await options.fetch(source, after, first, cursor?.hints[source.instanceId]);
        return { source, after, page, positions: page.items.map((item) => options.positionOf(item, source)) };
      } catch (error) {
        if (!isGatewayError(error)) throw error;
        options.onFailure(source, error);
        return undefined;
      }
    }),
  );
  const answered = settled.filter((a): a is ReferenceAnswered<T, S> => a !== undefined);
  const failed = options.sources.filter((_, i) => settled[i] === undefined).map((s) => s.instanceId);

  const heads = answered.map(() => 0);
  const picks: number[] = [];
  while (picks.length < first) {
    let pick = -1;
    for (let i = 0; i < answered.length; i++) {
      if (heads[i] >= answered[i].positions.length) {
        // An upstream with more items than it returned: nothing may pass its last one.
        if (answered[i].page.more) {
          pick = -2;
          break;
        }
        continue;
      }
      if (pick === -1 || compareJobPositions(answered[i].positions[heads[i]], answered[pick].positions[heads[pick]]) < 0) pick = i;
    }
    if (pick < 0) break;
    heads[pick] += 1;
    picks.push(pick);
  }

  // The cursor after the n-th edge: each stream's place is the edge's place (all of its items up to there
  // were in this page), unless it resumes later (a stream that lagged) or failed (it keeps its place).
  const consumed = answered.map(() => 0);
  const cursorAfter = (n: number, counts: readonly number[]): PositionCursor => {
    const a = answered[picks[n]];
    const position = a.positions[counts[picks[n]] - 1];
    const hints: Record<string, number> = {};
    const own: Record<string, JobPosition | null> = {};
    answered.forEach((s, i) => {
      if (s.page.offset !== undefined) hints[s.source.instanceId] = s.page.offset + counts[i];
      if (s.after && compareJobPositions(s.after, position) > 0) own[s.source.instanceId] = s.after;
    });
    for (const key of failed) {
      const hint = cursor?.hints[key];
      if (hint !== undefined) hints[key] = hint;
      const resume = resumeOf(key);
      if (!resume || compareJobPositions(resume, position) !== 0) own[key] = resume;
    }
    return { position, hints, resume: own };
  };
  const edges = picks.map((pick, n) => {
    consumed[pick] += 1;
    const counts = [...consumed];
    const node = { source: answered[pick].source, item: answered[pick].page.items[counts[pick] - 1] };
    let encoded: string | undefined;
    return {
      node,
      key: node.source.instanceId,
      get cursor(): string {
        encoded ??= encodePositionCursor(cursorAfter(n, counts), options.scope);
        return encoded;
      },
    };
  });

  const totals = answered.map((a) => a.page.total);
  const hasNextPage = answered.some((a, i) => heads[i] < a.positions.length || a.page.more) || (failed.length > 0 && edges.length > 0);
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: cursor !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    // Every upstream asked failed: the count is unknown, not 0 (each failure is in `errors`).
    totalCount: answered.length === 0 && options.sources.length > 0 ? null : totals.reduce<number>((n, t) => n + (t ?? 0), 0),
  };
}

/** A small seeded generator (mulberry32): a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FakeJob {
  at: number | null;
  id: string;
}

interface FakeSource {
  instanceId: string;
  /** In list order. */
  jobs: FakeJob[];
  /** Answers carry the offset of their first item (an offset-paged upstream). */
  offsets: boolean;
}

/** How one upstream answers one page: decided before the page, so both merges see the same answers. */
interface Answer {
  fails: boolean;
  /** Microtask turns before the answer arrives: answers arrive in another order than the sources'. */
  delay: number;
  /** null: as the contract says (at least `first`, `more` when more follow); else this many items. */
  count: number | null;
  more: boolean;
  /** Keeps the answer's items out of order (an upstream breaking the contract), to show the merges still agree. */
  reversed: boolean;
  total: boolean;
  /** The new merge reads this answer's items one at a time (IndexedItems). */
  indexed: boolean;
}

const positionOf = (job: FakeJob, source: FakeSource): JobPosition => ({ at: job.at, upstream: source.instanceId, id: job.id });

function makeSources(rnd: () => number): FakeSource[] {
  const names = ['cv-b', 'cv-a', 'bdr-a', 'cv-c', 'bdr-b', 'cv-d', 'cv-e', 'bdr-c'];
  const n = 1 + Math.floor(rnd() * 6);
  return names.slice(0, n).map((instanceId) => {
    const size = Math.floor(rnd() * 14);
    // Few distinct times, so jobs of different upstreams often share one (ties go by upstream, then id).
    const jobs = Array.from({ length: size }, (_, i) => ({ at: rnd() < 0.1 ? null : Math.floor(rnd() * 8) * 1000, id: String(i + 1 + Math.floor(rnd() * 3) * 100) }));
    const unique = [...new Map(jobs.map((j) => [j.id, j])).values()];
    const source = { instanceId, jobs: unique, offsets: rnd() < 0.5 };
    source.jobs.sort((a, b) => compareJobPositions(positionOf(a, source), positionOf(b, source)));
    return source;
  });
}

function planAnswers(rnd: () => number, sources: readonly FakeSource[]): Map<string, Answer> {
  return new Map(
    sources.map((s) => [
      s.instanceId,
      {
        fails: rnd() < 0.12,
        delay: Math.floor(rnd() * 6),
        count: rnd() < 0.3 ? Math.floor(rnd() * 6) : null,
        more: rnd() < 0.5,
        reversed: rnd() < 0.05,
        total: rnd() < 0.8,
        indexed: rnd() < 0.5,
      },
    ]),
  );
}

/** One upstream's answer, the same for both merges; `made` counts the items the merge asked to be made. */
async function answer(source: FakeSource, plan: Answer, after: JobPosition | null, first: number, made: { count: number } | null): Promise<MergeablePage<FakeJob>> {
  for (let i = 0; i < plan.delay; i++) await Promise.resolve();
  if (plan.fails) throw new GatewayError(ErrorCode.UPSTREAM_UNAVAILABLE, `${source.instanceId} is down`);
  const start = source.jobs.findIndex((j) => comesAfter(positionOf(j, source), after));
  const rest = start === -1 ? [] : source.jobs.slice(start);
  const honest = plan.count === null;
  const items = rest.slice(0, honest ? first + (plan.more ? 1 : 0) : plan.count ?? 0).map((j) => ({ ...j }));
  if (plan.reversed) items.reverse();
  const page = {
    more: honest ? rest.length > items.length : plan.more,
    total: plan.total ? source.jobs.length : null,
    ...(source.offsets ? { offset: start === -1 ? source.jobs.length : start } : {}),
  };
  if (!made || !plan.indexed) return { ...page, items };
  const indexed: IndexedItems<FakeJob> = {
    has: (i) => i < items.length,
    positionAt: (i) => positionOf(items[i] as FakeJob, source),
    itemAt: (i) => {
      made.count += 1;
      return items[i] as FakeJob;
    },
  };
  return { ...page, items: indexed };
}

/** Every field a caller can read of a page, the cursors included; the old merge's nodes held their source, the new one's edges do. */
function observed(page: MergedPage<Sourced<FakeJob, FakeSource>> | PositionPage<FakeJob, FakeSource>) {
  const sourced = (e: (typeof page.edges)[number]) => ('source' in e ? { source: e.source, item: e.node as FakeJob } : (e.node as Sourced<FakeJob, FakeSource>));
  return {
    edges: page.edges.map((e) => ({ source: sourced(e).source.instanceId, item: sourced(e).item, key: e.key, cursor: e.cursor })),
    hasNextPage: page.pageInfo.hasNextPage,
    hasPreviousPage: page.pageInfo.hasPreviousPage,
    startCursor: page.pageInfo.startCursor,
    endCursor: page.pageInfo.endCursor,
    totalCount: page.totalCount,
  };
}

const SCOPE = 'pruned-merge-test';

describe('the merge that keeps only what can reach the page', () => {
  it('pages exactly as the merge of every whole answer did: edges, cursors, page info, totals and failures', async () => {
    let pages = 0;
    let lagging = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const rnd = random(seed);
      const sources = makeSources(rnd);
      // A page without `first` takes the largest size: every answer then fits whole.
      const maxPageSize = 4 + Math.floor(rnd() * 20);
      let after: string | null = null;
      for (let step = 0; step < 6; step++) {
        const first = rnd() < 0.1 ? null : 1 + Math.floor(rnd() * 4);
        const plans = planAnswers(rnd, sources);
        const failures = { reference: [] as string[], pruned: [] as string[] };
        const made = { count: 0 };
        const common = { sources, first, after, maxPageSize, scope: SCOPE, positionOf };
        const reference = await referenceFanOutAfter<FakeJob, FakeSource>({
          ...common,
          fetch: (s, a, f) => answer(s, plans.get(s.instanceId) as Answer, a, f, null) as Promise<PositionedPage<FakeJob>>,
          onFailure: (s) => failures.reference.push(s.instanceId),
        });
        const pruned = await fanOutAfter<FakeJob, FakeSource>({
          ...common,
          fetch: (s, a, f) => answer(s, plans.get(s.instanceId) as Answer, a, f, made),
          onFailure: (s) => failures.pruned.push(s.instanceId),
        });
        const expected = observed(reference);
        expect({ seed, step, ...observed(pruned) }).toEqual({ seed, step, ...expected });
        expect(failures.pruned).toEqual(failures.reference);
        // Only the page's own items were made, and each once.
        expect(made.count).toBeLessThanOrEqual(expected.edges.length);
        pages += 1;
        if (expected.edges.length === 0) break;
        const cursor = decodePositionCursor(expected.endCursor, SCOPE) as PositionCursor;
        if (Object.keys(cursor.resume).length > 0) lagging += 1;
        // Most walks go on from the end of the page; some from an edge in its middle.
        const edge = expected.edges[Math.floor(rnd() * expected.edges.length)];
        after = rnd() < 0.7 ? expected.endCursor : (edge?.cursor ?? null);
      }
    }
    // The cases above did reach the paths they are there for.
    expect(pages).toBeGreaterThan(1500);
    expect(lagging).toBeGreaterThan(50);
  });

  it('makes only the items of the page from answers read one at a time', async () => {
    const sources: FakeSource[] = ['a', 'b', 'c', 'd'].map((instanceId, n) => ({
      instanceId,
      offsets: false,
      jobs: Array.from({ length: 30 }, (_, i) => ({ at: 100_000 - i * 10 - n, id: String(i + 1) })),
    }));
    const made = { count: 0 };
    const plan: Answer = { fails: false, delay: 0, count: null, more: false, reversed: false, total: true, indexed: true };
    const page = await fanOutAfter<FakeJob, FakeSource>({
      sources,
      first: 10,
      after: null,
      maxPageSize: 100,
      scope: SCOPE,
      fetch: (s, a, f) => answer(s, plan, a, f, made),
      positionOf,
      onFailure: () => undefined,
    });
    // Jobs interleave a1 b1 c1 d1 a2 …: the page holds three of a, b and two of c and d.
    expect(page.edges.map((e) => `${e.source.instanceId}${e.node.id}`)).toEqual(['a1', 'b1', 'c1', 'd1', 'a2', 'b2', 'c2', 'd2', 'a3', 'b3']);
    expect(made.count).toBe(10);
    expect(page.totalCount).toBe(120);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('says more follow, and keeps the page, when the item after an answer\'s last on the page cannot be read', async () => {
    const a: FakeSource = { instanceId: 'a', offsets: false, jobs: [100, 90, 80, 70].map((at, i) => ({ at, id: `a${i + 1}` })) };
    const b: FakeSource = { instanceId: 'b', offsets: false, jobs: [95, 85, 75, 65, 55].map((at, i) => ({ at, id: `b${i + 1}` })) };
    const unreadable = () => new GatewayError(ErrorCode.UPSTREAM_ERROR, 'an item of the answer is not JSON');
    const failures: string[] = [];
    const page = await fanOutAfter<FakeJob, FakeSource>({
      sources: [a, b],
      first: 5,
      after: null,
      maxPageSize: 100,
      scope: SCOPE,
      fetch: async (source) => {
        if (source === b) return { items: b.jobs, more: false, total: b.jobs.length };
        // a answers after b, so the merge fills the page before it would ask for a's fourth job.
        for (let i = 0; i < 5; i++) await Promise.resolve();
        const items: IndexedItems<FakeJob> = {
          has: (i) => {
            if (i >= 3) throw unreadable();
            return i < a.jobs.length;
          },
          positionAt: (i) => positionOf(a.jobs[i] as FakeJob, a),
          itemAt: (i) => a.jobs[i] as FakeJob,
        };
        return { items, more: false, total: a.jobs.length };
      },
      positionOf,
      onFailure: (source) => failures.push(source.instanceId),
    });
    expect(page.edges.map((e) => e.node.id)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(failures).toEqual([]);
  });

  it('fails the upstream alone when an item it put on the page cannot be made, and the next page asks it again', async () => {
    const a: FakeSource = { instanceId: 'a', offsets: false, jobs: [100, 90, 80].map((at, i) => ({ at, id: `a${i + 1}` })) };
    const b: FakeSource = { instanceId: 'b', offsets: false, jobs: [95, 85, 75, 65, 55].map((at, i) => ({ at, id: `b${i + 1}` })) };
    const failures: Array<[string, string]> = [];
    const asked: Array<[string, JobPosition | null]> = [];
    const options = (after: string | null, broken: boolean): PositionFanOutOptions<FakeJob, FakeSource> => ({
      sources: [a, b],
      first: 5,
      after,
      maxPageSize: 100,
      scope: SCOPE,
      fetch: async (source, from, first) => {
        asked.push([source.instanceId, from]);
        const rest = source.jobs.filter((j) => comesAfter(positionOf(j, source), from)).slice(0, first);
        if (source === b || !broken) return { items: rest, more: false, total: source.jobs.length };
        const items: IndexedItems<FakeJob> = {
          has: (i) => i < rest.length,
          positionAt: (i) => positionOf(rest[i] as FakeJob, a),
          itemAt: (i) => {
            if (i === 1) throw new GatewayError(ErrorCode.UPSTREAM_ERROR, 'an item of the answer is not JSON');
            return rest[i] as FakeJob;
          },
        };
        return { items, more: false, total: a.jobs.length };
      },
      positionOf,
      onFailure: (source, error) => failures.push([source.instanceId, error.code]),
    });
    const page = await fanOutAfter(options(null, true));
    // The merge kept a1 b1 a2 b2 a3; a2 cannot be made, so a's items leave the page and a is reported.
    expect(page.edges.map((e) => e.node.id)).toEqual(['b1', 'b2']);
    expect(failures).toEqual([['a', ErrorCode.UPSTREAM_ERROR]]);
    expect(page.totalCount).toBe(b.jobs.length);
    expect(page.pageInfo.hasNextPage).toBe(true);
    // The next page asks a from its own place (the start) again, and b after b2: every job once.
    asked.length = 0;
    const next = await fanOutAfter(options(page.pageInfo.endCursor, false));
    expect(asked).toEqual([['a', null], ['b', positionOf(b.jobs[1] as FakeJob, b)]]);
    expect(next.edges.map((e) => e.node.id)).toEqual(['a1', 'a2', 'a3', 'b3', 'b4']);
  });
});
