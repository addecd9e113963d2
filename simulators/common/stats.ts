/** Per-route call counters (route = method + canonical template, e.g. `GET /Job/{id}`). */
export interface StatsSnapshot {
  total: number;
  byRoute: Record<string, number>;
}

export class RouteStats {
  private total = 0;
  private readonly byRoute = new Map<string, number>();

  record(route: string): void {
    this.total += 1;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
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
  }
}
