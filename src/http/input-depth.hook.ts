import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../errors/codes.js';

/**
 * Deepest nesting of arrays and objects in `variables` and `extensions`. The schema's input objects
 * nest a few levels (a filter with lists inside); 32 leaves any real client room. Beyond it
 * graphql-js's coercion and the cost estimate's cache key (JSON.stringify) recurse once per level: 5 000
 * levels (25 KB of `[`) overflowed the stack and answered HTTP 500.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * A fastify `preHandler` for `/graphql`: a request (or any operation of a batch) whose `variables` or
 * `extensions` nest deeper than `maxDepth` is answered HTTP 400 BAD_USER_INPUT before Apollo reads it.
 * Measured without recursion, stopping once past the limit.
 */
export function inputDepthHook(maxDepth = MAX_INPUT_DEPTH) {
  return async function limitInputDepth(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const operations = request.method === 'GET' ? [fromSearchParams(request.query)] : Array.isArray(request.body) ? request.body : [request.body];
    for (const operation of operations) {
      if (typeof operation !== 'object' || operation === null) continue;
      for (const key of ['variables', 'extensions'] as const) {
        if (depthExceeds((operation as Record<string, unknown>)[key], maxDepth)) {
          await reply
            .code(400)
            .type('application/json; charset=utf-8')
            .send({ errors: [{ message: `\`${key}\` nest deeper than ${maxDepth} levels`, extensions: { code: ErrorCode.BAD_USER_INPUT, maxDepth } }] });
          return;
        }
      }
    }
  };
}

/** GET carries `variables` and `extensions` as JSON text; what does not parse is Apollo's to refuse. */
function fromSearchParams(query: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (typeof query !== 'object' || query === null) return result;
  for (const key of ['variables', 'extensions'] as const) {
    const text = (query as Record<string, unknown>)[key];
    if (typeof text !== 'string') continue;
    try {
      result[key] = JSON.parse(text);
    } catch {
      // left to Apollo: "The variables search parameter contains invalid JSON."
    }
  }
  return result;
}

/** True when `value` nests arrays/objects more than `maxDepth` levels (a scalar is depth 0). */
export function depthExceeds(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
