import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors/codes.js';
import type { BucketBudget } from '../../ratelimit/budget.js';
import type { UpstreamCalls } from './estimate.js';

/** Reads a caller's bucket of an upstream without spending (PrincipalSources.budget). */
export type BudgetReader = (instanceId: string, access: 'read' | 'write', calls: number) => Promise<BucketBudget | undefined>;

/** An upstream whose bucket cannot give an operation its share of the calls. */
export interface Shortfall extends BucketBudget {
  instance: string;
  access: 'read' | 'write';
  estimatedCalls: number;
}

/**
 * The first upstream (in the estimate's order, reads before writes) whose bucket cannot serve its share
 * of the operation's estimated calls within the queue timeout; undefined when every one can. Buckets
 * are read concurrently, and only those the refill alone does not already cover (see refillCovers).
 */
export async function findShortfall(shares: readonly UpstreamCalls[], read: BudgetReader): Promise<Shortfall | undefined> {
  const asks: Array<{ instance: string; access: 'read' | 'write'; estimatedCalls: number }> = [];
  for (const share of shares) {
    if (share.read > 0) asks.push({ instance: share.id, access: 'read', estimatedCalls: share.read });
    if (share.write > 0) asks.push({ instance: share.id, access: 'write', estimatedCalls: share.write });
  }
  if (asks.length === 0) return undefined;
  const budgets = await Promise.all(asks.map((a) => read(a.instance, a.access, a.estimatedCalls)));
  for (let i = 0; i < asks.length; i++) {
    const budget = budgets[i];
    if (budget && asks[i]!.estimatedCalls > budget.available) return { ...asks[i]!, ...budget };
  }
  return undefined;
}

/**
 * RATE_LIMITED for the whole operation, answered 429 with `Retry-After` (whole seconds, rounded up):
 * nothing ran. `mostAvailable` tells the client whether waiting can ever help.
 */
export function budgetRefusal(s: Shortfall): GraphQLError {
  const hopeless = s.estimatedCalls > s.mostAvailable;
  const message = hopeless
    ? `Operation needs about ${s.estimatedCalls} ${s.access} calls to upstream "${s.instance}", more than its rate budget ever allows ` +
      `within the queue timeout (${s.mostAvailable}): waiting will not help; ask for smaller pages or fewer relations`
    : `Operation needs about ${s.estimatedCalls} ${s.access} calls to upstream "${s.instance}", but its rate budget can give ${s.available} now; ` +
      `retry in ${s.retryAfterMs} ms`;
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterMs: s.retryAfterMs,
      upstream: { instance: s.instance },
      estimatedCalls: s.estimatedCalls,
      available: s.available,
      mostAvailable: s.mostAvailable,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(Math.ceil(s.retryAfterMs / 1000))]]) },
    },
  });
}
