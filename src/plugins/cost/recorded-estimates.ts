/**
 * The cost limit's estimate of each operation, for the tracing plugin's operation span. Kept on the
 * operation's request object (one per operation, also in a batch) under a symbol; gone with it. Not a
 * WeakMap: an ephemeron entry per request cost more than the rest of the cost limit on a warm request.
 */
const ESTIMATE = Symbol('costEstimate');

export function recordEstimate(request: object, cost: number): void {
  (request as { [ESTIMATE]?: number })[ESTIMATE] = cost;
}

/** The estimated upstream calls of the operation `request` asked for, once the cost limit has run. */
export function estimateOf(request: object): number | undefined {
  return (request as { [ESTIMATE]?: number })[ESTIMATE];
}
