import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { NodeRecord } from '../../datasources/record.js';
import { fromGlobalId, numericLocalId } from '../../util/global-id.js';
import { Node } from '../../schema/unified/node.type.js';
import { BACKUPDR_NODE_FETCHERS } from '../backupdr/node-fetchers.js';
import { COMMVAULT_NODE_FETCHERS } from './node-fetchers.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist (or is not yours to see).',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GatewayContext): Promise<NodeRecord | null> {
    const parts = fromGlobalId(id);
    if (ctx.sources.kindOf(parts.instanceId) === 'backupdr') {
      const fetchConsole = BACKUPDR_NODE_FETCHERS[parts.typeName] as (typeof BACKUPDR_NODE_FETCHERS)[string] | undefined;
      // Console ids are numeric strings; anything else cannot name a console object.
      return fetchConsole && /^\d{1,19}$/.test(parts.localId) ? fetchConsole(ctx, parts.instanceId, parts.localId) : null;
    }
    const fetch = COMMVAULT_NODE_FETCHERS[parts.typeName];
    const localId = numericLocalId(parts);
    // Unknown types, foreign ids and upstreams the caller cannot see all read as "no such object".
    if (!fetch || localId === null || ctx.sources.kindOf(parts.instanceId) === undefined) return null;
    let source;
    try {
      source = ctx.sources.commvault(parts.instanceId);
    } catch {
      return null;
    }
    return fetch(ctx, source, localId);
  }
}
