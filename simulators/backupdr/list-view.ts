/**
 * The list-view machinery shared by every resource (docs/upstreams/backupdr.md §5): organization scoping, `filter`, `keyword`,
 * `sort`, `offset`/`limit`; HEAD counts (§3.3) and OPTIONS metadata (§3.4).
 */
import type { ApiRequest, ApiResult, Caller, SimContext } from './context.js';
import { apiError } from './context.js';
import { compareValues, compileFilters, ERR, GrammarError, parseFilters, parseSort, type FieldInfo, type FieldValue, type FilterClause, type SortKey } from './filter-grammar.js';
import type { FieldDef, ResourceDef } from './resources/resource.js';
import { firstInOrder } from '../common/first-in-order.js';

export const DEFAULT_LIMIT = 1000;

export interface ListQuery {
  clauses: FilterClause[];
  sort: SortKey[];
  keywords: string[];
  offset: number;
  limit: number;
}

const fieldMaps = new WeakMap<ResourceDef<unknown>, Map<string, FieldDef<unknown>>>();

function fieldsOf<R>(def: ResourceDef<R>): Map<string, FieldDef<R>> {
  let m = fieldMaps.get(def as ResourceDef<unknown>);
  if (!m) {
    m = new Map((def as ResourceDef<unknown>).fields.map((f) => [f.name, f]));
    fieldMaps.set(def as ResourceDef<unknown>, m);
  }
  return m as Map<string, FieldDef<R>>;
}

/** Parses the query string; HEAD ignores paging (docs/upstreams/backupdr.md §3.3), so bad paging cannot fail a count. */
export function parseListQuery<R>(def: ResourceDef<R>, q: URLSearchParams, maxLimit: number, paging: boolean): ListQuery {
  const fields = fieldsOf(def);
  const lookup = (name: string): FieldInfo | undefined => fields.get(name);
  const sortable = (name: string): FieldInfo | undefined => {
    const f = fields.get(name);
    return f?.sortable ? f : undefined;
  };
  return {
    clauses: parseFilters(q.getAll('filter'), lookup),
    sort: parseSort(q.getAll('sort'), sortable),
    keywords: q.getAll('keyword').filter((k) => k !== '').map((k) => k.toLowerCase()),
    offset: paging ? nonNegative(q, 'offset', 0) : 0,
    limit: paging ? Math.min(maxLimit, positive(q, 'limit', DEFAULT_LIMIT)) : Number.MAX_SAFE_INTEGER,
  };
}

function nonNegative(q: URLSearchParams, name: string, fallback: number): number {
  const all = q.getAll(name);
  if (all.length === 0) return fallback;
  if (all.length > 1) throw new GrammarError(ERR.badRequest, `Parameter ${name} given ${all.length} times`);
  if (!/^\d{1,15}$/.test(all[0])) throw new GrammarError(ERR.badRequest, `Invalid ${name} "${all[0].slice(0, 40)}": expected a non-negative integer`);
  return Number(all[0]);
}

function positive(q: URLSearchParams, name: string, fallback: number): number {
  const n = nonNegative(q, name, fallback);
  if (n < 1) throw new GrammarError(ERR.badRequest, `Invalid ${name} 0: expected at least 1`);
  return n;
}

/**
 * Visible, filtered, keyword-matched and sorted records (not yet paged). With `upTo`, only the first
 * `upTo` of that order are returned: a page near the top of a large list (the usual read) then costs one
 * pass with a bounded heap instead of sorting every matching record.
 */
export function selectRecords<R>(def: ResourceDef<R>, records: readonly R[], caller: Caller, query: ListQuery, ctx: SimContext, upTo = Infinity): R[] {
  const fields = fieldsOf(def);
  const filter = compileFilters<R>(query.clauses, (name) => {
    const field = fields.get(name) as FieldDef<R>;
    return (r) => field.get(r, ctx);
  });
  const keywordGetters = Object.values(def.keyword);
  const matchesKeyword = (r: R): boolean =>
    query.keywords.length === 0 ||
    keywordGetters.some((g) => {
      const v = g(r, ctx);
      const values = v === undefined ? [] : typeof v === 'string' ? [v] : v;
      return values.some((s) => query.keywords.some((k) => s.toLowerCase().includes(k)));
    });
  // An all-organization caller sees every record: its scope need not be worked out per record.
  const visible = caller.orgIds === null ? () => true : (r: R) => caller.sees(def.scope(r, ctx));
  const out = records.filter((r) => visible(r) && filter(r) && matchesKeyword(r));
  if (query.sort.length === 0) return out;
  // Each sort field's values read once, one column per field; records are ordered by their position in
  // `out`, which also breaks ties as the stable Array.prototype.sort would.
  const columns = query.sort.map((k) => {
    const field = fields.get(k.field.name) as FieldDef<R>;
    return out.map((r) => field.get(r, ctx));
  });
  const compare = (a: number, b: number): number => {
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as FieldValue[];
      const key = query.sort[i] as SortKey;
      const c = compareValues(column[a], column[b], key.field.kind);
      if (c !== 0) return key.descending ? -c : c;
    }
    return a - b;
  };
  const positions = out.map((_, at) => at);
  return (upTo * 4 < positions.length ? firstInOrder(positions, upTo, compare) : positions.sort(compare)).map((at) => out[at] as R);
}

/** GET list: `{count, items}` where count is the number of items in this page (docs/upstreams/backupdr.md §5.1). */
export function listView<R>(def: ResourceDef<R>, records: readonly R[], req: ApiRequest, ctx: SimContext): ApiResult {
  return guarded(() => {
    const query = parseListQuery(def, req.query, ctx.maxLimit, true);
    const selected = selectRecords(def, records, req.caller as Caller, query, ctx, query.offset + query.limit);
    const page = selected.slice(query.offset, query.offset + query.limit);
    return { status: 200, body: { count: page.length, items: page.map((r) => def.wire(r, ctx, req.apiRoot)) } };
  });
}

/** HEAD: 204 with `Actifio-Count`, the filtered total; pagination parameters are ignored (docs/upstreams/backupdr.md §3.3). */
export function countView<R>(def: ResourceDef<R>, records: readonly R[], req: ApiRequest, ctx: SimContext): ApiResult {
  return guarded(() => {
    const query = parseListQuery(def, req.query, ctx.maxLimit, false);
    const n = selectRecords(def, records, req.caller as Caller, { ...query, sort: [] }, ctx).length;
    return { status: 204, headers: { 'Actifio-Count': String(n) } };
  });
}

/** OPTIONS: `{"GET(list)": GetListRest}`; dates report as `Long` (docs/upstreams/backupdr.md §3.4). */
export function optionsView<R>(def: ResourceDef<R>): ApiResult {
  return {
    status: 200,
    headers: { Allow: 'GET, HEAD, OPTIONS' },
    body: {
      'GET(list)': {
        filterable: true,
        sortable: true,
        pageable: true,
        sortablefields: def.fields.filter((f) => f.sortable).map((f) => f.name),
        filterablefields: def.fields.map((f) => ({
          field: f.name,
          type: { string: 'String', enum: 'Enum', long: 'Long', date: 'Long', boolean: 'Boolean' }[f.kind],
          ...(f.values ? { values: [...f.values] } : {}),
        })),
      },
    },
  };
}

function guarded(run: () => ApiResult): ApiResult {
  try {
    return run();
  } catch (error) {
    if (error instanceof GrammarError) return apiError(400, error.errCode, error.message);
    throw error;
  }
}
