import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { UpstreamConfig } from '../../config/schema.js';
import { isGatewayError } from '../../errors/gateway-error.js';
import { activeContext } from '../../observability/tracing/active-context.js';
import { Attr } from '../../observability/tracing/attributes.js';
import { injectTraceHeaders } from '../../observability/tracing/propagation.js';

/** How a call was served: from the cache, by joining a running identical call, or by the upstream. */
export type CacheOutcome = 'hit' | 'miss' | 'coalesced' | 'bypass';

/**
 * One upstream call's span (a `pipeline.send`: cache lookup, coalescing and every attempt) and what the
 * pipeline learns about it on the way. Exists only while tracing is on: with it off the pipeline
 * carries `undefined` and no span, context or header is made.
 */
export class CallTrace {
  /** Unset when the call failed before the cache was reached (its login failed). */
  cache?: CacheOutcome;
  attempts = 0;
  private readonly span: Span;
  private readonly context: Context;
  private readonly requestId?: string;

  constructor(
    private readonly tracer: Tracer,
    upstream: UpstreamConfig,
    route: string,
    requestId: string | undefined,
  ) {
    // Parent: the execute span of the operation running (active-context.ts), else a root span.
    const parent = activeContext();
    // The request id on every span, so a trace can be found from an access log line and back.
    this.span = tracer.startSpan(
      `upstream ${route}`,
      {
        kind: SpanKind.INTERNAL,
        attributes: {
          [Attr.UPSTREAM_ID]: upstream.id,
          [Attr.UPSTREAM_KIND]: upstream.kind,
          [Attr.UPSTREAM_ROUTE]: route,
          ...(requestId === undefined ? {} : { [Attr.REQUEST_ID]: requestId }),
        },
      },
      parent,
    );
    this.requestId = requestId;
    this.context = trace.setSpan(parent, this.span);
  }

  /** Ends the call's span with its cache outcome, attempts and final HTTP status or failure. */
  end(outcome: { status: number } | { error: unknown }): void {
    if (this.cache !== undefined) this.span.setAttribute(Attr.CACHE_OUTCOME, this.cache);
    this.span.setAttribute(Attr.ATTEMPTS, this.attempts);
    if ('status' in outcome) this.span.setAttribute(Attr.HTTP_STATUS, outcome.status);
    else failed(this.span, outcome.error);
    this.span.end();
  }

  /** A span for one HTTP attempt (token wait, breaker, request), a child of the call's. */
  startAttempt(method: string, route: string): AttemptTrace {
    this.attempts += 1;
    const span = this.tracer.startSpan(
      route,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [Attr.ATTEMPT]: this.attempts,
          [Attr.HTTP_METHOD]: method,
          [Attr.UPSTREAM_ROUTE]: route,
          ...(this.requestId === undefined ? {} : { [Attr.REQUEST_ID]: this.requestId }),
        },
      },
      this.context,
    );
    return new AttemptTrace(span);
  }
}

/** One attempt's span: what it waited for a token, what the upstream answered, the header it sent. */
export class AttemptTrace {
  constructor(private readonly span: Span) {}

  bucketWaited(ms: number): void {
    this.span.setAttribute(Attr.BUCKET_WAIT_MS, Math.round(ms * 1000) / 1000);
  }

  /** `traceparent` naming this attempt, so the upstream's own traces (if any) hang under it. */
  inject(headers: Record<string, string>): void {
    injectTraceHeaders(trace.setSpan(ROOT_CONTEXT, this.span), headers);
  }

  answered(status: number): void {
    this.span.setAttribute(Attr.HTTP_STATUS, status);
  }

  /** Ends the span; `error` is the public failure the attempt came to (a retry may still follow). */
  end(error?: unknown): void {
    if (error !== undefined) failed(this.span, error);
    this.span.end();
  }
}

function failed(span: Span, error: unknown): void {
  const code = isGatewayError(error) ? error.code : 'INTERNAL_SERVER_ERROR';
  span.setAttribute(Attr.ERROR_TYPE, code);
  if (isGatewayError(error) && error.upstream?.status !== undefined) span.setAttribute(Attr.HTTP_STATUS, error.upstream.status);
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
}
