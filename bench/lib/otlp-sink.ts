import { createServer, type Server } from 'node:http';

/** A stand-in OpenTelemetry collector: answers OTLP/HTTP JSON exports and counts the spans in them. */
export interface OtlpSink {
  /** The traces endpoint to configure (`telemetry.traces.endpoint`). */
  readonly url: string;
  /** Spans received so far, of which roots (no parent: one per traced request), in how many export requests. */
  counts(): { spans: number; roots: number; exports: number };
  close(): Promise<void>;
}

interface ExportBody {
  resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ parentSpanId?: string }> }> }>;
}

/**
 * Listens on loopback and answers every export 200 `{}` (a full success), after counting its spans: the
 * bench measures the gateway paying for its spans and their export, not a collector's speed.
 */
export async function startOtlpSink(): Promise<OtlpSink> {
  let spans = 0;
  let roots = 0;
  let exports = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      exports += 1;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportBody;
        for (const r of body.resourceSpans ?? []) {
          for (const s of r.scopeSpans ?? []) {
            for (const span of s.spans ?? []) {
              spans += 1;
              if (!span.parentSpanId) roots += 1;
            }
          }
        }
      } catch {
        // Not JSON (a protobuf exporter): counted as an export, its spans unknown.
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    counts: () => ({ spans, roots, exports }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
