import {
  getNamedType,
  isAbstractType,
  isLeafType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Prng } from '../simulators/common/prng.js';
import { asciiWord } from './hostile-values.js';
import { jsonValue, printValue, typeRef, valueFor, wrongValue, type KnownIds, type Value } from './graphql-values.js';

/** One operation as a client sends it: `{ query, variables, operationName }`. */
export interface GeneratedOperation {
  query: string;
  variables?: unknown;
  operationName?: unknown;
}

/** The knobs of one document, drawn once per case so that a case is consistently sane or consistently hostile. */
interface Shape {
  /** Probability of a wrong-typed value at each level of an argument. */
  wrong: number;
  /** Selection depth to aim for (deep documents test the depth limit). */
  depth: number;
  /** Fields per selection set. */
  width: number;
  /** Probability of an argument going through a variable. */
  viaVariable: number;
  /** Probability of an @skip/@include (or an unknown directive) on a field. */
  directive: number;
  /** Probability of a selection set wrapped into a named fragment. */
  fragment: number;
}

interface Builder {
  r: Prng;
  schema: GraphQLSchema;
  ids: KnownIds;
  shape: Shape;
  variableDefs: string[];
  variables: Record<string, unknown>;
  fragments: string[];
  nextName: number;
  /** Fields left to select: bounds the document whatever width and depth were drawn. */
  budget: number;
}

/**
 * Random operations over the gateway's schema: queries mostly, mutations and subscriptions (which HTTP
 * must refuse cleanly) too; arguments of wrong types and ranges, hostile strings, variables that do not
 * match their definitions, directives on any field including a subscription's root, deep nesting, named
 * and cyclic fragments, unknown fields.
 */
export function generateOperation(r: Prng, schema: GraphQLSchema, ids: KnownIds): GeneratedOperation {
  const shape: Shape = {
    wrong: r.weighted([[0, 5], [0.05, 3], [0.3, 2]] as const),
    depth: r.weighted([[r.int(1, 3), 6], [r.int(4, 7), 3], [r.int(12, 30), 1]] as const),
    width: r.weighted([[r.int(1, 3), 6], [r.int(4, 8), 3], [r.int(20, 40), 1]] as const),
    viaVariable: r.weighted([[0, 3], [0.5, 2], [1, 1]] as const),
    directive: r.weighted([[0, 6], [0.2, 3], [0.8, 1]] as const),
    fragment: r.weighted([[0, 5], [0.3, 2]] as const),
  };
  const b: Builder = { r, schema, ids, shape, variableDefs: [], variables: {}, fragments: [], nextName: 0, budget: r.weighted([[60, 6], [400, 1]] as const) };
  const opType = r.weighted([['query', 8], ['mutation', 1.5], ['subscription', 1]] as const);
  const root = opType === 'query' ? schema.getQueryType() : opType === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) throw new Error(`schema has no ${opType} root`);

  let selection = selectionSet(b, root, 0, true);
  if (r.chance(0.05)) selection = cyclicFragments(b, root);
  if (r.chance(0.03)) selection = `{ ${asciiWord(r).replace(/[^A-Za-z_]/g, '') || 'nope'} }`;

  // Variables that do not match: extra ones, missing ones, declared but unused, of the wrong JSON type.
  if (r.chance(0.08)) b.variables[`extra${r.int(0, 9)}`] = jsonValue(wrongValue(r, ids));
  if (r.chance(0.05)) b.variableDefs.push(`$unused: ${r.pick(['Int', 'String!', '[ID!]', 'Nope', 'JobFilter'])}`);
  for (const name of Object.keys(b.variables)) {
    if (r.chance(0.04)) delete b.variables[name];
    else if (r.chance(0.04)) b.variables[name] = jsonValue(wrongValue(r, ids));
  }

  const name = r.chance(0.5) ? `Fuzz${r.int(0, 999)}` : '';
  const defs = b.variableDefs.length ? `(${b.variableDefs.join(', ')})` : '';
  const opDirective = r.chance(0.03) ? ` @${r.pick(['skip(if: true)', 'include(if: false)', 'nope', 'deprecated'])}` : '';
  const head = name || defs || opDirective || opType !== 'query' || r.chance(0.5) ? `${opType} ${name}${defs}${opDirective} ` : '';
  const query = `${head}${selection}${b.fragments.length ? `\n${b.fragments.join('\n')}` : ''}`;

  const op: GeneratedOperation = { query };
  if (Object.keys(b.variables).length || r.chance(0.1)) op.variables = r.chance(0.02) ? r.pick([[], 'x', 5, null]) : b.variables;
  if (name && r.chance(0.5)) op.operationName = r.chance(0.9) ? name : r.pick(['Other', 7, '', null]);
  return op;
}

