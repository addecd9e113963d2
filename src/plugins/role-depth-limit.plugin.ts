import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate } from 'graphql';
import type { Role, RolePolicy } from '../config/schema.js';
import { ErrorCode } from '../errors/codes.js';
import { operationsRefusedTotal } from '../persisted/refusals.js';
import { depthLimitRule } from './depth-limit.rule.js';

/**
 * A role's own `maxDepth`, tighter than the global `limits.maxDepth` validation rule. Checked per request
 * after Apollo's (cached, caller-blind) validation, with the same rule, so the error is the same
 * QUERY_TOO_COMPLEX.
 */
export function useRoleDepthLimit<TContext extends { principal: { role: Role } }>(options: {
  roles: Readonly<Record<Role, RolePolicy>>;
}): ApolloServerPlugin<TContext> {
  const rules = new Map<number, ReturnType<typeof depthLimitRule>>();
  return {
    async requestDidStart({ contextValue }) {
      const { role } = contextValue.principal;
      const maxDepth = options.roles[role].maxDepth;
      if (maxDepth === undefined) return;
      let rule = rules.get(maxDepth);
      if (!rule) rules.set(maxDepth, (rule = depthLimitRule(maxDepth)));
      const depthRule = rule;
      return {
        async didResolveOperation({ schema, document }) {
          const [error] = validate(schema, document, [depthRule]);
          if (!error) return;
          operationsRefusedTotal.inc({ role, reason: 'depth', code: ErrorCode.QUERY_TOO_COMPLEX });
          // Thrown from a hook, the error needs its own status (Apollo gives validation errors 400 itself).
          throw new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
