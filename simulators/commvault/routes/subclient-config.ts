import { APP_NAMES, type Subclient } from '../data/types.js';
import { idParam, listOrOmit, ok, type ApiRequest, type ApiResult, type RouteDef, type Scope, type SimContext } from '../context.js';
import { requireClientId, visibleClient } from './clients.js';

/**
 * Subclient configuration (docs/upstreams/commvault-subclients.md): the agents' instances
 * (`GET /Instance?clientId=`) and the subclient update (`POST /Subclient/{id}`) that changes content,
 * filters and exceptions. A change is kept: the next `GET /Subclient/{id}` answers it.
 */
export const subclientConfigRoutes: RouteDef[] = [
  { method: 'GET', template: '/Instance', handle: listInstances },
  { method: 'POST', template: '/Subclient/{id}', write: true, handle: updateSubclient },
];

const UPDATE_ROOT = 'App_UpdateSubClientPropertiesResponse';
/** `…OperationType` codes (cvpysdk's operation_map); the names are accepted too. */
const OPERATIONS: Readonly<Record<string, Operation>> = { '1': 'OVERWRITE', '2': 'ADD', '3': 'DELETE', overwrite: 'OVERWRITE', add: 'ADD', delete: 'DELETE' };
type Operation = 'OVERWRITE' | 'ADD' | 'DELETE';
/** The agents whose subclients carry `fsSubClientProp` and take the `fs…OperationType` keys. */
const FILE_SYSTEM_APPS: ReadonlySet<number> = new Set([29, 33]);

type Json = Record<string, unknown>;

function listInstances(req: ApiRequest, ctx: SimContext): ApiResult {
  const clientId = requireClientId(req);
  if (typeof clientId !== 'number') return clientId;
  const c = visibleClient(req, ctx, clientId);
  const instances = c ? ctx.data.instances.filter((i) => i.clientId === c.clientId) : [];
  return ok(
    listOrOmit(
      'instanceProperties',
      instances.map((i) => ({
        instance: {
          _type_: 5, instanceId: i.instanceId, instanceName: i.instanceName, appName: APP_NAMES[i.applicationId] ?? '',
          applicationId: i.applicationId, clientId: i.clientId, clientName: c?.clientName ?? '',
        },
        instanceActivityControl: { activityControlOptions: [{ activityType: 1, enableActivityType: true }] },
      })),
    ),
    'App_GetInstancePropertiesResponse',
  );
}

/**
 * `{"subClientProperties": {…, content: [{path} | {excludePath} | {includePath}], <op keys>}}` (an object,
 * not the array of one the GET answers). File system subclients take `fsContentOperationType`,
 * `fsExcludeFilterOperationType`, `fsIncludeFilterOperationType`; others `contentOperationType` for paths.
 * OVERWRITE replaces the items of a kind the request holds (a kind it holds none of is kept), ADD appends,
 * DELETE removes. Answers `{"response": [{"errorCode": 0, "errorString": ""}]}`.
 */
function updateSubclient(req: ApiRequest, ctx: SimContext): ApiResult {
  const sc = ctx.index.subclients.get(idParam(req));
  const client = sc ? ctx.index.clients.get(sc.clientId) : undefined;
  if (!sc || !client || !(req.scope as Scope).company(client.companyId)) return answer(2, `Subclient [${req.params.id}] not found.`);
  const props = (req.body as Json | undefined)?.subClientProperties;
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return answer(1, 'Invalid input: subClientProperties must be an object.');
  const p = props as Json;
  const fs = FILE_SYSTEM_APPS.has(sc.applicationId);
  const content: unknown[] = Array.isArray(p.content) ? p.content : p.content === undefined ? [] : [p.content];
  const kinds: Array<{ key: 'path' | 'excludePath' | 'includePath'; field: 'content' | 'filters' | 'exceptions'; op: unknown }> = fs
    ? [
        { key: 'path', field: 'content', op: p.fsContentOperationType },
        { key: 'excludePath', field: 'filters', op: p.fsExcludeFilterOperationType },
        { key: 'includePath', field: 'exceptions', op: p.fsIncludeFilterOperationType },
      ]
    : [{ key: 'path', field: 'content', op: p.contentOperationType }];
  const changes: Array<() => void> = [];
  for (const kind of kinds) {
    const op = kind.op === undefined ? 'OVERWRITE' : OPERATIONS[String(kind.op).toLowerCase()];
    if (!op) return answer(1, `Invalid operation type [${String(kind.op)}].`);
    const items = content.map((c) => (typeof c === 'object' && c !== null ? (c as Json)[kind.key] : undefined)).filter((v): v is string => typeof v === 'string' && v !== '');
    if (items.length === 0) continue;
    changes.push(() => apply(sc, kind.field, op, items));
  }
  if (!fs && content.some((c) => typeof c === 'object' && c !== null && ('excludePath' in c || 'includePath' in c))) {
    return answer(1, 'Filters and exceptions apply to file system subclients only.');
  }
  for (const change of changes) change();
  return answer(0, '');
}

/** Arrays are replaced, never changed in place: subclients of one agent's backup sets may share their seeded content array. */
function apply(sc: Subclient, field: 'content' | 'filters' | 'exceptions', op: Operation, items: string[]): void {
  const unique = [...new Set(items)];
  if (op === 'OVERWRITE') sc[field] = unique;
  else if (op === 'ADD') sc[field] = [...sc[field], ...unique.filter((i) => !sc[field].includes(i))];
  else sc[field] = sc[field].filter((i) => !unique.includes(i));
}

function answer(errorCode: number, errorString: string): ApiResult {
  return ok({ response: [{ errorCode, errorString }] }, UPDATE_ROOT);
}
