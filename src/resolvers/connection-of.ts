import type { InstanceSource, Sourced } from '../paging/fan-out.js';
import type { MergedPage } from '../paging/pagination.js';
import type { ConnectionOf } from '../schema/unified/connection.type.js';

/** A fan-out page as a connection: each edge's node is the item, without the source it came from. */
export function connectionOf<T, S extends InstanceSource>(page: MergedPage<Sourced<T, S>>): ConnectionOf<T> {
  return {
    edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.item })),
    pageInfo: page.pageInfo,
    totalCount: page.totalCount,
  };
}
