import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../../context.js';
import type { CommvaultSource } from '../../datasources/commvault/commvault-source.js';
import type { BrowseOptions, CvBrowseEntity, CvBrowseEntry, CvBrowsePage, CvSubclient } from '../../datasources/commvault/model.js';
import { notFound } from '../../errors/gateway-error.js';
import { cursorScope, decodeCursor, mergePage, pageSize } from '../../paging/pagination.js';
import { CommvaultBrowseEntryConnection } from '../../schema/commvault/browse-entry.type.js';
import { CommvaultBrowseArgs, CommvaultFindArgs } from '../../schema/commvault/browse.args.js';
import { CommvaultSubclient } from '../../schema/commvault/subclient.type.js';
import type { ConnectionOf } from '../../schema/unified/connection.type.js';
import { browsePath, browseWindow, findPattern } from './browse-input.js';
import { commvaultLoaders, commvaultSource } from './sources.js';

/**
 * Browse and find on a subclient's backed-up data (`POST /DoBrowse`, docs/operations.md "Browse and
 * find"). Commvault pages these itself (`skipNode`/`pageSize`) and counts every match
 * (`totalItemsFound`), so each page is one upstream call and the cursor is the offset.
 */
@Resolver(() => CommvaultSubclient)
export class CommvaultBrowseResolver {
  @FieldResolver(() => CommvaultBrowseEntryConnection, {
    description: 'Files and folders directly in `path` of this subclient\'s backups, folders and files by name.',
  })
  async browse(@Root() s: CvSubclient, @Args(() => CommvaultBrowseArgs) args: CommvaultBrowseArgs, @Ctx() ctx: GatewayContext): Promise<ConnectionOf<CvBrowseEntry>> {
    const path = browsePath(args.path);
    return browsePage(ctx, s, args, { path, ...browseWindow(args), includeDeleted: args.includeDeleted }, ['browse'], (source, entity, options) =>
      source.browseSubclient(entity, options),
    );
  }

  @FieldResolver(() => CommvaultBrowseEntryConnection, {
    description: 'Files and folders whose name matches `pattern`, at any depth below `path` of this subclient\'s backups.',
  })
  async find(@Root() s: CvSubclient, @Args(() => CommvaultFindArgs) args: CommvaultFindArgs, @Ctx() ctx: GatewayContext): Promise<ConnectionOf<CvBrowseEntry>> {
    const pattern = findPattern(args.pattern);
    const path = browsePath(args.path);
    return browsePage(ctx, s, args, { path, ...browseWindow(args), includeDeleted: args.includeDeleted }, ['find', pattern], (source, entity, options) =>
      source.findInSubclient(entity, pattern, options),
    );
  }
}

type Fetch = (source: CommvaultSource, entity: CvBrowseEntity, options: BrowseOptions) => Promise<CvBrowsePage>;

/** One page: inputs checked first (BAD_USER_INPUT before any call), then the subclient's entity, then one DoBrowse. */
async function browsePage(
  ctx: GatewayContext,
  s: CvSubclient,
  args: { first?: number | null; after?: string | null },
  at: Pick<BrowseOptions, 'path' | 'pointInTime' | 'fromTime' | 'includeDeleted'>,
  what: unknown[],
  fetch: Fetch,
): Promise<ConnectionOf<CvBrowseEntry>> {
  const first = pageSize(args.first, ctx.maxPageSize);
  const key = s.upstream.id;
  const scope = cursorScope([...what, key, s.subclientId, at.path ?? null, at.pointInTime?.getTime() ?? null, at.fromTime?.getTime() ?? null, at.includeDeleted === true]);
  const offset = decodeCursor(args.after, scope)[key] ?? 0;
  const source = commvaultSource(ctx, key);
  const page = await fetch(source, await browseEntity(ctx, s), { ...at, offset, limit: first });
  const merged = mergePage([{ key, offset, total: page.total, items: page.items }], first, () => false, { scope });
  return { edges: merged.edges.map((e) => ({ cursor: e.cursor, node: e.node })), pageInfo: merged.pageInfo, totalCount: merged.totalCount };
}

/**
 * DoBrowse names the subclient with its client, agent and backup set. A subclient met in a job may
 * lack them; its properties (`GET /Subclient`) fill them in, and a subclient the CommServe no longer
 * knows is NOT_FOUND.
 */
async function browseEntity(ctx: GatewayContext, s: CvSubclient): Promise<CvBrowseEntity> {
  let known: CvSubclient | null = s;
  if (s.clientId === null || s.applicationId === null || s.backupsetId === null) {
    known = await commvaultLoaders(ctx).subclientById.load({ instanceId: s.upstream.id, id: s.subclientId, clientId: s.clientId });
  }
  if (!known) throw notFound(`Subclient [${s.subclientId}] not found.`);
  return {
    subclientId: known.subclientId,
    clientId: known.clientId,
    clientName: known.clientName,
    applicationId: known.applicationId,
    agentInstanceId: known.agentInstanceId,
    backupsetId: known.backupsetId,
  };
}
