import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../errors/codes.js';

/**
 * A fastify `preHandler` for `/graphql` bounding JSON batches (arrays of operations) to `maxOperations`.
 * Apollo Server runs a batch's operations concurrently and has no limit of its own, so one request
 * could otherwise carry thousands of operations past every per-request bound. Answered like any bad
 * request: HTTP 400, BAD_USER_INPUT.
 */
export function batchLimitHook(maxOperations: number) {
  return async function limitBatch(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.method !== 'POST' || !Array.isArray(request.body) || request.body.length <= maxOperations) return;
    await reply
      .code(400)
      .type('application/json; charset=utf-8')
      .send({
        errors: [
          {
            message: `A batch may hold at most ${maxOperations} operations; this one has ${request.body.length}`,
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          },
        ],
      });
  };
}
