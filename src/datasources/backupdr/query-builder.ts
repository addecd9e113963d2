/**
 * The console's list-view query (docs/upstreams/backupdr.md §5), built from typed conditions:
 * `filter=<field>:<op><value>` (repeated), `sort=<field>:asc|desc[,…]`, `keyword=`, `offset`, `limit`.
 *
 * Values travel as whole query values: the pipeline percent-encodes every value, so a value holding
 * `&filter=`, `=`, `:` or `%26` stays inside its own `filter` parameter and can never add, end or widen
 * one. What the encoding cannot protect against is checked here, before any call:
 *  - the field must be one OPTIONS lists as filterable (sortable for `sort`);
 *  - the operator must fit the field's type (docs/upstreams/backupdr.md §5.2), the value must parse as that type;
 *  - repetitions must be ones the console accepts (a union of exact matches, several `!=`, one range);
 *  - values are bounded in length and must be well-formed Unicode (a lone surrogate cannot be encoded).
 * Each failure is BAD_USER_INPUT with a message naming the field, never the whole value.
 */
import { badUserInput } from '../../errors/gateway-error.js';
import type { QueryValue } from '../pipeline/types.js';

export type FilterOperator = 'EQ' | 'NE' | 'CONTAINS' | 'GE' | 'LE' | 'BITAND';

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  /** The literal value (no wildcards); numbers and booleans as their text. */
  value: string;
}

export interface SortKey {
  field: string;
  descending: boolean;
}

/** What one list call asks for. */
export interface ListSpec {
  conditions?: readonly FilterCondition[];
  /** Free-text search over the resource's predefined attributes (docs/upstreams/backupdr.md §5.5). */
  keyword?: string | null;
  /** Validated against OPTIONS `sortablefields`. */
  sort?: readonly SortKey[];
  /**
   * The gateway's own order when the caller gives none (e.g. `startdate:desc,id:desc` for jobs): a
   * constant, so it is not checked against OPTIONS and costs no metadata call.
   */
  defaultSort?: string;
  offset?: number;
  limit?: number;
}

/** One filterable field as OPTIONS describes it. */
export interface FieldMeta {
  name: string;
  /** `String`, `Long`, `Boolean`, `Enum` (dates are reported as `Long`); anything else allows only `==`/`!=`. */
  type: string;
  /** Enum fields: the allowed values, when the console lists them. */
  values?: readonly string[];
}

/** A resource's list-view metadata (`OPTIONS /<resource>` → `GET(list)`). */
export interface ListMetadata {
  filterable: ReadonlyMap<string, FieldMeta>;
  sortable: ReadonlySet<string>;
}

/** Longest filter value or keyword accepted: a page of ids fits, a 10 kB probe does not. @default 1024 */
export const MAX_VALUE_LENGTH = 1024;
/** Most conditions in one query (each becomes a `filter=` parameter). */
export const MAX_CONDITIONS = 50;

const SPELLING: Readonly<Record<FilterOperator, string>> = {
  EQ: '==',
  NE: '!=',
  CONTAINS: '=|',
  GE: '>=',
  LE: '<=',
  BITAND: '=b',
};

/** Operators per OPTIONS type (docs/upstreams/backupdr.md §5.2: contains only on strings, ranges on numbers, bitwise on booleans). */
const OPERATORS: Readonly<Record<string, readonly FilterOperator[]>> = {
  string: ['EQ', 'NE', 'CONTAINS'],
  enum: ['EQ', 'NE'],
  long: ['EQ', 'NE', 'GE', 'LE', 'BITAND'],
  integer: ['EQ', 'NE', 'GE', 'LE', 'BITAND'],
  date: ['EQ', 'NE', 'GE', 'LE'],
  boolean: ['EQ', 'NE', 'BITAND'],
};
const FALLBACK_OPERATORS: readonly FilterOperator[] = ['EQ', 'NE'];

const INTEGER = /^-?\d{1,19}$/;
const BOOLEAN = /^(true|false|1|0)$/i;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Reads an OPTIONS answer; fields without a name are skipped. */
export function parseListMetadata(body: unknown): ListMetadata {
  const get = (o: unknown, k: string): unknown => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined);
  const list = get(body, 'GET(list)');
  const filterable = new Map<string, FieldMeta>();
  const rawFields = get(list, 'filterablefields');
  for (const f of Array.isArray(rawFields) ? rawFields : []) {
    const name = get(f, 'field');
    if (typeof name !== 'string' || name === '') continue;
    const type = get(f, 'type');
    const values = get(f, 'values');
    filterable.set(name, {
      name,
      type: typeof type === 'string' ? type : 'String',
      ...(Array.isArray(values) ? { values: values.filter((v): v is string => typeof v === 'string') } : {}),
    });
  }
  const rawSortable = get(list, 'sortablefields');
  const sortable = new Set((Array.isArray(rawSortable) ? rawSortable : []).filter((s): s is string => typeof s === 'string'));
  return { filterable, sortable };
}

