import {
  isAbstractType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type NamedTypeNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { included } from '../../execution/included.js';

/** A document as execution will read it: its fragments and the request's variables (defaults filled in). */
export interface Reading {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** The request's variables over the operation's defaults (an explicit null stays null, as in execution). */
export function variablesOf(operation: OperationDefinitionNode, given: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    if (def.defaultValue) out[def.variable.name.value] = valueFromASTUntyped(def.defaultValue);
  }
  for (const [name, value] of Object.entries(given ?? {})) if (value !== undefined) out[name] = value;
  return out;
}

/**
 * The fields a selection runs for objects of `type`, by response key (so two aliases are two fields,
 * and one key repeated is one field with its selections merged), as graphql-js collects them:
 * fragments apply when their type condition does, `@skip`/`@include` are read with the variables.
 */
export function collectFields(reading: Reading, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  // Each fragment once, as graphql-js does: a spread repeated (or nested fragments spreading each other
  // twice over) adds nothing, and walking it again would make the walk exponential in the document.
  const spread = new Set<string>();
  const visit = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (!included(sel.directives, reading.variables)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const same = fields.get(key);
        if (same) same.push(sel);
        else fields.set(key, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (applies(reading.schema, sel.typeCondition, type)) visit(sel.selectionSet);
      } else {
        const name = sel.name.value;
        if (spread.has(name)) continue;
        spread.add(name);
        const fragment = reading.fragments.get(name);
        if (fragment && applies(reading.schema, fragment.typeCondition, type)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

/**
 * Whether the selections name `field` directly, through fragments of any type, leaving out what
 * `@skip`/`@include` leave out: the resolvers' own test for whether to ask for a count
 * (src/resolvers/selection.ts).
 */
export function namesField(reading: Reading, sets: readonly SelectionSetNode[], field: string): boolean {
  const spread = new Set<string>();
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.some((sel) => {
      if (!included(sel.directives, reading.variables)) return false;
      if (sel.kind === Kind.FIELD) return sel.name.value === field;
      if (sel.kind === Kind.INLINE_FRAGMENT) return visit(sel.selectionSet);
      const name = sel.name.value;
      if (spread.has(name)) return false;
      spread.add(name);
      const fragment = reading.fragments.get(name);
      return !!fragment && visit(fragment.selectionSet);
    });
  return sets.some((set) => visit(set));
}

/** A field's arguments as the resolver gets them: variables substituted, argument defaults where absent. */
export function argumentsOf(reading: Reading, def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of def.args) {
    const given = node.arguments?.find((a) => a.name.value === arg.name);
    const value = given ? valueFromASTUntyped(given.value, reading.variables) : undefined;
    out[arg.name] = value === undefined ? arg.defaultValue : value;
  }
  return out;
}

function applies(schema: GraphQLSchema, condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean {
  if (!condition) return true;
  const named = schema.getType(condition.name.value);
  if (!named) return false;
  if (named === type) return true;
  return isAbstractType(named) && schema.isSubType(named, type);
}
