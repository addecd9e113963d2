import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors/codes.js';
import { GatewayError } from '../../src/errors/gateway-error.js';
import { createErrorFormatter, noteErrorsOfRequest } from '../../src/plugins/format-error.js';

const formatError = createErrorFormatter(pino({ level: 'silent' }));

/** As Apollo calls formatError: the error's JSON with INTERNAL_SERVER_ERROR when it has no code, and the error. */
function format(error: GraphQLError) {
  const formatted = { ...error.toJSON(), extensions: { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' } };
  delete (formatted.extensions as Record<string, unknown>).http;
  return formatError(formatted, error);
}

describe('createErrorFormatter', () => {
  it('masks the message of an unexpected error thrown in a resolver (no TypeError text reaches the client)', () => {
    const thrown = new TypeError("Cannot read properties of undefined (reading 'variableDefinitions')");
    const located = new GraphQLError(thrown.message, { path: ['jobs'], originalError: thrown });
    expect(format(located)).toEqual({ message: 'Internal server error', path: ['jobs'], extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  });

  it('logs a masked error with the id of the request it arose in, as the operation plugin noted it', () => {
    const lines: Array<Record<string, unknown>> = [];
    const logging = createErrorFormatter(pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) }));
    const mine = new GraphQLError('boom', { path: ['jobs'], originalError: new TypeError('x is undefined') });
    const other = new GraphQLError('boom', { path: ['clients'], originalError: new TypeError('y is undefined') });
    noteErrorsOfRequest([mine], 'req-42');
    logging({ message: 'boom', path: ['jobs'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, mine);
    logging({ message: 'boom', path: ['clients'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, other);
    expect(lines.map((l) => [l.requestId, l.path])).toEqual([
      ['req-42', ['jobs']],
      [undefined, ['clients']],
    ]);
  });

  it('masks an unexpected error raised outside execution (Apollo wraps it without a code)', () => {
    const thrown = new TypeError('boom at /srv/secret/path.js');
    expect(format(new GraphQLError(thrown.message, { originalError: thrown })).message).toBe('Internal server error');
  });

  it('masks a codeless field error (a server-side failure, not the client input)', () => {
    const res = format(new GraphQLError('Cannot return null for non-nullable field Job.id.', { path: ['jobs', 0, 'id'] }));
    expect(res.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(res.message).toBe('Internal server error');
  });

  it('answers a codeless request-level error with an HTTP 4xx status as BAD_USER_INPUT with its message', () => {
    const res = format(new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } }));
    expect(res).toEqual({ message: 'Unsupported persisted query version', extensions: { code: ErrorCode.BAD_USER_INPUT } });
  });

  it('keeps a public code and the message of a GraphQLError raised on purpose', () => {
    const res = format(new GraphQLError('Operation is nested 13 levels deep; the limit is 12', { extensions: { code: 'QUERY_TOO_COMPLEX', limit: 12 } }));
    expect(res.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 12 });
  });

  it('folds Apollo codes into the public list', () => {
    expect(format(new GraphQLError('Unknown operation named "B".', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })).extensions).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
    });
  });

  it('shows a GatewayError with its own extensions', () => {
    const e = new GatewayError(ErrorCode.NOT_FOUND, 'No job 5');
    expect(format(new GraphQLError(e.message, { path: ['job'], originalError: e }))).toMatchObject({ message: 'No job 5', extensions: { code: 'NOT_FOUND' } });
  });

  it("answers Apollo's parse limit (parseOptions.maxTokens) as QUERY_TOO_COMPLEX with the limit", () => {
    const res = format(
      new GraphQLError('Syntax Error: Document contains more than 2000 tokens. Parsing aborted.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    );
    expect(res.extensions).toEqual({ code: ErrorCode.QUERY_TOO_COMPLEX, maxTokens: 2000 });
  });
});
