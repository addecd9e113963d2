import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, validate } from 'graphql';
import type { Role, RolePolicy } from '../config/schema.js';
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
      const maxDepth = options.roles[contextValue.principal.role].maxDepth;
      if (maxDepth === undefined) return;
      let rule = rules.get(maxDepth);
      if (!rule) rules.set(maxDepth, (rule = depthLimitRule(maxDepth)));
      const depthRule = rule;
      return {
        async didResolveOperation({ schema, document }) {
          const [error] = validate(schema, document, [depthRule]);
          // Thrown from a hook, the error needs its own status (Apollo gives validation errors 400 itself).
          if (error) throw new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
