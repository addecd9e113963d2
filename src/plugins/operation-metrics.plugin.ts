import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { DURATION_BUCKETS_SECONDS, metricsRegistry } from '../observability/metrics.js';
import { recordErrorCode, type RequestTrace } from '../observability/request-trace.js';
import { noteErrorsOfRequest } from './format-error.js';
import type { TrustedDocuments } from '../persisted/trusted-documents.js';
import { responseOutcome } from './response-outcome.js';

/** GraphQL operations answered, by operation name, type and outcome (`ok`, `partial`, `error`) and first error code. */
export const graphqlRequestsTotal = new Counter({
  name: 'backup_graph_graphql_requests_total',
  help: 'GraphQL operations answered, by operation (trusted names, else "other"), type, outcome and first error code ("none")',
  labelNames: ['operation', 'type', 'outcome', 'code'] as const,
  registers: [metricsRegistry],
});

export const graphqlRequestDurationSeconds = new Histogram({
  name: 'backup_graph_graphql_request_duration_seconds',
  help: 'Time from the start of an operation (context built) to its response being ready, by operation and type',
  labelNames: ['operation', 'type'] as const,
  buckets: DURATION_BUCKETS_SECONDS,
  registers: [metricsRegistry],
});

export const graphqlErrorsTotal = new Counter({
  name: 'backup_graph_graphql_errors_total',
  help: 'Errors in GraphQL responses (partial errors included), by operation, type and public code',
  labelNames: ['operation', 'type', 'code'] as const,
  registers: [metricsRegistry],
});

/** The label of operations whose name is not one the gateway knows (bounded cardinality). */
export const OTHER_OPERATION = 'other';
/** The label of operations without a name. */
export const ANONYMOUS_OPERATION = 'anonymous';

export interface OperationMetricsOptions {
  /** The safelist: its operation names are the `operation` label values; its hashes give document ids. */
  trusted: TrustedDocuments;
  /**
   * Which operation names get their own label: `trusted` (the safelist's names; others are "other"),
   * or `any` (every name a client sends — unbounded; only where every client is trusted). @default trusted
   */
  operationNames?: 'trusted' | 'any';
}

/**
 * Per operation: a request counter (operation, type, outcome, first code), a duration histogram and an
 * error counter by public code; and the operation's facts for the access log (the request's trace).
 *
 * Register it after `usePartialErrors`, so the partial errors that plugin adds in `willSendResponse` are
 * counted. Unauthenticated requests never reach Apollo's plugins (the caller is resolved while the
 * context is built); the access log still has them, with their HTTP status and code.
 */
export function useOperationMetrics<TContext extends { trace?: RequestTrace }>(options: OperationMetricsOptions): ApolloServerPlugin<TContext> {
  const known = new Set<string>();
  for (const d of options.trusted.values()) if (d.operationName) known.add(d.operationName);
  const anyName = options.operationNames === 'any';
  const label = (name: string | null | undefined): string =>
    !name ? ANONYMOUS_OPERATION : anyName || known.has(name) ? name : OTHER_OPERATION;

  return {
    async requestDidStart({ request, contextValue }) {
      const startedMs = performance.now();
      const trace = contextValue.trace;
      if (trace !== undefined) trace.operations += 1;
      return {
        async didEncounterErrors({ errors }) {
          if (trace !== undefined) noteErrorsOfRequest(errors, trace.id);
        },
        async willSendResponse({ response, operation, operationName, queryHash }) {
          const type = operation?.operation ?? 'unknown';
          const name = operation ? operationName : (request.operationName ?? null);
          const operationLabel = label(name);
          const { codes, outcome } = responseOutcome(response.body.kind === 'single' ? response.body.singleResult : undefined);
          graphqlRequestsTotal.inc({ operation: operationLabel, type, outcome, code: codes[0] ?? 'none' });
          graphqlRequestDurationSeconds.observe({ operation: operationLabel, type }, (performance.now() - startedMs) / 1000);
          for (const code of codes) graphqlErrorsTotal.inc({ operation: operationLabel, type, code });

          if (trace === undefined) return;
          for (const code of codes) recordErrorCode(trace, code);
          // A batch logs its first operation's name and document; `operations` says how many there were.
          if (trace.operationName !== undefined || trace.operationType !== undefined) return;
          trace.operationName = name ?? undefined;
          trace.operationType = type;
          if (operation && queryHash) {
            trace.documentHash = queryHash;
            trace.documentId = options.trusted.byHashHex(queryHash)?.id;
          }
        },
      };
    },
  };
}
