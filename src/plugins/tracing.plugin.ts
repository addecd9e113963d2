import type { ApolloServerPlugin } from '@apollo/server';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type { RequestTrace } from '../observability/request-trace.js';
import { enterContext } from '../observability/tracing/active-context.js';
import { Attr } from '../observability/tracing/attributes.js';
import { extractClientContext } from '../observability/tracing/propagation.js';
import { estimateOf } from './cost/recorded-estimates.js';
import { responseOutcome } from './response-outcome.js';

/**
 * One span per GraphQL operation, with children for parsing, validation and execution; the upstream
 * pipeline hangs its call spans under the execute span (src/observability/tracing/active-context.ts).
 * A client's W3C `traceparent` makes the operation a child of the client's span.
 *
 * Apollo parses and validates a document only the first time it sees it (its document cache), so a
 * repeated operation has an execute span and no parse or validate span. Registered only while tracing
 * is on, after `usePartialErrors` so the outcome counts the partial errors it adds.
 */
export function useTracing<TContext extends { principal: { id: string }; trace?: RequestTrace }>(options: { tracer: Tracer }): ApolloServerPlugin<TContext> {
  const { tracer } = options;
  return {
    async requestDidStart({ request, contextValue }) {
      const parent = extractClientContext(request.http?.headers);
      const requestId = contextValue.trace?.id;
      const span = tracer.startSpan(
        'graphql',
        {
          kind: SpanKind.SERVER,
          attributes: {
            [Attr.CALLER_ID]: contextValue.principal.id,
            ...(requestId === undefined ? {} : { [Attr.REQUEST_ID]: requestId }),
          },
        },
        parent,
      );
      const operationContext = trace.setSpan(parent, span);
      const phaseAttributes = requestId === undefined ? {} : { [Attr.REQUEST_ID]: requestId };
      const child = (name: string): Span => tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: phaseAttributes }, operationContext);
      return {
        async parsingDidStart() {
          const parsing = child('graphql.parse');
          return async (error) => end(parsing, error, 'parse');
        },
        async validationDidStart() {
          const validation = child('graphql.validate');
          return async (errors) => end(validation, errors?.[0], 'validation');
        },
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          span.setAttribute(Attr.OPERATION_TYPE, operation.operation);
          if (operationName) span.setAttribute(Attr.OPERATION_NAME, operationName);
          span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
        },
        async executionDidStart() {
          const execution = child('graphql.execute');
          // Synchronous part of the hook: it runs in this operation's async chain (see enterContext).
          enterContext(trace.setSpan(operationContext, execution));
          return {
            async executionDidEnd(error) {
              end(execution, error, 'execution');
              enterContext(operationContext);
            },
          };
        },
        async willSendResponse({ response }) {
          const { codes, outcome } = responseOutcome(response.body.kind === 'single' ? response.body.singleResult : undefined);
          const cost = estimateOf(request);
          if (cost !== undefined) span.setAttribute(Attr.COST_ESTIMATE, cost);
          span.setAttribute(Attr.OUTCOME, outcome);
          if (codes.length > 0) {
            const distinct = [...new Set(codes)];
            span.setAttribute(Attr.ERROR_CODES, distinct);
            span.setAttribute(Attr.ERROR_TYPE, distinct[0] as string);
            span.setStatus({ code: SpanStatusCode.ERROR, message: `${outcome}: ${distinct.join(', ')}` });
          }
          span.end();
          // Nothing after the response is the operation's: what the chain starts next is not parented to it.
          enterContext(ROOT_CONTEXT);
        },
      };
    },
  };
}

/**
 * Ends a phase's span, failed when it met an error. The status names the phase, not the error's
 * message: a syntax error quotes the document, which spans never hold.
 */
function end(span: Span, error: Error | undefined, phase: string): void {
  if (error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: `${phase} failed` });
  span.end();
}
