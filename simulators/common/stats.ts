/** Per-route call counters (route = method + canonical template, e.g. `GET /Job/{id}`). */
export interface StatsSnapshot {
  total: number;
  byRoute: Record<string, number>;
}

/** One request the simulator received: its route and the W3C `traceparent` it carried, if any. */
export interface ReceivedRequest {
  route: string;
  traceparent?: string;
}

/** Requests remembered for `received()`: enough for a test, bounded for a long demo run. */
const MAX_RECEIVED = 1000;

export class RouteStats {
  private total = 0;
  private readonly byRoute = new Map<string, number>();
  private readonly recent: ReceivedRequest[] = [];

  record(route: string, traceparent?: string | string[]): void {
    this.total += 1;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    if (this.recent.length === MAX_RECEIVED) this.recent.shift();
    this.recent.push(typeof traceparent === 'string' ? { route, traceparent } : { route });
  }

  /** The last requests (up to 1000), oldest first: what a test reads the propagated trace context from. */
  received(): ReceivedRequest[] {
    return [...this.recent];
  }

  calls(route: string): number {
    return this.byRoute.get(route) ?? 0;
  }

  snapshot(): StatsSnapshot {
    const byRoute: Record<string, number> = {};
    for (const key of [...this.byRoute.keys()].sort()) byRoute[key] = this.byRoute.get(key) ?? 0;
    return { total: this.total, byRoute };
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.recent.length = 0;
  }
}
