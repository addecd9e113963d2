import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ErrorCode } from '../errors/codes.js';

/**
 * Deepest nesting of arrays and objects in `variables` and `extensions`. The schema's input objects
 * nest a few levels (a filter with lists inside); 32 leaves any real client room. Beyond it
 * graphql-js's coercion and the cost estimate's cache key (JSON.stringify) recurse once per level: 5 000
 * levels (25 KB of `[`) overflowed the stack and answered HTTP 500.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * Most values (array elements and object members, all levels) in `variables` or in `extensions`. A
 * filter of 100 000 job types (890 KB) cost 580 ms of CPU in coercion, cache keys and the upstream URL
 * (which the CommServe then refused, 431). 10 000 is more ids than any filter needs.
 */
export const MAX_INPUT_VALUES = 10_000;

/**
 * A fastify `preHandler` for `/graphql`: a request (or any operation of a batch) whose `variables` or
 * `extensions` nest deeper than `maxDepth`, or hold more than `maxValues` values, is answered HTTP 400
 * BAD_USER_INPUT before Apollo reads it. Measured without recursion, stopping once past a limit.
 */
export function inputDepthHook(maxDepth = MAX_INPUT_DEPTH, maxValues = MAX_INPUT_VALUES) {
  // Callback style, not async: every GraphQL request passes here, and an async hook costs a promise each.
  return function limitInputDepth(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const operations = request.method === 'GET' ? [fromSearchParams(request.query)] : Array.isArray(request.body) ? request.body : [request.body];
    for (const operation of operations) {
      if (typeof operation !== 'object' || operation === null) continue;
      for (const key of ['variables', 'extensions'] as const) {
        const over = exceeds((operation as Record<string, unknown>)[key], maxDepth, maxValues);
        if (over) {
          const message = over === 'depth' ? `\`${key}\` nest deeper than ${maxDepth} levels` : `\`${key}\` hold more than ${maxValues} values`;
          void reply
            .code(400)
            .type('application/json; charset=utf-8')
            .send({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT, ...(over === 'depth' ? { maxDepth } : { maxValues }) } }] });
          return;
        }
      }
    }
    done();
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

/** Which bound `value` passes, if any: nesting of arrays/objects beyond `maxDepth` (a scalar is depth 0), or more than `maxValues` values. */
export function exceeds(value: unknown, maxDepth: number, maxValues: number): 'depth' | 'values' | undefined {
  const stack: Array<[unknown, number]> = [[value, 0]];
  let values = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > maxDepth) return 'depth';
    const children = Array.isArray(current) ? current : Object.values(current);
    values += children.length;
    if (values > maxValues) return 'values';
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return undefined;
}
