/**
 * The cost limit's estimate of each operation, for the tracing plugin's operation span. Keyed by the
 * operation's request object (one per operation, also in a batch); gone with it.
 */
const estimates = new WeakMap<object, number>();

export function recordEstimate(request: object, cost: number): void {
  estimates.set(request, cost);
}

/** The estimated upstream calls of the operation `request` asked for, once the cost limit has run. */
export function estimateOf(request: object): number | undefined {
  return estimates.get(request);
}
