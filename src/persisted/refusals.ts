import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/codes.js';
import { Counter } from 'prom-client';
import { metricsRegistry } from '../observability/metrics.js';
import type { RefusalReason } from './operation-source.js';

/** Operations refused before anything ran: by the persisted-operation and introspection policies, a role's depth limit, or the cost limit. */
export const operationsRefusedTotal = new Counter({
  name: 'backup_graph_operations_refused_total',
  help: 'Operations refused by role policy (safelist, APQ, introspection, role depth), by the cost limit, or as malformed persisted-operation requests',
  labelNames: ['role', 'reason', 'code'] as const,
  registers: [metricsRegistry],
});

/** HTTP status per refusal code: a key that may not run this is 403, a malformed request 400. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.OPERATION_NOT_ALLOWED]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  // Apollo's own PersistedQueryNotFound answers 200 so that APQ clients read the body and re-register.
  [ErrorCode.PERSISTED_QUERY_NOT_FOUND]: 200,
};

/** Counts the refusal and builds the error to throw from `didResolveOperation`. */
export function refusal(role: string, code: ErrorCode, reason: RefusalReason, message: string, status?: number): GraphQLError {
  operationsRefusedTotal.inc({ role, reason, code });
  return new GraphQLError(message, { extensions: { code, http: { status: status ?? STATUS[code] ?? 400 } } });
}
