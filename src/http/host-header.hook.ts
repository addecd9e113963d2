import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ErrorCode } from '../errors/codes.js';

/**
 * HTTP/1.1 requires a Host header, and a server must answer 400 to a request without one (RFC 9112
 * §3.2). Node does that itself by default, with an empty body the fuzzer flagged; the server is created
 * with `requireHostHeader: false` and this `onRequest` hook refuses such a request as a GraphQL error.
 */
export function requireHostHeader(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  // Callback style, not async: every request passes here, and an async hook costs a promise each.
  if (request.raw.httpVersion !== '1.1' || request.headers.host !== undefined) return done();
  void reply
    .code(400)
    .type('application/json; charset=utf-8')
    .header('connection', 'close')
    .send({ errors: [{ message: 'An HTTP/1.1 request needs a Host header', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
}
