import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/codes.js';
import { isGatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../observability/logger.js';

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Apollo's and graphql-js's own codes, folded into our public list: a client that sent a document we
 * cannot run made a bad input, whatever stage noticed it.
 */
const FOREIGN_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
  INTROSPECTION_DISABLED: ErrorCode.OPERATION_NOT_ALLOWED,
  MAX_RECURSIVE_SELECTIONS_EXCEEDED: ErrorCode.QUERY_TOO_COMPLEX,
};

const MASKED_MESSAGE = 'Internal server error';

/** The request each error of an operation belongs to, noted by the operation plugin before Apollo formats them. */
const requestIds = new WeakMap<object, string>();

/**
 * Notes that `errors` arose in request `requestId`, so a masked one's log line carries the id: Apollo's
 * `formatError` is handed the error alone, and no async context tells whose request is running
 * (src/observability/logger.ts).
 */
export function noteErrorsOfRequest(errors: readonly object[], requestId: string): void {
  for (const error of errors) requestIds.set(error, requestId);
}

/** graphql-js's parse error for a document over `maxTokens`. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more than (\d+) tokens/;

/**
 * The edge where every error becomes what a client may see: a public `extensions.code`, a message
 * with no upstream URL, token or stack, and for upstream failures `extensions.upstream`. Anything we
 * did not expect is logged in full and masked as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(logger: Logger) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

    if (isGatewayError(original)) {
      return { ...base, message: original.message, extensions: original.toExtensions() };
    }

    const code = codeOf(error);
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
    if (tokens) {
      // Apollo's parse limit (`parseOptions.maxTokens`), the backstop behind useDocumentLimits.
      return { ...base, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, maxTokens: Number(tokens[1]) } };
    }
    if (code !== ErrorCode.INTERNAL_SERVER_ERROR && (original instanceof GraphQLError || error instanceof GraphQLError)) {
      // A GraphQLError raised on purpose (validation, our own throws) is safe to show; only its code may need folding.
      if (code && PUBLIC_CODES.has(code)) return { ...base, extensions: publicExtensions(formatted, code) };
      if (code && FOREIGN_CODES[code]) return { ...base, extensions: { code: FOREIGN_CODES[code] } };
      if (!code && isRequestLevel(error, original)) {
        // A codeless error about the request as a whole describes the client's input: graphql-js's variable
        // coercion and operation resolution, Apollo's HTTP 4xx answers (e.g. a malformed `persistedQuery`).
        return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
    }
    // Everything else (a resolver's TypeError, a codeless field error, Apollo's default INTERNAL_SERVER_ERROR)
    // is our fault: its message may hold internals, so the client sees only that something failed.
    const requestId = typeof error === 'object' && error !== null ? requestIds.get(error) : undefined;
    logger.error({ requestId, err: original, path: formatted.path }, 'unexpected error masked as INTERNAL_SERVER_ERROR');
    return { ...base, message: MASKED_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

/**
 * The code the error was raised with (not the INTERNAL_SERVER_ERROR Apollo writes into `formatted` for
 * every codeless error). Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED; a rule's own
 * public code wins.
 */
function codeOf(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const inner = error.originalError;
  const innerCode = inner instanceof GraphQLError ? inner.extensions?.code : undefined;
  if (typeof innerCode === 'string' && PUBLIC_CODES.has(innerCode)) return innerCode;
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * True for a GraphQLError about the whole request, raised by graphql-js or Apollo and not by our code
 * failing: no field path, no non-GraphQL error underneath, and (when it states one) an HTTP 4xx status.
 */
function isRequestLevel(error: unknown, original: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.path !== undefined) return false;
  for (const cause of [original, error.originalError]) if (cause instanceof Error && !(cause instanceof GraphQLError)) return false;
  const http: unknown = error.extensions?.http;
  const status = typeof http === 'object' && http !== null ? (http as { status?: unknown }).status : undefined;
  return status === undefined || (typeof status === 'number' && status >= 400 && status < 500);
}

function publicExtensions(formatted: GraphQLFormattedError, code: string): Record<string, unknown> {
  const { stacktrace: _stacktrace, http: _http, exception: _exception, ...rest } = formatted.extensions ?? {};
  return { ...rest, code };
}
