import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayConfig } from '../config/schema.js';
import type { GatewayContext } from '../context.js';
import type { TrustedDocuments } from '../persisted/trusted-documents.js';
import { useCostLimit } from '../plugins/cost/cost-limit.plugin.js';
import { useDocumentLimits } from '../plugins/document-limits.plugin.js';
import { useIntrospectionPolicy } from '../plugins/introspection-policy.plugin.js';
import { useMutationPolicy } from '../plugins/mutation-policy.plugin.js';
import { usePersistedOperations } from '../plugins/persisted-operations.plugin.js';
import { useRoleDepthLimit } from '../plugins/role-depth-limit.plugin.js';
import { PRODUCT_COSTS, productNameOfKind } from '../products.js';

/**
 * The plugins that decide whether a caller may run an operation at all, in the order a request meets
 * them. HTTP runs them inside Apollo; WebSocket subscriptions run the very same list before executing
 * (src/subscriptions/admit-operation.ts), so a document refused over one transport is refused over the other.
 */
export function operationPolicyPlugins(config: GatewayConfig, trusted: TrustedDocuments): ApolloServerPlugin<GatewayContext>[] {
  return [
    // Before Apollo reads the document: documentId and trusted hashes → text; role policy on free text and APQ.
    usePersistedOperations<GatewayContext>({ trusted, roles: config.roles }),
    // After the persisted-operation policy (a refused or trusted text is not measured), before Apollo parses:
    // too many tokens, aliases, root fields or directives for the caller's role never reach validation.
    useDocumentLimits<GatewayContext>({ limits: config.limits, roles: config.roles, trusted }),
    useIntrospectionPolicy<GatewayContext>({ roles: config.roles }),
    // Who may run mutations (FORBIDDEN, 403), before any resolver: nothing reaches an upstream.
    useMutationPolicy<GatewayContext>({ trusted }),
    useRoleDepthLimit<GatewayContext>({ roles: config.roles }),
    // After the depth limit, before any resolver: an operation above its caller's budget makes no upstream call.
    useCostLimit<GatewayContext>({
      maxCost: config.limits.maxCost,
      roles: config.roles,
      upstreams: config.upstreams.map((u) => ({ id: u.id, group: productNameOfKind(u.kind) ?? u.kind })),
      products: PRODUCT_COSTS,
      maxPageSize: config.server.maxPageSize,
    }),
  ];
}
