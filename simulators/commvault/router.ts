import type { RouteDef } from './context.js';

export interface RouteMatch {
  def: RouteDef;
  params: Record<string, string>;
  /** Stats key: method + template with the docs' casing, e.g. `GET /V2/Plan`. */
  key: string;
}

interface Compiled {
  def: RouteDef;
  /** Lower-cased static segments, or null for a `{param}`. */
  segments: (string | null)[];
  names: string[];
  staticCount: number;
}

/**
 * Case-insensitive routing (`/v2/plan` == `/V2/Plan`, commvault.md §0) over decoded path segments, so
 * `qoperation%20execute` matches `qoperation execute`. With several candidates the most specific wins.
 */
export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly RouteDef[]) {
    this.compiled = routes.map((def) => {
      const parts: string[] = def.template.split('/').filter((s) => s !== '');
      const names: string[] = [];
      const segments = parts.map((p) => {
        const m = /^\{(\w+)\}$/.exec(p);
        if (m) {
          names.push(m[1]);
          return null;
        }
        names.push('');
        return p.toLowerCase();
      });
      return { def, segments, names, staticCount: segments.filter((s) => s !== null).length };
    });
  }

  match(method: string, segments: string[]): RouteMatch | undefined {
    const lower: string[] = segments.map((s) => s.toLowerCase());
    let best: Compiled | undefined;
    for (const c of this.compiled) {
      if (c.def.method !== method || c.segments.length !== lower.length) continue;
      if (!c.segments.every((s, i) => s === null || s === lower[i])) continue;
      if (!best || c.staticCount > best.staticCount) best = c;
    }
    if (!best) return undefined;
    const params: Record<string, string> = {};
    best.segments.forEach((s, i) => {
      if (s === null) params[best.names[i]] = segments[i];
    });
    return { def: best.def, params, key: `${method} ${best.def.template}` };
  }
}
