import type { SimContext } from '../context.js';
import type { FieldInfo, FieldKind, FieldValue } from '../filter-grammar.js';

/** One filterable (and usually sortable) attribute of a resource, read from a record. */
export interface FieldDef<R> extends FieldInfo {
  get(r: R, ctx: SimContext): FieldValue;
  /** @default true, except for multi-valued fields (several values have no order). */
  sortable: boolean;
}

/** How a top-level resource behaves in list views (docs/upstreams/backupdr.md §5) and what it looks like on the wire. */
export interface ResourceDef<R> {
  /** Path segment below the API root, e.g. `application`, `localaudit`. */
  path: string;
  /** For 404 messages. */
  label: string;
  records(ctx: SimContext): readonly R[];
  byId(id: string, ctx: SimContext): R | undefined;
  /** 'global' = not org-assignable; otherwise the organizations the record belongs to (maybe none). */
  scope(r: R, ctx: SimContext): 'global' | readonly string[];
  fields: FieldDef<R>[];
  /** Predefined free-text attributes (docs/upstreams/backupdr.md §5.5), searched case-insensitively by `keyword`. */
  keyword: Record<string, (r: R, ctx: SimContext) => string | readonly string[] | undefined>;
  wire(r: R, ctx: SimContext, apiRoot: string): Record<string, unknown>;
}

type Getter<R> = (r: R, ctx: SimContext) => FieldValue;

function field<R>(name: string, kind: FieldKind, get: Getter<R>, extra: Partial<FieldDef<R>> = {}): FieldDef<R> {
  return { name, kind, get, sortable: true, ...extra };
}

export const str = <R>(name: string, get: Getter<R>): FieldDef<R> => field(name, 'string', get);
export const long = <R>(name: string, get: Getter<R>): FieldDef<R> => field(name, 'long', get);
export const date = <R>(name: string, get: Getter<R>): FieldDef<R> => field(name, 'date', get);
export const bool = <R>(name: string, get: Getter<R>): FieldDef<R> => field(name, 'boolean', get);
export const enm = <R>(name: string, values: readonly string[], get: Getter<R>, codes?: Record<string, string>): FieldDef<R> => field(name, 'enum', get, { values, codes });
/** Several values per record (consolidated objects, org lists): matches when any value matches. */
export const multi = <R>(f: FieldDef<R>): FieldDef<R> => ({ ...f, sortable: false });

/** Ids are numeric strings on the wire but filter and sort as numbers (OPTIONS reports `Long`). */
export const idField = <R extends { id: string }>(): FieldDef<R> => long('id', (r) => Number(r.id));

/** docs/upstreams/backupdr.md §5.3, organization filter: narrows further within the caller's organizations. */
export const orgField = <R>(scope: (r: R, ctx: SimContext) => 'global' | readonly string[]): FieldDef<R> =>
  multi(
    long('organizationid', (r, ctx) => {
      const s = scope(r, ctx);
      return s === 'global' ? [] : s.map(Number);
    }),
  );
