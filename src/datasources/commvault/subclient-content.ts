import type { CvSubclient } from './model.js';

/**
 * The body of `POST /Subclient/{id}` that changes a subclient's content, filters and exceptions
 * (docs/upstreams/commvault-subclients.md §3). Pure: the subclient as just read in, the change out.
 */

/** How the items given combine with what the subclient holds. */
export type CvContentOperation = 'OVERWRITE' | 'ADD' | 'DELETE';

/** `…OperationType` codes (cvpysdk's operation_map): the gateway sends the numbers. */
export const CONTENT_OPERATION_CODE: Readonly<Record<CvContentOperation, number>> = { OVERWRITE: 1, ADD: 2, DELETE: 3 };

/** A change: a list left out (null) is not touched. */
export interface CvContentChange {
  operation: CvContentOperation;
  content: readonly string[] | null;
  filters: readonly string[] | null;
  exceptions: readonly string[] | null;
}

/** Most items one list of a change may hold. */
export const MAX_CONTENT_ITEMS = 1000;
/** Longest item: Windows' long-path limit. */
const MAX_ITEM_LENGTH = 32_767;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What is wrong with a change before anything is read or sent; null when nothing. */
export function contentChangeProblem(change: CvContentChange): string | null {
  const lists = { content: change.content, filters: change.filters, exceptions: change.exceptions };
  if (Object.values(lists).every((l) => l === null)) return 'Give at least one of content, filters or exceptions';
  for (const [name, items] of Object.entries(lists)) {
    if (items === null) continue;
    if (items.length > MAX_CONTENT_ITEMS) return `${name} may hold at most ${MAX_CONTENT_ITEMS} items`;
    if (items.some((i) => i.trim() === '')) return `${name} must not hold an empty item`;
    if (items.some((i) => i.length > MAX_ITEM_LENGTH)) return `${name} items must be at most ${MAX_ITEM_LENGTH} characters`;
    if (items.some((i) => CONTROL.test(i))) return `${name} items must not contain control characters`;
    if (change.operation !== 'OVERWRITE' && items.length === 0) return `${name} must name at least one item to ${change.operation === 'ADD' ? 'add' : 'delete'}`;
  }
  if (change.operation === 'OVERWRITE' && change.content !== null && change.content.length === 0) {
    return 'content must not be empty: a subclient backs up at least one path';
  }
  return null;
}

/** What is wrong with a change given the subclient as it is (the second check, after the read); null when nothing. */
export function contentChangeConflict(subclient: CvSubclient, change: CvContentChange): string | null {
  const detail = subclient.detail;
  if (!detail) return 'The CommServe did not answer the subclient\'s properties';
  if (!detail.fileSystem && ((change.filters?.length ?? 0) > 0 || (change.exceptions?.length ?? 0) > 0)) {
    return 'Filters and exceptions apply to file system subclients only';
  }
  if (change.operation === 'DELETE' && change.content !== null) {
    const left = detail.contentPaths.filter((p) => !change.content?.includes(p));
    if (left.length === 0) return 'This would delete every content path: a subclient backs up at least one path (OVERWRITE it instead)';
  }
  return null;
}

/**
 * cvpysdk's form: `{"subClientProperties": {subClientEntity, content: [{path} | {excludePath} |
 * {includePath}], <operation types>}}`. File system subclients take one operation type per kind
 * (`fsContentOperationType`, `fsExcludeFilterOperationType`, `fsIncludeFilterOperationType`), others
 * `contentOperationType`. An OVERWRITE re-sends the kinds not given as they are (cvpysdk re-sends the
 * whole list), and empties a kind given as `[]` the way cvpysdk clears filters: its current items
 * with that kind's operation type DELETE.
 */
export function subclientContentBody(subclient: CvSubclient, change: CvContentChange): Record<string, unknown> {
  const detail = subclient.detail;
  const code = CONTENT_OPERATION_CODE[change.operation];
  const current = { content: detail?.contentPaths ?? [], filters: detail?.filters ?? [], exceptions: detail?.exceptions ?? [] };
  const kinds = (['content', 'filters', 'exceptions'] as const).map((name) => {
    const given = change[name];
    if (change.operation !== 'OVERWRITE') return { name, items: given ?? [], code };
    if (given === null) return { name, items: current[name], code };
    // Emptied: its current items deleted; nothing to delete, nothing sent.
    if (given.length === 0) return { name, items: current[name], code: current[name].length > 0 ? CONTENT_OPERATION_CODE.DELETE : code };
    return { name, items: given, code };
  });
  const [content, filters, exceptions] = kinds;
  const props: Record<string, unknown> = {
    subClientEntity: entityOf(subclient),
    content: [
      ...unique(content.items).map((path) => ({ path })),
      ...(detail?.fileSystem ? unique(filters.items).map((excludePath) => ({ excludePath })) : []),
      ...(detail?.fileSystem ? unique(exceptions.items).map((includePath) => ({ includePath })) : []),
    ],
  };
  if (detail?.fileSystem) {
    props.fsContentOperationType = content.code;
    props.fsExcludeFilterOperationType = filters.code;
    props.fsIncludeFilterOperationType = exceptions.code;
  } else {
    props.contentOperationType = content.code;
  }
  return { subClientProperties: props };
}

/** The entity as the GET named it: ids and names, none left empty. */
function entityOf(s: CvSubclient): Record<string, unknown> {
  const entity: Record<string, unknown> = {
    subclientId: s.subclientId,
    subclientName: s.name,
    clientId: s.clientId,
    clientName: s.clientName,
    applicationId: s.applicationId,
    appName: s.appName,
    instanceId: s.agentInstanceId,
    instanceName: s.agentInstanceName,
    backupsetId: s.backupsetId,
    backupsetName: s.backupsetName,
  };
  return Object.fromEntries(Object.entries(entity).filter(([, v]) => v !== null && v !== undefined));
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
