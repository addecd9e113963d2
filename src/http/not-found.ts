import type { FastifyInstance, FastifyReply } from 'fastify';
import { ErrorCode } from '../errors/codes.js';
import { GRAPHQL_METHODS } from './cors.js';

/** `/graphql` with a method it does not take (PUT, TRACE, PROPFIND, …): 405 with `Allow`. */
export async function answerWrongMethod(reply: FastifyReply): Promise<void> {
  await reply
    .code(405)
    .header('allow', [...GRAPHQL_METHODS, 'OPTIONS'].join(', '))
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message: 'Use GET or POST for /graphql', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
}

/**
 * Requests no route takes, answered as GraphQL errors rather than fastify's `{ message, error,
 * statusCode }`: `/graphql` with a method no route has (TRACE, PROPFIND, …; the fuzzer found TRACE
 * answered 404) is 405 like PUT; any other path is 404 NOT_FOUND.
 */
export function registerNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url === '/graphql' || request.url.startsWith('/graphql?')) return answerWrongMethod(reply);
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: `No such path: ${request.method} ${request.url.split('?')[0].slice(0, 200)}`, extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
}
