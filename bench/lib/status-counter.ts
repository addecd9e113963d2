import diagnosticsChannel from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Counts the HTTP statuses a simulator answered, by listening to Node's `http.server.response.finish`
 * diagnostics channel in the process the simulator runs in. The simulator's own stats count requests
 * (429s included) but not statuses; this needs no change to it and sees every answer it sends.
 */
export class StatusCounter {
  private readonly counts = new Map<number, number>();
  private readonly channel = diagnosticsChannel.channel('http.server.response.finish');
  private readonly onFinish = (message: unknown): void => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    if (!request.url?.startsWith(this.pathPrefix)) return;
    this.counts.set(response.statusCode, (this.counts.get(response.statusCode) ?? 0) + 1);
  };

  /** Only requests whose path starts with `pathPrefix` (the simulator's API base) count. */
  constructor(private readonly pathPrefix: string) {
    this.channel.subscribe(this.onFinish);
  }

  count(status: number): number {
    return this.counts.get(status) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }

  close(): void {
    this.channel.unsubscribe(this.onFinish);
  }
}
