import { isGatewayError, type GatewayError } from '../errors/gateway-error.js';
import type { InstanceSource } from './fan-out.js';
import { compareJobPositions, type JobPosition } from './job-order.js';
import { pageSize, type MergedEdge, type MergedPage } from './pagination.js';
import { decodePositionCursor, encodePositionCursor } from './position-cursor.js';

/**
 * An upstream's items read one at a time: the merge asks for the places of the items it weighs and for
 * the items it keeps, so a datasource can make (map) only those (a 50-upstream page keeps 50 of 2 500).
 */
export interface IndexedItems<T> {
  /** Whether there is an item at `index` (asked in order, so a datasource may find its items only that far). */
  has(index: number): boolean;
  /** The place of the item at `index`: the place `positionOf` gives for `itemAt(index)`. */
  positionAt(index: number): JobPosition;
  itemAt(index: number): T;
}

/** One upstream's answer for a page: its items after the place asked for, in list order. */
export interface PositionedPage<T, Items extends readonly T[] | IndexedItems<T> = readonly T[]> {
  /** At least `first` items when the upstream has that many after the place (the merge relies on it). */
  items: Items;
  /** Whether more items follow the ones returned. */
  more: boolean;
  /** Matching items in all, whatever the place; null when not asked. */
  total: number | null;
  /** For upstreams paged by offset: the offset of `items[0]` (or of the end) in the upstream's own list. */
  offset?: number;
}

/** An edge of a merged page: its item as the node, and the upstream it came from. */
export interface SourcedEdge<T, S> extends MergedEdge<T> {
  readonly source: S;
}

/** A page merged by fanOutAfter: its edges know their upstreams (for relations loaded per upstream). */
export interface PositionPage<T, S> extends MergedPage<T> {
  edges: SourcedEdge<T, S>[];
}

/** A page as fanOutAfter takes it: its items made already, or made on demand. */
export type MergeablePage<T> = PositionedPage<T, readonly T[] | IndexedItems<T>>;

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
  fetch: (source: S, after: JobPosition | null, first: number, hint: number | undefined) => Promise<MergeablePage<T>>;
  /** An item's place in the list. */
  positionOf: (item: T, source: S) => JobPosition;
  /** One upstream failed; the page goes on with the others and a later page asks it again from its place. */
  onFailure: (source: S, error: GatewayError) => void;
}

/** One upstream that answered: where it was asked from, its page, and its items as the merge reads them. */
interface Answered<T, S> {
  source: S;
  after: JobPosition | null;
  page: MergeablePage<T>;
  items: IndexedItems<T>;
}

/** An item the page may still hold: its upstream (index in `sources`), its index in that answer, its place. */
interface Kept {
  stream: number;
  index: number;
  position: JobPosition;
}

/**
 * The page as far as the answers received so far decide it, merged as each answer arrives.
 *
 * The page is the k-way merge of the answers (the smallest head first; equal places: the upstream listed
 * first), cut after `first` items, or after the last item of an upstream that has more than it returned
 * (nothing may pass it). Merging is associative, so merging each answer into the merge of the earlier ones
 * gives that same page, whatever the order of arrival; and an item cut from the merge of some answers is
 * never in the merge of more of them (each new answer only puts items before it, or cuts earlier). So
 * only `first` items are held, not `first` per upstream, and only their places are read; the page's
 * items are made at the end.
 */
class PrunedMerge {
  private kept: Kept[] = [];
  /** Whether `kept` ends at the last item of an upstream with more: nothing may follow it. */
  private capped = false;

  constructor(private readonly first: number) {}

  /** Merges one more answer in; `stream` is its upstream's index in `sources` (which wins equal places). */
  add(stream: number, items: IndexedItems<unknown>, more: boolean): void {
    const { kept, first, capped } = this;
    const next: Kept[] = [];
    let k = 0;
    let j = 0;
    let own: JobPosition | undefined;
    let stopped = false;
    while (next.length < first) {
      const ownLeft = items.has(j);
      // Past the last item of an upstream that has more, that upstream may hold items this page lacks.
      if ((!ownLeft && more) || (k >= kept.length && capped)) {
        stopped = true;
        break;
      }
      if (!ownLeft && k >= kept.length) break;
      if (ownLeft) own ??= items.positionAt(j);
      const theirs = kept[k];
      if (theirs !== undefined && (own === undefined || precedes(theirs, own, stream))) {
        next.push(theirs);
        k += 1;
      } else {
        next.push({ stream, index: j, position: own as JobPosition });
        j += 1;
        own = undefined;
      }
    }
    this.kept = next;
    this.capped = stopped;
  }

