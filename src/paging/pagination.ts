import { hash } from 'node:crypto';
import { badUserInput } from '../errors/gateway-error.js';
import { base64UrlOf } from '../util/base64url.js';

/** `first` when a connection field is asked without it. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * The validated page size: `first` (default 20) must be a whole number in 1..maxPageSize. Clamping
 * silently would hide a client bug and make cost estimates lie, so out-of-range is BAD_USER_INPUT.
 */
export function pageSize(first: number | null | undefined, maxPageSize: number): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw badUserInput(`first must be between 1 and ${maxPageSize}, got ${first}`);
  }
  return first;
}

/** Per-stream positions: how many items of each stream (an upstream instance) precede the cursor. */
export type Offsets = Readonly<Record<string, number>>;

const CURSOR_VERSION = 1;

interface CursorBody {
  v: number;
  /** Scope: a hash of the query's filters; a cursor is only valid for the query that issued it. */
  s: string;
  o: Record<string, number>;
}

/**
 * A short stable hash of whatever defines a list (filters, parent), to bind cursors to it. One-shot
 * `crypto.hash`: every page computes one, and a Hash object per call cost several times more (profile).
 */
export function cursorScope(parts: unknown): string {
  return hash('sha256', JSON.stringify(parts ?? null), 'base64url').slice(0, 10);
}

/** Opaque cursor: base64url of a versioned JSON body holding the per-stream offsets. */
export function encodeCursor(offsets: Offsets, scope = ''): string {
  const body: CursorBody = { v: CURSOR_VERSION, s: scope, o: { ...offsets } };
  return base64UrlOf(JSON.stringify(body));
}

/**
 * Offsets from an `after` cursor; none (start of list) when absent.
 * @throws GatewayError BAD_USER_INPUT for a cursor this query did not issue.
 */
export function decodeCursor(after: string | null | undefined, scope = ''): Offsets {
  if (after === null || after === undefined) return {};
  const bad = () => badUserInput('invalid cursor: pass back an endCursor or edge cursor of the same query');
  if (!/^[A-Za-z0-9_-]+$/.test(after)) throw bad();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof body !== 'object' || body === null) throw bad();
  const { v, s, o } = body as Partial<CursorBody>;
  if (v !== CURSOR_VERSION || s !== scope || typeof o !== 'object' || o === null || Array.isArray(o)) throw bad();
  for (const n of Object.values(o)) if (!Number.isSafeInteger(n) || n < 0) throw bad();
  return o;
}

/** One stream of a merge: the items following `offset` (at least `first` of them when the stream has them). */
export interface PageStream<T> {
  key: string;
  offset: number;
  /** All items of the stream, for `totalCount` and `hasNextPage`. */
  total: number;
  items: readonly T[];
}

export interface MergedEdge<T> {
  node: T;
  /** Which stream the node came from. */
  key: string;
  cursor: string;
}

export interface MergedPage<T> {
  edges: MergedEdge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Null when no stream answered although some were asked: unknown, which a dashboard must not show as 0. */
  totalCount: number | null;
}

/**
 * K-way merge of sorted streams into one page of `first` nodes. Each stream must be in the page's
 * order already (each upstream sorts its own list); the merge repeatedly takes the head that sorts
 * first (`before(a, b)` true when a goes first; ties go to the earlier stream), and every edge's cursor
 * records how far each stream has been consumed — so walking with `after` never skips or repeats,
 * whatever the streams' relative order, and every page costs one fetch per stream.
 */
export function mergePage<T>(
  streams: ReadonlyArray<PageStream<T>>,
  first: number,
  before: (a: T, b: T) => boolean,
  options: { scope?: string; carried?: Offsets } = {},
): MergedPage<T> {
  const scope = options.scope ?? '';
  // Streams that are not part of this page (failed upstreams) keep their position in later cursors.
  const position: Record<string, number> = { ...options.carried };
  for (const s of streams) position[s.key] = s.offset;
  const heads = streams.map(() => 0);
  const edges: MergedEdge<T>[] = [];
  while (edges.length < first) {
    let pick = -1;
    for (let i = 0; i < streams.length; i++) {
      const item = streams[i].items[heads[i]];
      if (item === undefined) continue;
      if (pick === -1 || before(item, streams[pick].items[heads[pick]] as T)) pick = i;
    }
    if (pick === -1) break;
    const stream = streams[pick];
    const node = stream.items[heads[pick]] as T;
    heads[pick] += 1;
    position[stream.key] = stream.offset + heads[pick];
    edges.push({ node, key: stream.key, cursor: encodeCursor(position, scope) });
  }
  const totalCount = streams.reduce((n, s) => n + s.total, 0);
  const consumed = streams.reduce((n, s, i) => n + s.offset + heads[i], 0);
  return {
    edges,
    pageInfo: {
      hasNextPage: consumed < totalCount,
      hasPreviousPage: streams.some((s) => s.offset > 0),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** A connection page over one in-memory list (clients, events of one upstream after filtering). */
export function slicePage<T>(all: readonly T[], key: string, first: number, offsets: Offsets, scope = ''): MergedPage<T> {
  const offset = offsets[key] ?? 0;
  return mergePage([{ key, offset, total: all.length, items: all.slice(offset, offset + first) }], first, () => false, {
    scope,
    carried: offsets,
  });
}
