import type { CvBrowseEntry, CvBrowsePage } from '../model.js';
import { field, int, list, num, str, unixSeconds } from './read.js';

/**
 * A `POST /DoBrowse` answer (docs/upstreams/commvault.md §4.4): `browseResponses[].browseResult` with
 * `totalItemsFound` and `dataResultSet`. Tolerant as cvpysdk is: the result set may be one object, or
 * absent when nothing matched (empty lists are left out); sizes and times may be missing; flags are
 * `true` or `"1"`. The response with a `browseResult` is used (others carry only session data).
 */
export function toBrowsePage(body: unknown): CvBrowsePage {
  const result = list(field(body, 'browseResponses'))
    .map((r) => field(r, 'browseResult'))
    .find((r) => r !== undefined && r !== null);
  const items = list(field(result, 'dataResultSet'))
    .map(toBrowseEntry)
    .filter((e): e is CvBrowseEntry => e !== null);
  const total = int(field(result, 'totalItemsFound'));
  return { total: total !== null && total >= items.length ? total : items.length, items };
}

/** Whether an answer holds a browse result at all: `{}` is cvpysdk's "index not ready yet". */
export function hasBrowseResult(body: unknown): boolean {
  return list(field(body, 'browseResponses')).some((r) => field(r, 'browseResult') !== undefined);
}

function toBrowseEntry(raw: unknown): CvBrowseEntry | null {
  const path = str(field(raw, 'path'));
  if (!path) return null;
  const name = str(field(raw, 'displayName')) ?? str(field(raw, 'name')) ?? lastSegment(path);
  const size = num(field(raw, 'size'));
  return {
    path,
    name,
    isDirectory: isDirectory(field(raw, 'flags')),
    sizeBytes: size !== null && size >= 0 ? size : null,
    modifiedAt: unixSeconds(field(raw, 'modificationTime')),
    backedUpAt: unixSeconds(field(field(raw, 'advancedData'), 'backupTime')),
    isDeleted: truthy(field(field(raw, 'flags'), 'deleted')),
  };
}

/** `flags.directory` says folder, `flags.file` says file; neither is a folder, as cvpysdk reads it. */
function isDirectory(flags: unknown): boolean {
  if (truthy(field(flags, 'directory'))) return true;
  return !truthy(field(flags, 'file'));
}

function truthy(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || (typeof v === 'string' && v.toLowerCase() === 'true');
}

function lastSegment(path: string): string {
  const parts = path.split(/[\\/]+/).filter((s) => s !== '');
  return parts[parts.length - 1] ?? path;
}