  /** The page's items, in order. */
  get page(): readonly Kept[] {
    return this.kept;
  }
}

/** Whether a kept item goes before the item of `stream` at `position` (equal places: the upstream listed first). */
function precedes(kept: Kept, position: JobPosition, stream: number): boolean {
  const order = compareJobPositions(kept.position, position);
  return order < 0 || (order === 0 && kept.stream < stream);
}

/**
 * The page's items, made now (a datasource may make them only when asked: JobsByIndex parses a job kept
 * as bytes). An upstream one of whose items cannot be made fails as an upstream that did not answer
 * does: its failure reported, its items off the page, which then holds fewer (nothing after its last
 * item is skipped: the cursor is that item's place), and it keeps its place for the next page.
 * `bySource` loses that upstream's answer.
 */
function madeItems<T, S extends InstanceSource>(
  kept: readonly Kept[],
  bySource: Array<Answered<T, S> | undefined>,
  onFailure: (source: S, error: GatewayError) => void,
): { picks: readonly Kept[]; nodes: T[] } {
  // The first error of each upstream whose item could not be made.
  const failures = new Map<number, GatewayError>();
  const nodes = kept.map((pick): T | undefined => {
    try {
      return (bySource[pick.stream] as Answered<T, S>).items.itemAt(pick.index);
    } catch (error) {
      if (!isGatewayError(error)) throw error;
      if (!failures.has(pick.stream)) failures.set(pick.stream, error);
      return undefined;
    }
  });
  if (failures.size === 0) return { picks: kept, nodes: nodes as T[] };
  for (const [stream, error] of failures) {
    onFailure((bySource[stream] as Answered<T, S>).source, error);
    bySource[stream] = undefined;
  }
  const standing = kept.map((_, n) => n).filter((n) => !failures.has((kept[n] as Kept).stream));
  return { picks: standing.map((n) => kept[n] as Kept), nodes: standing.map((n) => nodes[n] as T) };
}

/**
 * Whether an answer holds an item past the `consumed` the page took. An item a datasource finds only when
 * asked (JobsByIndex reads a job from the answer's bytes) may turn out unreadable here, after the merge:
 * there is something there, so the page says more follow, and the next page asks that upstream again,
 * where its failure is reported for it alone (as a failure while merging is).
 */
function holdsMore(items: IndexedItems<unknown>, consumed: number): boolean {
  try {
    return items.has(consumed);
  } catch (error) {
    if (isGatewayError(error)) return true;
    throw error;
  }
}

/** An answer's items as the merge reads them, whether the upstream's datasource made them or makes them on demand. */
function indexed<T, S>(items: MergeablePage<T>['items'], source: S, positionOf: (item: T, source: S) => JobPosition): IndexedItems<T> {
  if ('itemAt' in items) return items;
  return { has: (i) => i < items.length, positionAt: (i) => positionOf(items[i] as T, source), itemAt: (i) => items[i] as T };
}

/**
 * One page of a list merged from several upstreams and paged by position, not offset: the cursor holds
 * the place of the last item passed, and each upstream is asked for what comes after that place. New items
 * that sort before the place (a job started since) never shift a later page, so a walk with `after`
 * returns every item once. Every upstream is asked once per page, in parallel; each answer is merged as it
 * arrives and only what can still reach the page is kept (PrunedMerge). Cursors are made only when read
 * (an edge's `cursor`, `startCursor`, `endCursor`): a page whose query selects none computes none.
 */
