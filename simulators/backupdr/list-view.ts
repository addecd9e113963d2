/**
 * The list-view machinery shared by every resource (docs/upstreams/backupdr.md §5): organization scoping, `filter`, `keyword`,
 * `sort`, `offset`/`limit`; HEAD counts (§3.3) and OPTIONS metadata (§3.4).
 */
import type { ApiRequest, ApiResult, Caller, SimContext } from './context.js';
import { apiError } from './context.js';
import { compareValues, compileFilters, ERR, GrammarError, parseFilters, parseSort, type FieldInfo, type FieldValue, type FilterClause, type SortKey } from './filter-grammar.js';
import type { FieldDef, ResourceDef } from './resources/resource.js';

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

/** Visible, filtered, keyword-matched and sorted records (not yet paged). */
export function selectRecords<R>(def: ResourceDef<R>, records: readonly R[], caller: Caller, query: ListQuery, ctx: SimContext): R[] {
  const fields = fieldsOf(def);
  const get = (r: R, name: string): FieldValue => (fields.get(name) as FieldDef<R>).get(r, ctx);
  const filter = compileFilters<R>(query.clauses, get);
  const keywordGetters = Object.values(def.keyword);
  const matchesKeyword = (r: R): boolean =>
    query.keywords.length === 0 ||
    keywordGetters.some((g) => {
      const v = g(r, ctx);
      const values = v === undefined ? [] : typeof v === 'string' ? [v] : v;
      return values.some((s) => query.keywords.some((k) => s.toLowerCase().includes(k)));
    });
  const out = records.filter((r) => caller.sees(def.scope(r, ctx)) && filter(r) && matchesKeyword(r));
  if (query.sort.length === 0) return out;
  const keyed = out.map((r) => ({ r, keys: query.sort.map((k) => (fields.get(k.field.name) as FieldDef<R>).get(r, ctx)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < query.sort.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i], query.sort[i].field.kind);
      if (c !== 0) return query.sort[i].descending ? -c : c;
    }
    return 0;
  });
  return keyed.map((k) => k.r);
}

/** GET list: `{count, items}` where count is the number of items in this page (docs/upstreams/backupdr.md §5.1). */
export function listView<R>(def: ResourceDef<R>, records: readonly R[], req: ApiRequest, ctx: SimContext): ApiResult {
  return guarded(() => {
    const query = parseListQuery(def, req.query, ctx.maxLimit, true);
    const selected = selectRecords(def, records, req.caller as Caller, query, ctx);
    const page = selected.slice(query.offset, query.offset + query.limit);
    return { status: 200, body: { count: page.length, items: page.map((r) => def.wire(r, ctx, req.apiRoot)) } };
  });
}

/** HEAD: 204 with `Actifio-Count`, the filtered total; pagination parameters are ignored (docs/upstreams/backupdr.md §3.3). */
export function countView<R>(def: ResourceDef<R>, records: readonly R[], req: ApiRequest, ctx: SimContext): ApiResult {
  return guarded(() => {
    const query = parseListQuery(def, req.query, ctx.maxLimit, false);
    const n = selectRecords(def, records, req.caller as Caller, query, ctx).length;
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
