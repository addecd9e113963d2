import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import { fanOutPage, sliceOf } from '../../paging/fan-out.js';
import { cursorScope } from '../../paging/pagination.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { connectionOf } from '../connection-of.js';
import { recordPartial } from '../partial-errors.js';
import { commvaultSources } from './sources.js';

export interface NamedListOptions<T extends { name: string }> {
  upstream: string | null | undefined;
  first: number | null | undefined;
  after: string | null | undefined;
  /** What makes this list's cursors its own: the list's name and its filters. */
  scope: unknown[];
  /** The whole (cached) list of one CommServe. */
  list: (source: CommvaultSource) => Promise<readonly T[]>;
  keep: (item: T) => boolean;
  /** Breaks ties between equal names, so pages stay stable. */
  idOf: (item: T) => number;
}

/**
 * A connection over an unpaged Commvault list read whole (one cached call per CommServe), filtered and
 * paged in the gateway, merged across CommServes by name: paging costs no more calls than the first page.
 */
export async function namedListPage<T extends { name: string }>(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  options: NamedListOptions<T>,
): Promise<ConnectionOf<T>> {
  const sources = commvaultSources(ctx, options.upstream);
  const page = await fanOutPage({
    sources,
    first: options.first,
    after: options.after,
    maxPageSize: ctx.maxPageSize,
    scope: cursorScope([...options.scope, sources.map((s) => s.instanceId)]),
    fetch: async (source, offset, first) => {
      const all = (await options.list(source)).filter(options.keep).sort((a, b) => byName(a.name, b.name) || options.idOf(a) - options.idOf(b));
      return sliceOf(all, offset, first);
    },
    before: (a, b) => byName(a.name, b.name) < 0,
    onFailure: recordPartial(ctx, info),
  });
  return connectionOf(page);
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** Whether a lower-cased search needle is in any of the values (case-insensitive); no needle keeps all. */
export function matches(needle: string | undefined, values: ReadonlyArray<string | null | undefined>): boolean {
  return !needle || values.some((v) => v?.toLowerCase().includes(needle));
}
