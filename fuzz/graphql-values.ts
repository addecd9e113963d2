import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import type { Prng } from '../simulators/common/prng.js';
import { asciiWord, grammarString, hostileDateTime, hostileNumber, hostileString } from './hostile-values.js';

/** An argument value before it is printed into a document (a literal) or into `variables` (JSON). */
export type Value =
  | { k: 'scalar'; v: string | number | boolean | null }
  | { k: 'enum'; v: string }
  | { k: 'list'; items: Value[] }
  | { k: 'object'; fields: Array<[string, Value]> }
  | { k: 'variable'; name: string };

/** Values the gateway would accept as ids: the config's upstream ids and global ids seen in answers. */
export interface KnownIds {
  upstreams: readonly string[];
  globalIds: readonly string[];
}

/** Argument and input field names whose strings reach the Backup and DR filter grammar or a search. */
const FILTER_FIELDS = /keyword|contains|search|value|field|name|label|description|path|user/i;

/**
 * A value for an input type: usually of the right type (with hostile contents: out-of-range numbers,
 * huge, unicode and grammar strings), with probability `wrong` of a wrong type at any level.
 */
export function valueFor(r: Prng, type: GraphQLInputType, name: string, ids: KnownIds, wrong: number, depth = 0): Value {
  if (r.chance(wrong) || depth > 6) return wrongValue(r, ids);
  if (isNonNullType(type)) return valueFor(r, type.ofType, name, ids, wrong, depth + 1);
  if (r.chance(0.03)) return { k: 'scalar', v: null };
  if (isListType(type)) {
    // A single item where a list is expected is legal (input coercion); lists of 0..many otherwise.
    if (r.chance(0.15)) return valueFor(r, type.ofType, name, ids, wrong, depth + 1);
    // Long lists only of leaves: a long list of input objects of lists would grow without bound.
    const leaf = !isInputObjectType(getNamedType(type.ofType)) && !isListType(isNonNullType(type.ofType) ? type.ofType.ofType : type.ofType);
    const n = r.weighted([[0, 1], [r.int(1, 3), 6], [leaf && depth < 2 ? r.int(20, 300) : 2, 1]] as const);
    return { k: 'list', items: Array.from({ length: n }, () => valueFor(r, type.ofType, name, ids, wrong, depth + 1)) };
  }
  if (isInputObjectType(type)) {
    const fields: Array<[string, Value]> = [];
    for (const f of Object.values(type.getFields())) {
      const required = isNonNullType(f.type) && f.defaultValue === undefined;
      if (required ? r.chance(0.93) : r.chance(0.45)) fields.push([f.name, valueFor(r, f.type, f.name, ids, wrong, depth + 1)]);
    }
    if (r.chance(0.05)) fields.push([asciiWord(r, 8).replace(/[^A-Za-z]/g, '') || 'unknownField', wrongValue(r, ids)]);
    return { k: 'object', fields };
  }
  if (isEnumType(type)) {
    const values = type.getValues();
    return r.chance(0.9) && values.length ? { k: 'enum', v: r.pick(values).name } : { k: 'enum', v: r.pick(['NOPE', 'asc', 'ASC_', 'true']) };
  }
  if (isScalarType(type)) return scalarFor(r, type.name, name, ids);
  return wrongValue(r, ids);
}

function scalarFor(r: Prng, scalar: string, name: string, ids: KnownIds): Value {
  switch (scalar) {
    case 'Int':
      return { k: 'scalar', v: hostileNumber(r) };
    case 'Float':
      return { k: 'scalar', v: r.chance(0.5) ? hostileNumber(r) : r.float(-1e6, 1e6) };
    case 'Boolean':
      return { k: 'scalar', v: r.chance(0.5) };
    case 'ID':
      return { k: 'scalar', v: idFor(r, name, ids) };
    case 'DateTime':
      return { k: 'scalar', v: hostileDateTime(r) };
    default:
      return { k: 'scalar', v: FILTER_FIELDS.test(name) && r.chance(0.5) ? grammarString(r) : hostileString(r) };
  }
}

function idFor(r: Prng, name: string, ids: KnownIds): string {
  if (/upstream/i.test(name) && r.chance(0.7)) return r.pick(ids.upstreams);
  return r.weighted([
    [() => (ids.globalIds.length ? r.pick(ids.globalIds) : asciiWord(r)), 5],
    [() => r.pick(ids.upstreams), 1],
    // A global id's shape with parts that do not exist or do not parse.
    [() => Buffer.from(`${r.pick(['CommvaultClient', 'BackupDrApplication', 'Job', 'Nope'])}:${r.pick(ids.upstreams)}:${hostileString(r).slice(0, 200)}`).toString('base64url'), 3],
    [() => hostileString(r), 2],
  ] as const)();
}

/** A value of some other type than asked for: the validation and coercion paths. */
export function wrongValue(r: Prng, ids: KnownIds): Value {
  return r.weighted([
    [() => ({ k: 'scalar', v: hostileString(r) }) as Value, 3],
    [() => ({ k: 'scalar', v: hostileNumber(r) }) as Value, 3],
    [() => ({ k: 'scalar', v: r.chance(0.5) }) as Value, 1],
    [() => ({ k: 'scalar', v: null }) as Value, 2],
    [() => ({ k: 'enum', v: r.pick(['ASC', 'FOO', 'null', 'COMPLETED']) }) as Value, 1],
    [() => ({ k: 'list', items: [{ k: 'scalar', v: idFor(r, 'id', ids) }] }) as Value, 1],
    [() => ({ k: 'object', fields: [[asciiWord(r).replace(/[^A-Za-z]/g, '') || 'x', { k: 'scalar', v: 1 }]] }) as Value, 1],
    [() => ({ k: 'variable', name: 'undeclared' }) as Value, 1],
  ] as const)();
}

/** The GraphQL literal of a value. */
export function printValue(v: Value): string {
  switch (v.k) {
    case 'scalar':
      if (typeof v.v === 'number' && !Number.isFinite(v.v)) return '0';
      return v.v === null ? 'null' : typeof v.v === 'string' ? JSON.stringify(v.v) : String(v.v);
    case 'enum':
      return v.v;
    case 'list':
      return `[${v.items.map(printValue).join(', ')}]`;
    case 'object':
      return `{${v.fields.map(([k, f]) => `${k}: ${printValue(f)}`).join(', ')}}`;
    case 'variable':
      return `$${v.name}`;
  }
}

/** The JSON of a value, for `variables` (enums as their names; a variable inside becomes null). */
export function jsonValue(v: Value): unknown {
  switch (v.k) {
    case 'scalar':
      return v.v;
    case 'enum':
      return v.v;
    case 'list':
      return v.items.map(jsonValue);
    case 'object':
      return Object.fromEntries(v.fields.map(([k, f]) => [k, jsonValue(f)]));
    case 'variable':
      return null;
  }
}

/** The type name of an input type as a variable definition spells it (`[String!]!`). */
export function typeRef(type: GraphQLInputType): string {
  return String(type);
}

export { getNamedType };
