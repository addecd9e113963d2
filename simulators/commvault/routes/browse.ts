import { browseItems, parsePath, type BrowseItem } from '../data/browse-tree.js';
import type { Subclient } from '../data/types.js';
import { ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';

/**
 * `POST /DoBrowse` (docs/upstreams/commvault.md §4.4): browse (`opType` 0, the direct children of
 * `paths[0].path`) and find (`opType` 1, a recursive search below a `…\**\*` path, names filtered by
 * `whereClause` `FileName`), at `timeRange.toTime`, of versions backed up from `timeRange.fromTime`, with
 * deleted files when `options.showDeletedFiles`, paged by `dataParam.paging` `{pageSize, skipNode}`.
 */
const ROOT = 'databrowse_BrowseResponseList';
/** cvpysdk's page when it names none. */
const DEFAULT_PAGE_SIZE = 100_000;

export const browseRoutes: RouteDef[] = [{ method: 'POST', template: '/DoBrowse', errorShape: browseError, errorRoot: ROOT, handle: doBrowse }];

/** Browse failures come inside the browse response, without a result (cvpysdk reads `messages[0].errorMessage`). */
function browseError(code: number, message: string): unknown {
  return { browseResponses: [{ respType: 3, messages: [{ errorCode: code, errorMessage: message }] }] };
}

function doBrowse(req: ApiRequest, ctx: SimContext): ApiResult {
  const body = record(req.body);
  const fail = (message: string): ApiResult => ok(browseError(2, message), ROOT);
  const opType = opTypeOf(body.opType);
  if (opType === undefined) return fail(`Unsupported browse operation [${String(body.opType)}].`);
  const entity = record(body.entity);
  const subclientId = Number(entity.subclientId);
  if (!Number.isInteger(subclientId) || subclientId <= 0) return fail('Browse needs a subclient: entity.subclientId is missing.');
  const subclient = visibleSubclient(req, ctx, subclientId);
  if (!subclient) return fail(`Subclient [${subclientId}] not found.`);

  const query = record(list(body.queries)[0]);
  const paging = record(record(query.dataParam).paging);
  const pageSize = positiveInt(paging.pageSize) ?? DEFAULT_PAGE_SIZE;
  const skip = positiveInt(paging.skipNode) ?? 0;
  const toTime = positiveInt(record(body.timeRange).toTime) ?? 0;
  const fromTime = positiveInt(record(body.timeRange).fromTime) ?? 0;
  if (toTime > 0 && fromTime > toTime) return fail('Invalid time range: fromTime is after toTime.');
  // cvpysdk sends `true`; the flag may come as "1" as other legacy flags do.
  const showDeleted = [true, 1, '1', 'true'].includes(record(body.options).showDeletedFiles as never);
  const rawPath = String(record(list(body.paths)[0]).path ?? '\\');
  const find = opType === 'find';
  const items = browseItems(ctx.data, subclient, {
    find, path: find ? findBase(rawPath) : rawPath, toTime, fromTime, includeDeleted: showDeleted, pattern: fileNameFilter(query.whereClause),
  });
  const page = items.slice(skip, skip + pageSize).map((item) => wire(subclient, item));
  return ok(
    {
      browseResponses: [
        {
          respType: 0,
          workerId: '1',
          browseResult: {
            queryId: String(query.queryId ?? 'dataQuery'),
            totalItemsFound: items.length,
            // Commvault leaves empty lists out (docs/upstreams/commvault.md §8.1).
            ...(page.length > 0 ? { dataResultSet: page } : {}),
          },
        },
      ],
    },
    ROOT,
  );
}

function wire(subclient: Subclient, item: BrowseItem): Record<string, unknown> {
  return {
    path: item.path,
    displayName: item.name,
    name: item.name,
    size: item.sizeBytes,
    modificationTime: item.modifiedAt,
    // Deleted items carry `flags.deleted` (cvpysdk `_process_browse_response`).
    flags: { ...(item.isDirectory ? { directory: true } : { file: true }), ...(item.deleted ? { deleted: true } : {}) },
    advancedData: {
      backupJobId: item.backupJobId,
      backupTime: item.backupTime,
      subclient: { _type_: 7, subclientId: subclient.subclientId, applicationId: subclient.applicationId },
    },
  };
}

function visibleSubclient(req: ApiRequest, ctx: SimContext, subclientId: number): Subclient | undefined {
  const subclient = ctx.index.subclients.get(subclientId);
  const client = subclient && ctx.index.clients.get(subclient.clientId);
  return client && (req.scope as Scope).company(client.companyId) ? subclient : undefined;
}

/** cvpysdk sends the number, the docs the name (docs/upstreams/commvault.md §4.4). */
function opTypeOf(v: unknown): 'browse' | 'find' | undefined {
  if (v === undefined || v === 0 || v === '0' || (typeof v === 'string' && v.toLowerCase() === 'browse')) return 'browse';
  if (v === 1 || v === '1' || (typeof v === 'string' && v.toLowerCase() === 'find')) return 'find';
  return undefined;
}

/** A find names its scope as `<folder>\**\*` (cvpysdk: `\**\*` for everything): the folder is what is searched. */
function findBase(path: string): string {
  const segments = parsePath(path);
  while (segments.length > 0 && /^\*+$/.test(segments[segments.length - 1])) segments.pop();
  return segments.join('\\');
}

/** The `FileName` criterion of `whereClause`; none matches every name. */
function fileNameFilter(whereClause: unknown): string | undefined {
  for (const clause of list(whereClause)) {
    const criteria = record(record(clause).criteria);
    if (String(criteria.field ?? '').toLowerCase() === 'filename') {
      const value = list(criteria.values)[0];
      if (typeof value === 'string') return value;
    }
  }
  return undefined;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function positiveInt(v: unknown): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
