import { RouteTable, type RouteLookup as Lookup, type RouteMatch as Match } from '../common/route-table.js';
import type { RouteDef } from './context.js';

export type RouteMatch = Match<RouteDef>;
export type RouteLookup = Lookup<RouteDef>;

/**
 * Exact, case-sensitive routing (the console is a Java service: `/Application` is not `/application`).
 * A path known under other methods answers 405.
 */
export class Router extends RouteTable<RouteDef> {
  constructor(routes: readonly RouteDef[]) {
    super(routes, false);
  }
}