export async function fanOutAfter<T, S extends InstanceSource>(options: PositionFanOutOptions<T, S>): Promise<PositionPage<T, S>> {
  const first = pageSize(options.first, options.maxPageSize);
  const cursor = decodePositionCursor(options.after, options.scope);
  const resumeOf = (key: string): JobPosition | null => (cursor ? (key in cursor.resume ? cursor.resume[key] : cursor.position) : null);
  const merge = new PrunedMerge(first);
  const bySource: Array<Answered<T, S> | undefined> = await Promise.all(
    options.sources.map(async (source, stream): Promise<Answered<T, S> | undefined> => {
      const after = resumeOf(source.instanceId);
      try {
        const page = await options.fetch(source, after, first, cursor?.hints[source.instanceId]);
        const items = indexed(page.items, source, options.positionOf);
        merge.add(stream, items, page.more);
        return { source, after, page, items };
      } catch (error) {
        if (!isGatewayError(error)) throw error;
        options.onFailure(source, error);
        return undefined;
      }
    }),
  );
  const { picks, nodes } = madeItems(merge.page, bySource, options.onFailure);
  const answered = bySource.filter((a): a is Answered<T, S> => a !== undefined);
  const failed = options.sources.filter((_, i) => bySource[i] === undefined).map((s) => s.instanceId);

  // The cursor after the n-th edge: each stream's place is the edge's place (all of its items up to there
  // were in this page), unless it resumes later (a stream that lagged) or failed (it keeps its place).
  const counts = new StreamCounts(picks, bySource.length);
  const cursorAfter = (n: number): string => {
    const { position } = picks[n] as Kept;
    const consumed = counts.through(n);
    const hints: Record<string, number> = {};
    const own: Record<string, JobPosition | null> = {};
    bySource.forEach((s, i) => {
      if (s === undefined) return;
      if (s.page.offset !== undefined) hints[s.source.instanceId] = s.page.offset + (consumed[i] as number);
      if (s.after && compareJobPositions(s.after, position) > 0) own[s.source.instanceId] = s.after;
    });
    for (const key of failed) {
      const hint = cursor?.hints[key];
      if (hint !== undefined) hints[key] = hint;
      const resume = resumeOf(key);
      if (!resume || compareJobPositions(resume, position) !== 0) own[key] = resume;
    }
    return encodePositionCursor({ position, hints, resume: own }, options.scope);
  };
  const edges = picks.map((pick, n) => new PositionEdge(nodes[n] as T, (bySource[pick.stream] as Answered<T, S>).source, cursorAfter, n));
  // How many of each stream's items the page holds in all.
  const consumed = new Array<number>(bySource.length).fill(0);
  for (const pick of picks) (consumed[pick.stream] as number) += 1;

  const hasNextPage = bySource.some((a, i) => a !== undefined && (a.page.more || holdsMore(a.items, consumed[i] as number))) || (failed.length > 0 && edges.length > 0);
  return {
    edges,
    pageInfo: new PositionPageInfo(hasNextPage, cursor !== null, edges),
    // Every upstream asked failed: the count is unknown, not 0 (each failure is in `errors`).
    totalCount: answered.length === 0 && options.sources.length > 0 ? null : answered.reduce<number>((n, a) => n + (a.page.total ?? 0), 0),
  };
}

/**
 * An edge of a merged page. A class, not an object literal with a getter: a page of a hundred edges made
 * a closure, its context and a copy of the per-stream counts for each (allocation profile of the warm
 * dashboard query, docs/performance.md); the cursor is made only when read. Its node is the item itself,
 * so a connection hands the edges over as they are, with no wrapper per edge.
 */
class PositionEdge<N, S extends InstanceSource> implements SourcedEdge<N, S> {
  private encoded?: string;

  constructor(
    readonly node: N,
    readonly source: S,
    private readonly cursorAfter: (n: number) => string,
    private readonly n: number,
  ) {}

  get key(): string {
    return this.source.instanceId;
  }

  get cursor(): string {
    return (this.encoded ??= this.cursorAfter(this.n));
  }
}

/**
 * A merged page's `pageInfo`, its end cursors made only when read. A class, not an object literal with
 * getters: V8 keeps a literal's getters in a hidden class made for that one object, in the old
 * generation, and a dead hidden class there held each page's getters, so the whole page (edges, jobs,
 * the upstream answers) outlived every young-generation collection until the next full one. Measured
 * in process on the cold job page: about 180 KB a page promoted to the old generation before, none
 * after (docs/performance.md, "Pages promoted to the old generation").
 */
class PositionPageInfo {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: ReadonlyArray<{ readonly cursor: string }>,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/**
 * How many of each stream's items the page's first n+1 edges hold, for the n-th edge's cursor. Cursors
 * are read in edge order (a page's edges, then `endCursor`), so the counts move forward from the last
 * edge asked for, and start over only when an earlier one is asked. The array is shared: read it before
 * asking again.
 */
class StreamCounts {
  private readonly counts: number[];
  private at = -1;

  constructor(
    private readonly picks: readonly Kept[],
    streams: number,
  ) {
    this.counts = new Array<number>(streams).fill(0);
  }

  through(n: number): readonly number[] {
    if (n < this.at) {
      this.counts.fill(0);
      this.at = -1;
    }
    for (; this.at < n; this.at++) (this.counts[(this.picks[this.at + 1] as Kept).stream] as number) += 1;
    return this.counts;
  }
}
