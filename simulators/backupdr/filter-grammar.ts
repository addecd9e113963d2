/**
 * The console's list-view query grammar (docs/upstreams/backupdr.md §5.2-5.4): `filter=attr:<op><value>`,
 * `sort=attr:asc|desc[,…]`. Pure functions over field metadata, so the unit test needs no server.
 *
 * Operators (values are literal — no wildcards):
 *   `:==` exact (what the real console and AGMPowerCLI send)    `:=` exact (the reference grammar's spelling)
 *   `:=|` contains, case-insensitive (strings)                  `:!=` not equal (AGMPowerCLI relies on it)
 *   `:>=` / `:<=` greater/less or equal (numbers, dates)         `:=b` bitwise and ≠ 0 (booleans, numbers)
 *
 * Ambiguity resolved by field type: `name:=bob` on a string field is the reference exact match of "bob"
 * (strings have no bitwise operator), while `flags:=b4` on a number is bitwise; `x:==|y` is the exact
 * match of "|y" (the real two-character spelling wins over reading `=|`).
 *
 * Combinations per field (docs/upstreams/backupdr.md §5.2): repeated exact matches form a union; repeated `!=`
 * all apply (AGMPowerLib sends `hosttype!VMCluster&hosttype!esxhost`); one `>=` and one `<=` form a range;
 * anything else on the same field twice is a 400. Different fields are ANDed.
 */

import { ERR } from './errors.js';

export { ERR } from './errors.js';

export type FieldKind = 'string' | 'enum' | 'long' | 'date' | 'boolean';
export type Operator = 'eq' | 'ne' | 'contains' | 'ge' | 'le' | 'bitand';

export interface FieldInfo {
  name: string;
  kind: FieldKind;
  /** enum: the allowed values (matched case-insensitively). */
  values?: readonly string[];
  /** enum: numeric codes accepted in place of a value, e.g. jobclass `1` → `snapshot`. */
  codes?: Readonly<Record<string, string>>;
}

export type ClauseValue = string | number | boolean | bigint;

export interface FilterClause {
  field: FieldInfo;
  op: Operator;
  value: ClauseValue;
}

