import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracesConfig } from '../../config/telemetry.js';

/** The tracer the gateway's plugin and pipeline record with, and how to flush it at stop. */
export interface Tracing {
  readonly tracer: Tracer;
  /** Exports what is still queued and stops the exporter (last step of the gateway's stop). */
  shutdown(): Promise<void>;
}

/** The instrumentation scope of every span (one library: the gateway). */
const SCOPE = 'backup-graph';

/**
 * A tracer provider owned by one gateway: never registered as the API's global provider, so two gateways
 * in one process (tests) keep their spans apart, and nothing else in the process records into ours.
 * Spans are batched to the OTLP/HTTP collector; `spanProcessor` replaces that (tests pass a
 * SimpleSpanProcessor over an InMemorySpanExporter).
 */
export function createTracing(config: TracesConfig, options: { spanProcessor?: SpanProcessor } = {}): Tracing {
  const processor = options.spanProcessor ?? new BatchSpanProcessor(new OTLPTraceExporter({ url: config.endpoint, headers: async () => ({ ...config.headers }) }));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    // A client's sampled flag is followed either way; the ratio decides only for traces that start here.
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [processor],
  });
  return {
    tracer: provider.getTracer(SCOPE),
    shutdown: () => provider.shutdown(),
  };
}
