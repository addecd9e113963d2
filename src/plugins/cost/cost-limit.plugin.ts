import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Role, RolePolicy } from '../../config/schema.js';
import { ErrorCode } from '../../errors/codes.js';
import { operationsRefusedTotal } from '../../persisted/refusals.js';
import { budgetRefusal, findShortfall, type BudgetReader } from './budget-check.js';
import { EstimateCache } from './estimate-cache.js';
import { estimateCostBreakdown, type CostBreakdown } from './estimate.js';
import { recordEstimate } from './recorded-estimates.js';
import type { ProductCostModel, UpstreamGroup } from './hint-kinds.js';

/**
 * Refuses an operation whose estimated upstream calls exceed the caller's limit (the global
 * `limits.maxCost`, or the role's own `maxCost` when lower) with QUERY_TOO_COMPLEX, before any resolver
 * runs. A plugin hook and not a validation rule: the estimate depends on variables (`first`), on the
 * upstreams this caller may see and on its role, while Apollo caches validation per document for all.
 *
 * Then cost meets budget: each upstream's share of the estimate is compared with what the caller's
 * bucket of that upstream can give within its queue timeout (read without spending). An operation that
 * cannot be served whole is refused with RATE_LIMITED (429, `Retry-After`), naming the upstream, instead
 * of running and failing item by item once the bucket is empty.
 */
export function useCostLimit<
  TContext extends { principal: { role: Role; upstreamIds: readonly string[] }; sources?: { budget: BudgetReader } },
>(options: {
  maxCost: number;
  roles: Readonly<Record<Role, RolePolicy>>;
  /** Every configured upstream with its product's group. */
  upstreams: ReadonlyArray<{ id: string; group: UpstreamGroup }>;
  /** The registered products' cost models. */
  products: readonly ProductCostModel[];
  maxPageSize: number;
}): ApolloServerPlugin<TContext> {
  const groupOf = new Map(options.upstreams.map((u) => [u.id, u.group]));
  const cache = new EstimateCache<CostBreakdown>();
  // What a caller's estimates depend on besides the document is fixed per principal (its upstreams) and
  // per role (its limit): worked out once, not per request. Principals live as long as the config.
  const upstreamsByIds = new WeakMap<readonly string[], { key: string; upstreams: Array<{ id: string; group: UpstreamGroup }> }>();
  const upstreamsOf = (upstreamIds: readonly string[]) => {
    let known = upstreamsByIds.get(upstreamIds);
    if (known === undefined) {
      const upstreams = upstreamIds.flatMap((id) => {
        const group = groupOf.get(id);
        return group ? [{ id, group }] : [];
      });
      upstreamsByIds.set(upstreamIds, (known = { key: upstreamIds.join(','), upstreams }));
    }
    return known;
  };
  const maxCostOf = new Map<Role, number>();
  return {
    async requestDidStart({ contextValue }) {
      const { role, upstreamIds } = contextValue.principal;
      let maxCost = maxCostOf.get(role);
      if (maxCost === undefined) maxCostOf.set(role, (maxCost = Math.min(options.maxCost, options.roles[role].maxCost ?? Infinity)));
      const limit = maxCost;
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const now = Date.now();
          const { variables } = request;
          const visible = upstreamsOf(upstreamIds);
          const estimate = cache.estimate(document, { operationName, variables, upstreamKey: visible.key, now }, () =>
            estimateCostBreakdown({ schema, document, operationName, variables, upstreams: visible.upstreams, products: options.products, maxPageSize: options.maxPageSize, now }),
          );
          const cost = estimate.total;
          recordEstimate(request, cost);
          if (cost > limit) {
            operationsRefusedTotal.inc({ role, reason: 'cost', code: ErrorCode.QUERY_TOO_COMPLEX });
            // Thrown from a hook, the error needs its own status (Apollo gives validation errors 400 itself).
            throw new GraphQLError(
              `Operation is estimated at ${cost} upstream calls, above this caller's limit of ${limit}; ask for smaller pages or fewer relations`,
              { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost: limit, http: { status: 400 } } },
            );
          }
          const sources = contextValue.sources;
          if (!sources) return;
          const shortfall = await findShortfall(estimate.upstreams, (id, access, calls) => sources.budget(id, access, calls));
          if (!shortfall) return;
          operationsRefusedTotal.inc({ role, reason: 'budget', code: ErrorCode.RATE_LIMITED });
          throw budgetRefusal(shortfall);
        },
      };
    },
  };
}