/** A record's value for one field: absent, one value, or several (consolidated objects, org lists). */
export type FieldValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export class GrammarError extends Error {
  constructor(
    readonly errCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const OPERATORS_BY_KIND: Readonly<Record<FieldKind, readonly Operator[]>> = {
  string: ['eq', 'ne', 'contains'],
  enum: ['eq', 'ne'],
  long: ['eq', 'ne', 'ge', 'le', 'bitand'],
  date: ['eq', 'ne', 'ge', 'le'],
  boolean: ['eq', 'ne', 'bitand'],
};

const SPELLING: Readonly<Record<Operator, string>> = { eq: ':==', ne: ':!=', contains: ':=|', ge: ':>=', le: ':<=', bitand: ':=b' };
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INTEGER = /^-?\d{1,19}$/;

/** One `filter=` value, already URL-decoded. `lookup` knows the resource's filterable fields. */
export function parseFilter(text: string, lookup: (name: string) => FieldInfo | undefined): FilterClause {
  const colon = text.indexOf(':');
  if (colon < 0) throw new GrammarError(ERR.badFilter, `Malformed filter "${clip(text)}": expected field:operator value (operators begin with a colon)`);
  const name = text.slice(0, colon);
  if (!NAME.test(name)) throw new GrammarError(ERR.badFilter, `Malformed filter field name "${clip(name)}"`);
  const field = lookup(name);
  if (!field) throw new GrammarError(ERR.badFilter, `Unknown filter field: ${name}`);
  const rest = text.slice(colon + 1);
  const { op, raw } = splitOperator(rest, field);
  if (!OPERATORS_BY_KIND[field.kind].includes(op)) {
    throw new GrammarError(ERR.badFilter, `Operator ${SPELLING[op]} does not apply to field ${name} of type ${kindLabel(field.kind)}`);
  }
  return { field, op, value: parseValue(field, op, raw) };
}

function splitOperator(rest: string, field: FieldInfo): { op: Operator; raw: string } {
  const two = rest.slice(0, 2);
  if (two === '==') return { op: 'eq', raw: rest.slice(2) };
  if (two === '=|') return { op: 'contains', raw: rest.slice(2) };
  if (two === '>=') return { op: 'ge', raw: rest.slice(2) };
  if (two === '<=') return { op: 'le', raw: rest.slice(2) };
  if (two === '!=') return { op: 'ne', raw: rest.slice(2) };
  if (two === '=b' && OPERATORS_BY_KIND[field.kind].includes('bitand')) return { op: 'bitand', raw: rest.slice(2) };
  if (rest.startsWith('=')) return { op: 'eq', raw: rest.slice(1) };
  throw new GrammarError(ERR.badFilter, `Unknown filter operator in "${clip(field.name + ':' + rest)}": use :==, :=, :=|, :>=, :<=, :=b or :!=`);
}

function parseValue(field: FieldInfo, op: Operator, raw: string): ClauseValue {
  switch (field.kind) {
    case 'string':
      return raw;
    case 'enum': {
      const wanted = field.codes?.[raw] ?? raw;
      const hit = field.values?.find((v) => v.toLowerCase() === wanted.toLowerCase());
      if (hit === undefined) throw new GrammarError(ERR.badFilter, `Invalid value "${clip(raw)}" for field ${field.name}; expected one of ${(field.values ?? []).join(', ')}`);
      return hit;
    }
    case 'long':
    case 'date': {
      if (!INTEGER.test(raw)) throw new GrammarError(ERR.badFilter, `Invalid ${kindLabel(field.kind)} value "${clip(raw)}" for field ${field.name}`);
      const n = BigInt(raw);
      if (op === 'bitand') {
        if (n < 0n) throw new GrammarError(ERR.badFilter, `Bitwise mask for ${field.name} must not be negative`);
        return n;
      }
      if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new GrammarError(ERR.badFilter, `Value for field ${field.name} is out of range`);
      return Number(n);
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (op === 'bitand') {
        if (lower === 'true') return 1n;
        if (lower === 'false') return 0n;
        if (/^\d{1,19}$/.test(raw)) return BigInt(raw);
        throw new GrammarError(ERR.badFilter, `Invalid bitwise mask "${clip(raw)}" for field ${field.name}`);
      }
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      throw new GrammarError(ERR.badFilter, `Invalid Boolean value "${clip(raw)}" for field ${field.name}`);
    }
  }
}

/** Every `filter=` of a request, validated together (the per-field combination rules above). */
export function parseFilters(texts: readonly string[], lookup: (name: string) => FieldInfo | undefined): FilterClause[] {
  const clauses = texts.map((t) => parseFilter(t, lookup));
  const byField = new Map<string, FilterClause[]>();
  for (const c of clauses) byField.set(c.field.name, [...(byField.get(c.field.name) ?? []), c]);
  for (const [name, list] of byField) {
    if (list.length === 1) continue;
    const ops = new Set(list.map((c) => c.op));
    const count = (op: Operator): number => list.filter((c) => c.op === op).length;
    const union = ops.size === 1 && ops.has('eq');
    const exclusions = ops.size === 1 && ops.has('ne');
    const range = ops.size === 2 && ops.has('ge') && ops.has('le') && count('ge') === 1 && count('le') === 1;
    if (!union && !exclusions && !range) {
      throw new GrammarError(ERR.badFilter, `Filter field ${name} may appear only once, except repeated exact matches (a union), repeated :!= and one :>= with one :<= (a range)`);
    }
  }
  return clauses;
}

/**
 * A predicate over records. `getter(field)` reads a field's value from a record; clauses on the same
 * field are evaluated together (union of exact matches, a range checked against one value of a
 * multi-valued field). Everything a clause needs is worked out here, once per request, not per record.
 */
export function compileFilters<R>(clauses: readonly FilterClause[], getter: (field: string) => (record: R) => FieldValue): (record: R) => boolean {
  const byField = new Map<string, FilterClause[]>();
  for (const c of clauses) byField.set(c.field.name, [...(byField.get(c.field.name) ?? []), c]);
  const tests = [...byField.entries()].map(([name, list]) => {
    const test = fieldTest(list);
    const get = getter(name);
    return (r: R): boolean => test(get(r));
  });
  return (r) => {
    for (const t of tests) if (!t(r)) return false;
    return true;
  };
}

type Scalar = string | number | boolean;

/** A field's value against its clauses: `any` — one of its values must pass `one`; else all of them must. */
function overValues(any: boolean, one: (v: Scalar) => boolean): (value: FieldValue) => boolean {
  return (value) => {
    if (value === null || value === undefined) return !any;
    if (Array.isArray(value)) return any ? value.some(one) : value.every(one);
    return one(value as Scalar);
  };
}

function fieldTest(list: FilterClause[]): (value: FieldValue) => boolean {
  const op = list[0].op;
  const kind = list[0].field.kind;
  switch (op) {
    case 'eq':
    case 'ne': {
      // Exact matches compare enums case-insensitively, numbers as numbers, the rest as they are.
      const normal = (v: Scalar | ClauseValue): unknown => (kind === 'enum' ? String(v).toLowerCase() : kind === 'long' || kind === 'date' ? Number(v) : v);
      const wanted = new Set(list.map((c) => normal(c.value)));
      return op === 'eq' ? overValues(true, (v) => wanted.has(normal(v))) : overValues(false, (v) => !wanted.has(normal(v)));
    }
    case 'contains': {
      const needle = String(list[0].value).toLowerCase();
      return overValues(true, (v) => String(v).toLowerCase().includes(needle));
    }
    case 'bitand': {
      const mask = list[0].value as bigint;
      return overValues(true, (v) => (toBigInt(v) & mask) !== 0n);
    }
    default: {
      const ge = list.find((c) => c.op === 'ge')?.value as number | undefined;
      const le = list.find((c) => c.op === 'le')?.value as number | undefined;
      return overValues(true, (v) => (ge === undefined || Number(v) >= ge) && (le === undefined || Number(v) <= le));
    }
  }
}

function toBigInt(v: Scalar): bigint {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isSafeInteger(n) ? BigInt(n) : 0n;
}

export interface SortKey {
  field: FieldInfo;
  descending: boolean;
}

/** `sort=a:asc,b:desc` (several `sort=` parameters are read as one comma-joined list). */
export function parseSort(texts: readonly string[], lookup: (name: string) => FieldInfo | undefined): SortKey[] {
  if (texts.length === 0) return [];
  const items = texts.join(',').split(',');
  return items.map((item) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*):(asc|desc)\s*$/i.exec(item);
    if (!m) throw new GrammarError(ERR.badSort, `Malformed sort "${clip(item)}": expected field:asc or field:desc`);
    const field = lookup(m[1]);
    if (!field) throw new GrammarError(ERR.badSort, `Field ${m[1]} is not sortable`);
    return { field, descending: m[2].toLowerCase() === 'desc' };
  });
}

/**
 * Orders two values of a sort key: numbers and dates numerically, booleans false < true, strings by code
 * unit (case-sensitive, docs/upstreams/backupdr.md §5.4); absent values sort after every present value (first when descending).
 */
export function compareValues(a: FieldValue, b: FieldValue, kind: FieldKind): number {
  const absentA = a === null || a === undefined;
  const absentB = b === null || b === undefined;
  if (absentA || absentB) return absentA === absentB ? 0 : absentA ? 1 : -1;
  if (kind === 'long' || kind === 'date') return Number(a) - Number(b);
  if (kind === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function kindLabel(kind: FieldKind): string {
  return { string: 'String', enum: 'Enum', long: 'Long', date: 'Date', boolean: 'Boolean' }[kind];
}

/** Echoed text is capped: a 10 kB filter value must not come back as a 10 kB error message. */
function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
