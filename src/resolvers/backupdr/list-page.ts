import type { GraphQLResolveInfo } from 'graphql';
import type { BackupDrSource } from '../../datasources/backupdr/backupdr-source.js';
import type { BdrResource, BdrResourceTypes } from '../../datasources/backupdr/model.js';
import type { ListSpec } from '../../datasources/backupdr/query-builder.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import type { PageInfo } from '../../schema/unified/page-info.type.js';
import { cursorScope, decodeCursor, encodeCursor, pageSize } from '../../paging/pagination.js';
import { selectsField } from '../selection.js';

/** A console list the resolvers ask for; `spec: null` means "matches nothing" (answered without a call). */
export interface ConsoleList<R extends BdrResource> {
  resource: R;
  spec: ListSpec | null;
}

export type ConsolePage<N> = ConnectionOf<N>;

/**
 * One Relay page of a console list view: `offset` comes from the cursor, `limit` is `first + 1` (the
 * extra item tells `hasNextPage` without a count), and `totalCount` is a HEAD with the same filters,
 * sent in parallel and only when the field is selected. Cursors are bound to the list's resource and
 * filters, so one query's cursor cannot page another.
 */
export async function consolePage<R extends BdrResource>(
  source: BackupDrSource,
  list: ConsoleList<R>,
  args: { first?: number | null; after?: string | null },
  ctx: { maxPageSize: number },
  info: GraphQLResolveInfo,
): Promise<ConsolePage<BdrResourceTypes[R]>> {
  const first = pageSize(args.first, ctx.maxPageSize);
  const scope = cursorScope(['bdr', list.resource, source.instanceId, list.spec]);
  const key = source.instanceId;
  const offset = decodeCursor(args.after, scope)[key] ?? 0;
  if (list.spec === null) return { edges: [], pageInfo: pageInfoOf(false, offset, []), totalCount: 0 };
  const spec = list.spec;
  const [page, total] = await Promise.all([
    source.list(list.resource, { ...spec, offset, limit: first + 1 }),
    selectsField(info, 'totalCount') ? source.count(list.resource, spec) : Promise.resolve(undefined),
  ]);
  const edges = page.items.slice(0, first).map((item, i) => ({ cursor: encodeCursor({ [key]: offset + i + 1 }, scope), node: item }));
  return {
    edges,
    pageInfo: pageInfoOf(page.items.length > first, offset, edges),
    // Unselected, the value is never read; the HEAD count is the console's own estimate (docs/upstreams/backupdr.md §3.3).
    totalCount: total ?? offset + page.items.length,
  };
}

function pageInfoOf(hasNextPage: boolean, offset: number, edges: ReadonlyArray<{ cursor: string }>): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}