function selectionSet(b: Builder, type: GraphQLCompositeType, depth: number, root = false): string {
  const { r, shape } = b;
  const parts: string[] = [];
  if (isAbstractType(type)) {
    parts.push('__typename');
    const possible = b.schema.getPossibleTypes(type);
    const n = r.int(0, Math.min(3, possible.length));
    for (let i = 0; i < n; i++) parts.push(`... on ${r.pick(possible).name} ${selectionSet(b, r.pick(possible), depth + 1)}`);
    if (r.chance(0.1)) {
      const fields = Object.values(possible[0]?.getFields() ?? {});
      const shared = fields.filter((f) => f.name === 'id' || f.name === 'upstream');
      if (shared.length) parts.push(fieldSelection(b, r.pick(shared), depth));
    }
  } else {
    const fields = Object.values(type.getFields());
    const width = root ? Math.max(1, Math.min(shape.width, r.int(1, shape.width))) : r.int(1, Math.max(1, shape.width));
    // Deep documents prefer fields that lead somewhere, so they get deep rather than wide.
    const composite = fields.filter((f) => !isLeafType(getNamedType(f.type)));
    for (let i = 0; i < width; i++) {
      if (b.budget-- <= 0 && parts.length) break;
      const pool = depth < shape.depth && composite.length && r.chance(0.6) ? composite : fields;
      parts.push(fieldSelection(b, r.pick(pool), depth));
    }
    if (r.chance(0.05)) parts.push(asciiWord(r).replace(/[^A-Za-z_]/g, '') || 'unknownField');
    if (r.chance(0.05)) parts.push('__typename');
  }
  const body = `{ ${parts.join(' ')} }`;
  if (!root && b.r.chance(shape.fragment)) {
    const name = `F${b.nextName++}`;
    b.fragments.push(`fragment ${name} on ${type.name} ${body}`);
    return `{ ...${name} }`;
  }
  return body;
}

function fieldSelection(b: Builder, field: GraphQLField<unknown, unknown>, depth: number): string {
  const { r, shape } = b;
  const alias = r.chance(0.1) ? `a${b.nextName++}: ` : '';
  const args = field.args.flatMap((a) => argument(b, a));
  const argText = args.length ? `(${args.join(', ')})` : '';
  const directive = r.chance(shape.directive) ? ` ${directiveText(b)}` : '';
  const named = getNamedType(field.type);
  let sub = '';
  if (!isLeafType(named)) {
    // Past the aimed depth only leaves are chosen; a composite field without a selection is a validation error.
    sub = r.chance(0.02) ? '' : ` ${depth >= shape.depth + 2 || b.budget <= 0 ? '{ __typename }' : selectionSet(b, named as GraphQLCompositeType, depth + 1)}`;
  } else if (r.chance(0.02)) {
    sub = ' { id }';
  }
  return `${alias}${field.name}${argText}${directive}${sub}`;
}

function argument(b: Builder, arg: GraphQLArgument): string[] {
  const { r, shape } = b;
  const required = String(arg.type).endsWith('!') && arg.defaultValue === undefined;
  if (!(required ? r.chance(0.95) : r.chance(0.4))) return [];
  const value = valueFor(r, arg.type, arg.name, b.ids, shape.wrong);
  if (!r.chance(shape.viaVariable)) return [`${arg.name}: ${printValue(value)}`];
  const name = `v${b.nextName++}`;
  // Mostly the argument's own type; sometimes a looser or foreign one (validation must catch it).
  const declared = r.chance(0.9) ? typeRef(arg.type) : r.pick(['String', 'Int!', '[String]', 'ID', 'Boolean!', 'JobFilter', 'Nope']);
  b.variableDefs.push(`$${name}: ${declared}`);
  b.variables[name] = jsonValue(value);
  return [`${arg.name}: $${name}`];
}

function directiveText(b: Builder): string {
  const { r } = b;
  const which = r.weighted([['skip', 3], ['include', 3], ['unknown', 1], ['deprecated', 1]] as const);
  if (which === 'unknown') return `@${asciiWord(r).replace(/[^A-Za-z]/g, '') || 'nope'}`;
  if (which === 'deprecated') return '@deprecated';
  const cond = r.weighted([['literal', 3], ['variable', 2], ['wrong', 1]] as const);
  if (cond === 'literal') return `@${which}(if: ${r.chance(0.5)})`;
  if (cond === 'wrong') return `@${which}(if: ${printValue(wrongValue(r, b.ids) as Value)})`;
  const name = `d${b.nextName++}`;
  b.variableDefs.push(`$${name}: Boolean${r.chance(0.7) ? '!' : ''}`);
  if (r.chance(0.85)) b.variables[name] = r.chance(0.9) ? r.chance(0.5) : r.pick(['true', 1, null]);
  return `@${which}(if: $${name})`;
}

/** Fragments that spread each other (directly or through a third): validation must refuse them, not recurse forever. */
function cyclicFragments(b: Builder, root: GraphQLObjectType): string {
  const { r } = b;
  const n = r.int(1, 3);
  const names = Array.from({ length: n }, () => `C${b.nextName++}`);
  const on = isObjectType(root) ? root.name : 'Query';
  names.forEach((name, i) => {
    b.fragments.push(`fragment ${name} on ${on} { __typename ...${names[(i + 1) % n]} }`);
  });
  return `{ ...${names[0]} }`;
}
