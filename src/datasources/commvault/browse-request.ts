import type { BrowseOptions, CvBrowseEntity } from './model.js';

/** The root of every browse, whatever the client's OS (cvpysdk). */
export const BROWSE_ROOT = '\\';

/** `POST /DoBrowse` operations (cvpysdk `_prepare_browse_json`; docs/upstreams/commvault.md §4.4). */
const OP_BROWSE = 0;
const OP_FIND = 1;
/** `mode.mode` for file system data (4 is virtual server, 3 cloud apps). */
const FILE_SYSTEM_MODE = 2;

/**
 * The body of a browse: the direct children of `options.path` (the root when absent), as of
 * `pointInTime` (0 = the latest backup), backed up from `fromTime` (0 = any time), deleted items too when
 * `includeDeleted`, one page of them by `skipNode`/`pageSize`.
 */
export function browseRequest(entity: CvBrowseEntity, options: BrowseOptions): unknown {
  return requestBody(OP_BROWSE, options.path ?? BROWSE_ROOT, entity, options);
}

/**
 * The body of a find: cvpysdk's form, `opType` 1 over `<folder>\**\*` (every level below the folder)
 * with the name pattern as a `FileName` criterion of `whereClause`; `*` and `?` are Commvault's wildcards.
 */
export function findRequest(entity: CvBrowseEntity, pattern: string, options: BrowseOptions): unknown {
  const body = requestBody(OP_FIND, recursivePath(options.path ?? BROWSE_ROOT), entity, options);
  body.queries[0].whereClause = [{ connector: 0, criteria: { field: 'FileName', values: [pattern] } }];
  return body;
}

/** `\` → `\**\*`; `C:\Users` → `C:\Users\**\*`; `/var/log/` → `/var/log/**\/*` (the path's own separator). */
export function recursivePath(path: string): string {
  const sep = path.includes('/') && !path.includes('\\') ? '/' : '\\';
  const base = path.replace(/[\\/]+$/, '');
  return `${base}${sep}**${sep}*`;
}

interface Query {
  type: number;
  queryId: string;
  dataParam: unknown;
  whereClause?: unknown[];
}

function requestBody(opType: number, path: string, entity: CvBrowseEntity, options: BrowseOptions): { queries: [Query] } & Record<string, unknown> {
  return {
    opType,
    mode: { mode: FILE_SYSTEM_MODE },
    paths: [{ path }],
    options: { showDeletedFiles: options.includeDeleted === true, restoreIndex: true, vsDiskBrowse: false },
    entity: withoutNulls({
      clientName: entity.clientName,
      clientId: entity.clientId,
      applicationId: entity.applicationId,
      instanceId: entity.agentInstanceId,
      backupsetId: entity.backupsetId,
      subclientId: entity.subclientId,
    }),
    // Unix seconds, 0 = open (docs/upstreams/commvault-subclients.md §5).
    timeRange: { fromTime: options.fromTime ? Math.floor(options.fromTime.getTime() / 1000) : 0, toTime: options.pointInTime ? Math.floor(options.pointInTime.getTime() / 1000) : 0 },
    advOptions: { copyPrecedence: 0 },
    queries: [
      {
        type: 0,
        queryId: 'dataQuery',
        dataParam: {
          sortParam: { ascending: true, sortBy: [0] },
          paging: { pageSize: options.limit, skipNode: options.offset, firstNode: 0 },
        },
      },
    ],
  };
}

function withoutNulls(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}
