import { RouteTable, type RouteMatch as Match } from '../common/route-table.js';
import type { RouteDef } from './context.js';

/** Stats key: method + template with the docs' casing, e.g. `GET /V2/Plan`. */
export type RouteMatch = Match<RouteDef>;

/**
 * Case-insensitive routing (`/v2/plan` == `/V2/Plan`, docs/upstreams/commvault.md §1.2) over decoded path segments, so
 * `qoperation%20execute` matches `qoperation execute`.
 */
export class Router extends RouteTable<RouteDef> {
  constructor(routes: readonly RouteDef[]) {
    super(routes, true);
  }

  /** Commvault has no 405: a path under another method is just not found. */
  match(method: string, segments: readonly string[]): RouteMatch | undefined {
    const found = this.lookup(method, segments);
    return found.kind === 'match' ? found.match : undefined;
  }
}
