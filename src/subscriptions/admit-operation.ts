import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest, type GraphQLRequestListener } from '@apollo/server';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { GatewayContext } from '../context.js';
import { ErrorCode } from '../errors/codes.js';
import { exceeds, MAX_INPUT_DEPTH, MAX_INPUT_VALUES } from '../http/input-depth.hook.js';
import { subscriptionRootDirectiveRefusal } from '../plugins/subscription-root-directives.js';
import { sha256Hex } from '../util/sha256.js';

/** What a graphql-ws `subscribe` message carries; `documentId` (top level or in `extensions`) names a trusted document. */
export interface SubscribeRequest {
  query?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
  documentId?: unknown;
}

/** An admitted operation, ready for graphql-js `subscribe`. */
export interface AdmittedOperation {
  document: DocumentNode;
  operationName?: string;
  variables?: Record<string, unknown>;
}

export interface AdmitOptions {
  schema: GraphQLSchema;
  /** The HTTP path's policy plugins (src/http/operation-policy.ts), run here in the same order. */
  plugins: readonly ApolloServerPlugin<GatewayContext>[];
  /** `limits.maxTokens`: graphql-js's parse bound, as Apollo's `parseOptions`. */
  maxTokens: number;
  /** The validation rules Apollo adds (the global depth limit). */
  rules: readonly ValidationRule[];
}

/**
 * Decides whether a WebSocket operation may run, by the rules an HTTP request meets: the input bounds of
 * `variables` and `extensions`, then the same policy
 * plugins (safelist and APQ per role, document limits, introspection, role depth, cost limit) get the
 * hooks Apollo would call — `requestDidStart` before the text is parsed, `didResolveOperation` after it is
 * validated — so there is one implementation of each rule, not a WebSocket copy that could drift.
 * Only subscriptions are admitted: queries and mutations have HTTP (and its access log, metrics, audit).
 *
 * @returns the operation to run, or the errors to answer (each with its public `extensions.code`).
 */
export async function admitOperation(options: AdmitOptions, contextValue: GatewayContext, message: SubscribeRequest): Promise<AdmittedOperation | GraphQLError[]> {
  // The bounds HTTP checks in a preHandler (input-depth.hook.ts), before anything reads the values.
  for (const key of ['variables', 'extensions'] as const) {
    const over = exceeds(message[key], MAX_INPUT_DEPTH, MAX_INPUT_VALUES);
    if (over === 'depth') return [bad(`\`${key}\` nest deeper than ${MAX_INPUT_DEPTH} levels`, undefined, { maxDepth: MAX_INPUT_DEPTH })];
    if (over === 'values') return [bad(`\`${key}\` hold more than ${MAX_INPUT_VALUES} values`, undefined, { maxValues: MAX_INPUT_VALUES })];
  }
  const extensions = message.extensions ?? undefined;
  const documentId = message.documentId ?? extensions?.documentId;
  const request: GraphQLRequest = {
    // graphql-ws requires a `query` string: a client naming a trusted document sends it empty.
    query: message.query === '' ? undefined : message.query,
    operationName: message.operationName ?? undefined,
    variables: message.variables ?? undefined,
    extensions: documentId === undefined || !extensions ? extensions : withoutDocumentId(extensions),
    // The persisted-operation plugin reads `documentId` where an HTTP POST carries it: the body.
    http: { method: 'POST', headers: new HeaderMap(), search: '', body: { documentId } },
  };
  const fake = { request, contextValue } as never;
  const listeners: GraphQLRequestListener<GatewayContext>[] = [];
  for (const plugin of options.plugins) {
    const listener = await plugin.requestDidStart?.(fake);
    if (listener) listeners.push(listener);
  }
  if (typeof request.query !== 'string') {
    return [bad('Send the document as `query`, or name a trusted document with `documentId`')];
  }
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: options.maxTokens });
  } catch (error) {
    const tooLong = /more than (\d+) tokens/.exec((error as Error).message);
    return [tooLong ? new GraphQLError((error as Error).message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, maxTokens: Number(tooLong[1]) } }) : bad((error as Error).message)];
  }
  // graphql 16 throws out of validation for these (src/plugins/subscription-root-directives.ts).
  const conditionalRoot = subscriptionRootDirectiveRefusal(document);
  if (conditionalRoot) return [conditionalRoot];
  const invalid = validate(options.schema, document, [...specifiedRules, ...options.rules]);
  if (invalid.length > 0) return invalid.map((e) => (e.extensions?.code ? e : bad(e.message, e)));
  const operation = getOperationAST(document, request.operationName);
  if (!operation) return [bad('Unable to identify the operation: name one with `operationName`')];
  const resolved = {
    request,
    contextValue,
    schema: options.schema,
    document,
    operation,
    operationName: operation.name?.value ?? null,
    source: request.query,
    queryHash: sha256Hex(request.query),
  } as never;
  try {
    for (const listener of listeners) await listener.didResolveOperation?.(resolved);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  if (operation.operation !== 'subscription') {
    return [bad(`Only subscriptions run over WebSocket; send ${operation.operation === 'query' ? 'queries' : 'mutations'} to /graphql over HTTP`)];
  }
  return { document, operationName: request.operationName, variables: request.variables };
}

function bad(message: string, from?: GraphQLError, figures: Record<string, number> = {}): GraphQLError {
  return new GraphQLError(message, { nodes: from?.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT, ...figures } });
}

function withoutDocumentId(extensions: Record<string, unknown>): Record<string, unknown> | undefined {
  const { documentId: _documentId, ...rest } = extensions;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
