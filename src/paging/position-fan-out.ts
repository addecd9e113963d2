import { isGatewayError, type GatewayError } from '../errors/gateway-error.js';
import type { InstanceSource, Sourced } from './fan-out.js';
import { compareJobPositions, type JobPosition } from './job-order.js';
import { pageSize, type MergedPage } from './pagination.js';
import { decodePositionCursor, encodePositionCursor, type PositionCursor } from './position-cursor.js';

/** One upstream's answer for a page: its items after the place asked for, in list order. */
export interface PositionedPage<T> {
  /** At least `first` items when the upstream has that many after the place (the merge relies on it). */
  items: readonly T[];
  /** Whether more items follow the ones returned. */
  more: boolean;
  /** Matching items in all, whatever the place; null when not asked. */
  total: number | null;
  /** For upstreams paged by offset: the offset of `items[0]` (or of the end) in the upstream's own list. */
  offset?: number;
}

export interface PositionFanOutOptions<T, S extends InstanceSource> {
  sources: readonly S[];
  first: number | null | undefined;
  after: string | null | undefined;
  maxPageSize: number;
  /** Binds cursors to this query (see cursorScope). */
  scope: string;
  /**
   * One upstream's items after `after` (null: from the start), `first` of them at least when it has them;
   * `hint`: the offset the upstream's list had at that place when last read (offset-paged upstreams).
   */
  fetch: (source: S, after: JobPosition | null, first: number, hint: number | undefined) => Promise<PositionedPage<T>>;
  /** An item's place in the list. */
  positionOf: (item: T, source: S) => JobPosition;
  /** One upstream failed; the page goes on with the others and a later page asks it again from its place. */
  onFailure: (source: S, error: GatewayError) => void;
}

interface Answered<T, S> {
  source: S;
  after: JobPosition | null;
  page: PositionedPage<T>;
  positions: JobPosition[];
}

/**
 * One page of a list merged from several upstreams and paged by position, not offset: the cursor holds
 * the place of the last item passed, and each upstream is asked for what comes after that place. New items
 * that sort before the place (a job started since) never shift a later page, so a walk with `after`
 * returns every item once. Every upstream is asked once per page, in parallel; the answers are k-way
 * merged. Cursors are made only when read (an edge's `cursor`, `startCursor`, `endCursor`): a page whose
 * query selects none computes none.
 */
export async function fanOutAfter<T, S extends InstanceSource>(options: PositionFanOutOptions<T, S>): Promise<MergedPage<Sourced<T, S>>> {
  const first = pageSize(options.first, options.maxPageSize);
  const cursor = decodePositionCursor(options.after, options.scope);
  const resumeOf = (key: string): JobPosition | null => (cursor ? (key in cursor.resume ? cursor.resume[key] : cursor.position) : null);
  const settled = await Promise.all(
    options.sources.map(async (source): Promise<Answered<T, S> | undefined> => {
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
  const answered = settled.filter((a): a is Answered<T, S> => a !== undefined);
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
