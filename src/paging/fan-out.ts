import { isGatewayError, type GatewayError } from '../errors/gateway-error.js';
import { decodeCursor, mergePage, pageSize, type MergedPage } from './pagination.js';

/** What a fan-out needs of a source: the instance it stands for (streams and cursors are keyed by it). */
export interface InstanceSource {
  readonly instanceId: string;
}

/** An item with the source it came from (streams and cursors are kept per source). */
export interface Sourced<T, S extends InstanceSource = InstanceSource> {
  source: S;
  item: T;
}

/** One instance's page: the items after `offset` (up to `first`) and how many match in all. */
export interface InstancePage<T> {
  total: number;
  items: readonly T[];
}

export interface FanOutOptions<T, S extends InstanceSource = InstanceSource> {
  sources: readonly S[];
  first: number | null | undefined;
  after: string | null | undefined;
  maxPageSize: number;
  /** Binds cursors to this query (see cursorScope). */
  scope: string;
  /** Fetch one instance's page; called once per instance per page. */
  fetch: (source: S, offset: number, first: number) => Promise<InstancePage<T>>;
  /** Page order across instances: true when `a` goes before `b`. */
  before: (a: T, b: T) => boolean;
  /** One instance failed; the page goes on with the others. */
  onFailure: (source: S, error: GatewayError) => void;
}

/**
 * One connection page over several upstream instances: every instance is asked once for its next
 * `first` items (from the offset the cursor recorded for it), in parallel, and the answers are
 * k-way merged. An instance that fails is reported through `onFailure` and left out of this page (its
 * position is carried in the cursors, so a later page asks it again from there); when every instance
 * fails, `totalCount` is null. Anything that is not a GatewayError is a bug and fails the field.
 */
export async function fanOutPage<T, S extends InstanceSource = InstanceSource>(options: FanOutOptions<T, S>): Promise<MergedPage<Sourced<T, S>>> {
  const first = pageSize(options.first, options.maxPageSize);
  const offsets = decodeCursor(options.after, options.scope);
  const settled = await Promise.all(
    options.sources.map(async (source) => {
      const offset = offsets[source.instanceId] ?? 0;
      try {
        const page = await options.fetch(source, offset, first);
        return { key: source.instanceId, offset, total: page.total, items: page.items.map((item) => ({ source, item })) };
      } catch (error) {
        if (!isGatewayError(error)) throw error;
        options.onFailure(source, error);
        return undefined;
      }
    }),
  );
  const streams = settled.filter((s): s is NonNullable<typeof s> => s !== undefined);
  const page = mergePage(streams, first, (a, b) => options.before(a.item, b.item), { scope: options.scope, carried: offsets });
  // Every upstream asked failed: the count is unknown, not 0 (each failure is in `errors`).
  if (streams.length === 0 && options.sources.length > 0) page.totalCount = null;
  return page;
}

/** An instance page cut out of a whole list the gateway holds (lists the upstream cannot page). */
export function sliceOf<T>(all: readonly T[], offset: number, first: number): InstancePage<T> {
  return { total: all.length, items: all.slice(offset, offset + first) };
}

/** Newest first; undated items (not started yet) lead, since they are the most recent activity. */
export function newestFirst(a: Date | null, b: Date | null): boolean {
  if (a === null) return b !== null;
  if (b === null) return false;
  return a.getTime() > b.getTime();
}

/**
 * Runs `load` on every source in parallel and concatenates the answers (config order); a source that
 * fails with a GatewayError is recorded as a partial error and contributes nothing.
 */
export async function fanOutList<T, S extends InstanceSource = InstanceSource>(
  sources: readonly S[],
  load: (source: S) => Promise<readonly T[]>,
  onFailure: (source: S, error: GatewayError) => void,
): Promise<T[]> {
  const parts = await Promise.all(
    sources.map(async (source) => {
      try {
        return await load(source);
      } catch (error) {
        if (!isGatewayError(error)) throw error;
        onFailure(source, error);
        return [];
      }
    }),
  );
  return parts.flat();
}
