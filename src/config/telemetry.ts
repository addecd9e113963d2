import { z } from 'zod';

/** Share of new traces recorded when the client sent no sampling decision: every one. */
export const DEFAULT_TRACE_SAMPLE_RATIO = 1;

/**
 * `telemetry.traces`: OpenTelemetry spans exported over OTLP/HTTP (JSON bodies). Absent: no
 * tracer exists, nothing is recorded and no `traceparent` is sent upstream.
 */
export const tracesSchema = z
  .object({
    /** The collector's OTLP/HTTP traces URL, e.g. `http://otel-collector:4318/v1/traces`. */
    endpoint: z.url({ protocol: /^https?$/, error: 'an http(s) URL, e.g. http://otel-collector:4318/v1/traces' }),
    /** Headers sent with every export (a vendor's API key, a tenant header). @default none */
    headers: z.record(z.string().min(1), z.string()).default({}),
    /** Export headers whose values are secrets: header name → environment variable holding the value. */
    headersEnv: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** Export headers whose values are secrets: header name → file holding the value (read at start). */
    headersFile: z.record(z.string().min(1), z.string().min(1)).optional(),
    /**
     * Share of traces recorded when the client's `traceparent` carries no decision (or there is none):
     * ParentBased(TraceIdRatioBased(sampleRatio)). A client's sampled flag is always followed. @default 1
     */
    sampleRatio: z.number().min(0).max(1).default(DEFAULT_TRACE_SAMPLE_RATIO),
    /** `service.name` of the spans. @default backup-graph */
    serviceName: z.string().min(1).default('backup-graph'),
  })
  .strict();

export type TracesConfig = z.infer<typeof tracesSchema>;

/** What the gateway tells operators about itself besides logs and `/metrics`. */
export const telemetrySchema = z
  .object({
    traces: tracesSchema.optional(),
  })
  .strict()
  .default({});
