import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received (base path included), so a replay sends the same bytes. */
  url: string;
}

/**
 * Records the requests an in-process simulator receives, from Node's `http.server.request.start`
 * diagnostics channel: the simulator's stats give routes, but a replay needs the exact query strings
 * (filters, id unions) the gateway sent. Only paths under `pathPrefix` are kept.
 */
export class RequestRecorder {
  private recorded: RecordedRequest[] = [];
  private readonly channel = diagnosticsChannel.channel('http.server.request.start');
  private readonly onStart = (message: unknown): void => {
    const { request } = message as { request: IncomingMessage };
    if (!request.url?.startsWith(this.pathPrefix)) return;
    this.recorded.push({ method: (request.method ?? 'GET').toUpperCase(), url: request.url });
  };

  constructor(private readonly pathPrefix: string) {
    this.channel.subscribe(this.onStart);
  }

  /** What was recorded since the last call, which clears it. */
  take(): RecordedRequest[] {
    const out = this.recorded;
    this.recorded = [];
    return out;
  }

  close(): void {
    this.channel.unsubscribe(this.onStart);
  }
}