/** Whether the spec holds anything that must be checked against OPTIONS (so the metadata call can be skipped). */
export function needsMetadata(spec: ListSpec): boolean {
  return (spec.conditions?.length ?? 0) > 0 || (spec.sort?.length ?? 0) > 0;
}

/**
 * Checks conditions and sort against the resource's metadata.
 * @throws GatewayError BAD_USER_INPUT on the first problem found.
 */
export function validateListSpec(resource: string, spec: ListSpec, meta: ListMetadata): void {
  const conditions = spec.conditions ?? [];
  if (conditions.length > MAX_CONDITIONS) throw badUserInput(`at most ${MAX_CONDITIONS} filter conditions per query`);
  for (const c of conditions) validateCondition(resource, c, meta);
  validateCombinations(conditions);
  for (const s of spec.sort ?? []) {
    if (!FIELD_NAME.test(s.field) || !meta.sortable.has(s.field)) {
      throw badUserInput(`${resource}: "${clip(s.field)}" is not a sortable field`);
    }
  }
  checkText('keyword', spec.keyword ?? '');
}

function validateCondition(resource: string, c: FilterCondition, meta: ListMetadata): void {
  const field = FIELD_NAME.test(c.field) ? meta.filterable.get(c.field) : undefined;
  if (!field) throw badUserInput(`${resource}: "${clip(c.field)}" is not a filterable field`);
  const type = field.type.toLowerCase();
  const allowed = OPERATORS[type] ?? FALLBACK_OPERATORS;
  if (!allowed.includes(c.op)) {
    throw badUserInput(`${resource}: operator ${c.op} does not apply to ${field.name} (${field.type}); use ${allowed.join(', ')}`);
  }
  checkText(`value of ${field.name}`, c.value);
  const v = c.value;
  if (type === 'long' || type === 'integer' || type === 'date') {
    if (!INTEGER.test(v) || (c.op === 'BITAND' && v.startsWith('-'))) {
      throw badUserInput(`${resource}: ${field.name} takes ${c.op === 'BITAND' ? 'a non-negative' : 'an'} integer`);
    }
  } else if (type === 'boolean') {
    if (!BOOLEAN.test(v) && !(c.op === 'BITAND' && /^\d{1,19}$/.test(v))) throw badUserInput(`${resource}: ${field.name} takes true or false`);
  } else if (type === 'enum' && field.values && field.values.length > 0) {
    // Numeric codes are accepted for some enums (jobclass 1 = snapshot); the console resolves them.
    const known = field.values.some((x) => x.toLowerCase() === v.toLowerCase()) || /^\d{1,4}$/.test(v);
    if (!known) throw badUserInput(`${resource}: ${field.name} takes one of ${field.values.join(', ')}`);
  }
}

/** docs/upstreams/backupdr.md §5.2: a field may repeat only as a union of exact matches, several `!=`, or one `>=` with one `<=`. */
function validateCombinations(conditions: readonly FilterCondition[]): void {
  const byField = new Map<string, FilterOperator[]>();
  for (const c of conditions) byField.set(c.field, [...(byField.get(c.field) ?? []), c.op]);
  for (const [field, ops] of byField) {
    if (ops.length === 1) continue;
    const all = (op: FilterOperator) => ops.every((o) => o === op);
    const range = ops.length === 2 && ops.includes('GE') && ops.includes('LE');
    if (!all('EQ') && !all('NE') && !range) {
      throw badUserInput(`${field} may repeat only as several EQ (a union), several NE, or one GE with one LE (a range)`);
    }
  }
}

function checkText(what: string, s: string): void {
  if (s.length > MAX_VALUE_LENGTH) throw badUserInput(`${what} is longer than ${MAX_VALUE_LENGTH} characters`);
  if (LONE_SURROGATE.test(s)) throw badUserInput(`${what} is not well-formed Unicode`);
}

/** The `filter` values of a spec, in order: `field:<op><value>` (the pipeline percent-encodes each whole value). */
export function filterParams(conditions: readonly FilterCondition[]): string[] {
  return conditions.map((c) => `${c.field}:${SPELLING[c.op]}${c.value}`);
}

/** `GET` query of a list view. Call `validateListSpec` first for anything a caller supplied. */
export function listQuery(spec: ListSpec): Record<string, QueryValue> {
  const sort = spec.sort && spec.sort.length > 0 ? spec.sort.map((s) => `${s.field}:${s.descending ? 'desc' : 'asc'}`).join(',') : spec.defaultSort;
  return {
    ...countQuery(spec),
    sort,
    offset: spec.offset ?? 0,
    limit: spec.limit,
  };
}

/**
 * `HEAD` query for the same list: filters and keyword only. The console ignores paging on HEAD
 * (docs/upstreams/backupdr.md §3.3) and order does not change a count: every page of a list shares one count.
 */
export function countQuery(spec: ListSpec): Record<string, QueryValue> {
  const conditions = spec.conditions ?? [];
  return {
    filter: conditions.length > 0 ? filterParams(conditions) : undefined,
    keyword: spec.keyword ? spec.keyword : undefined,
  };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
