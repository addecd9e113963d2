import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../errors/codes.js';
import type { Logger } from '../observability/logger.js';

/**
 * Errors fastify raises before a route's handler runs (a body over `server.bodyLimit`: 413; JSON that
 * does not parse: 400; a content type it has no parser for: 415) answered as GraphQL errors, with the
 * same status, instead of fastify's own `{ statusCode, code, error, message }`: a GraphQL client reads
 * `errors[0].extensions.code` whatever went wrong. Anything else is logged and masked as
 * INTERNAL_SERVER_ERROR, as the error formatter does for GraphQL errors.
 */
export function registerErrorHandler(app: FastifyInstance, options: { logger: Logger; bodyLimit: number }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const extensions: Record<string, unknown> = { code: ErrorCode.BAD_USER_INPUT };
      let message = error.message;
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        message = `Request body is larger than ${options.bodyLimit} bytes`;
        extensions.maxBytes = options.bodyLimit;
      }
      return reply
        .code(status)
        .type('application/json; charset=utf-8')
        .send({ errors: [{ message, extensions }] });
    }
    options.logger.error({ requestId: request.id, err: error, url: request.url, method: request.method }, 'unexpected HTTP error masked as INTERNAL_SERVER_ERROR');
    return reply
      .code(500)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  });
}

/**
 * fastify's `frameworkErrors`: a URL that does not decode (`/%%`) is refused by its router before any
 * route or error handler, with fastify's own body; the fuzzer found it. Answered 400 BAD_USER_INPUT.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message: error.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid (a malformed percent-encoding)' : 'Bad request', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
}
