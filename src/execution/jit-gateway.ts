import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, getVariableValues, GraphQLError, Kind, printSchema, valueFromASTUntyped, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../observability/logger.js';

type GatewayInterface = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/** What a document compiled to: graphql-jit's code, or graphql-js for a document it would not compile. */
type Plan = { kind: 'jit'; query: CompiledQuery; nestedVariables: ReadonlySet<string> } | { kind: 'graphql-js' };

/**
 * Apollo Server with graphql-jit as its executor. Apollo Server 4+ has no `executor` option; its
 * documented replacement is the gateway interface, which this implements for one fixed schema
 * (apollographql/apollo-server#7981 asks for a plainer hook). Apollo still parses, validates, runs
 * every plugin, formats errors and serializes; only execution changes.
 *
 * graphql-jit compiles each validated document, once, into JavaScript specialised to it (the
 * technique mercurius uses): no per-field lookups of the field definition, argument coercion,
 * `isPromise` checks and result objects built field by field. On the warm 100-job dashboard page it
 * executes in a third of graphql-js's time, with a byte-identical answer (docs/performance.md).
 * Compiled documents are kept in an LRU keyed by Apollo's query hash and operation name. A document
 * graphql-jit refuses to compile is executed by graphql-js, so no query fails for the engine's sake.
 */
export function jitGateway(
  schema: GraphQLSchema,
  options: {
    maxDocuments: number;
    logger: Logger;
    /**
     * Documents to compile when Apollo loads the gateway (the safelist, parsed at start): a partner's
     * first call of each then skips the ~10 ms compile. `hash` is the SHA-256 hex of the document's
     * text, which is Apollo's query hash.
     */
    precompile?: Iterable<{ hash: string; document: DocumentNode }>;
  },
): GatewayInterface {
  const plans = new LRUCache<string, Plan>({ max: options.maxDocuments });
  // Apollo hands every request of one text the same parsed document (its document store): the plan hangs
  // off it, so a repeated request finds its plan without building a key; the LRU bounds what is compiled.
  const byDocument = new WeakMap<DocumentNode, { operationName: string | null | undefined; plan: Plan }>();
  const planFor = (document: DocumentNode, operationName: string | null | undefined, queryHash: string): Plan => {
    const known = byDocument.get(document);
    if (known !== undefined && known.operationName === operationName) return known.plan;
    const plan = planOf(document, operationName, queryHash);
    byDocument.set(document, { operationName, plan });
    return plan;
  };
  const planOf = (document: DocumentNode, operationName: string | null | undefined, queryHash: string): Plan => {
    const key = `${queryHash}\u0000${operationName ?? ''}`;
    let plan = plans.get(key);
    if (!plan) {
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      if (isCompiledQuery(compiled)) {
        plan = { kind: 'jit', query: compiled, nestedVariables: variablesInLiterals(document) };
      } else {
        // Validated documents compile; if one does not, it is graphql-js's to run (and to explain).
        options.logger.warn({ queryHash, errors: compiled.errors?.map((e) => e.message) }, 'graphql-jit did not compile a document; graphql-js runs it');
        plan = { kind: 'graphql-js' };
      }
      plans.set(key, plan);
    }
    return plan;
  };
  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, request, context, queryHash } = requestContext;
    if (!operation) {
      // No operation of the document matches `operationName` (or none was named among several): graphql-js
      // answers with its standard error ("Unknown operation named …"), which Apollo turns into a 400.
      // Compiling would fail on the missing operation; reading its variables crashed (HTTP 500).
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName ?? undefined });
    }
    const plan = planFor(document, operationName, queryHash);
    const variables = withDefaults(operation.variableDefinitions ?? [], request.variables ?? {});
    if (plan.kind === 'jit' && !leavesOutNested(plan.nestedVariables, variables)) {
      // Variables are checked by graphql-js first: its errors name the variable definition, which is how
      // Apollo knows them for the client's input (BAD_USER_INPUT, HTTP 400); graphql-jit's do not.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
      if (coerced.errors) return { errors: coerced.errors };
      return asGraphQLErrors((await plan.query.query(undefined, context, variables)) as ExecutionResult);
    }
    return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: operationName ?? undefined });
  };
  return {
    async load() {
      for (const { hash, document } of options.precompile ?? []) {
        // Apollo names the operation it runs (null for an anonymous one), and so keys the plan.
        for (const def of document.definitions) if (def.kind === Kind.OPERATION_DEFINITION) planOf(document, def.name?.value, hash);
      }
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {
      plans.clear();
    },
  };
}

/**
 * graphql-jit's errors inherit from GraphQLError but leave `extensions` undefined when the thrown error
 * had none; Apollo's error formatting reads `extensions.code` and would turn such an error (every
 * GatewayError a resolver throws) into a formatting failure. Each is rebuilt as graphql-js builds a
 * located error: same message, path, locations and original error.
 */
function asGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((e) => {
    const rebuilt = new GraphQLError(e.message, {
      path: e.path,
      originalError: e.originalError ?? undefined,
      extensions: e.extensions ?? undefined,
    });
    // GraphQLError computes locations from AST nodes, which graphql-jit keeps only as locations.
    if (e.locations) Object.assign(rebuilt, { locations: e.locations });
    return rebuilt;
  });
  return { ...result, errors };
}

/**
 * Variables written inside an input object or list literal (`input: { a: $a }`). Left out by a request,
 * such a field is absent for graphql-js (GraphQL spec, input coercion) but null for graphql-jit, which
 * fills literals with null placeholders; a mutation that tells an explicit null from an absent field
 * (docs/operations.md, incremental updates) would read them differently. Such requests run on graphql-js.
 */
function variablesInLiterals(document: DocumentNode): ReadonlySet<string> {
  const names = new Set<string>();
  let depth = 0;
  visit(document, {
    ObjectValue: { enter: () => void depth++, leave: () => void depth-- },
    ListValue: { enter: () => void depth++, leave: () => void depth-- },
    Variable: (node) => {
      if (depth > 0) names.add(node.name.value);
    },
  });
  return names;
}

function leavesOutNested(nested: ReadonlySet<string>, variables: Readonly<Record<string, unknown>>): boolean {
  for (const name of nested) if (variables[name] === undefined) return true;
  return false;
}

/**
 * The request's variables with each one it leaves out that has a default (`$x: T! = v`) filled in. graphql-js
 * applies such defaults; graphql-jit refuses a non-null variable that was not sent even when it has one.
 */
function withDefaults(definitions: readonly VariableDefinitionNode[], variables: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const def of definitions) {
    const name = def.variable.name.value;
    if (def.defaultValue && variables[name] === undefined) (out ??= { ...variables })[name] = valueFromASTUntyped(def.defaultValue);
  }
  return out ?? (variables as Record<string, unknown>);
}
