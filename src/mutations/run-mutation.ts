import type { GatewayContext } from '../context.js';
import { ErrorCode } from '../errors/codes.js';
import { GatewayError, isGatewayError } from '../errors/gateway-error.js';
import { mutationsTotal } from '../observability/metrics.js';
import { checkIdempotencyKey, inputHash } from './idempotency.js';
import { mutationRefusal } from './policy.js';

/** One mutation as its resolver describes it. */
export interface MutationCall<T> {
  /** The root field, e.g. `backupSubclient`. */
  operation: string;
  /** The input argument as received (its `idempotencyKey` is left out of the input digest). */
  input: object;
  idempotencyKey?: string | null;
  /** Global ids the mutation acts on, for the audit line. */
  targets: readonly string[];
  /** Outcome details for the audit line (e.g. the started job ids). */
  summarize?(value: T): Record<string, unknown>;
}

/**
 * The shared path of every mutation resolver, around the product's own work (`act`, which sends the
 * writes and returns plain data): the role rule once more (the Apollo plugin refuses before execution;
 * this keeps a context built elsewhere honest), the idempotency key, and the audit line.
 */
export async function runMutation<T>(ctx: GatewayContext, call: MutationCall<T>, act: () => Promise<T>): Promise<T> {
  const { principal } = ctx;
  // Partners reach here only through trusted documents (the safelist and the plugin check the text).
  if (principal.role !== 'partner') {
    const refusal = mutationRefusal(principal, false);
    if (refusal) throw new GatewayError(ErrorCode.FORBIDDEN, refusal);
  }
  const audited = async (): Promise<T> => {
    const base = { caller: principal.id, role: principal.role, operation: call.operation, targets: call.targets };
    try {
      const value = await act();
      mutationsTotal.inc({ operation: call.operation, outcome: 'ok' });
      ctx.mutations.audit.info({ ...base, outcome: 'ok', ...call.summarize?.(value) }, 'mutation');
      return value;
    } catch (error) {
      mutationsTotal.inc({ operation: call.operation, outcome: isGatewayError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR });
      // Only failures after the upstream was asked are audit events; bad input never left the gateway.
      if (isGatewayError(error) && error.upstream) {
        ctx.mutations.audit.info({ ...base, outcome: error.code, upstream: error.upstream, message: error.message }, 'mutation');
      }
      throw error;
    }
  };
  if (call.idempotencyKey === undefined || call.idempotencyKey === null) return audited();
  checkIdempotencyKey(call.idempotencyKey);
  return ctx.mutations.idempotency.run(
    { callerId: principal.id, key: call.idempotencyKey, inputHash: inputHash(call.operation, call.input) },
    audited,
  );
}
