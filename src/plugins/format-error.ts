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

    const code = codeOf(formatted, error);
    if (original instanceof GraphQLError || error instanceof GraphQLError) {
      // A GraphQLError raised on purpose (validation, our own throws) is safe to show; only its code may need folding.
      if (code && PUBLIC_CODES.has(code)) return { ...base, extensions: publicExtensions(formatted, code) };
      if (code && FOREIGN_CODES[code]) return { ...base, extensions: { code: FOREIGN_CODES[code] } };
      if (!code && !(original instanceof Error && !(original instanceof GraphQLError))) {
        // graphql-js coercion errors carry no code; they describe the client's input.
        return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
    }

    logger.error({ err: original, path: formatted.path }, 'unexpected error masked as INTERNAL_SERVER_ERROR');
    return { ...base, message: MASKED_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

/** Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED; a rule's own public code wins. */
function codeOf(formatted: GraphQLFormattedError, error: unknown): string | undefined {
  const inner = error instanceof GraphQLError ? error.originalError : undefined;
  const innerCode = inner instanceof GraphQLError ? inner.extensions.code : undefined;
  if (typeof innerCode === 'string' && PUBLIC_CODES.has(innerCode)) return innerCode;
  return typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
}

function publicExtensions(formatted: GraphQLFormattedError, code: string): Record<string, unknown> {
  const { stacktrace: _stacktrace, http: _http, exception: _exception, ...rest } = formatted.extensions ?? {};
  return { ...rest, code };
}
