import type { RouteDef } from './context.js';

export interface RouteMatch {
  def: RouteDef;
  params: Record<string, string>;
  /** Stats key: method + template, e.g. `GET /application/{id}`. */
  key: string;
}

export type RouteLookup = { kind: 'match'; match: RouteMatch } | { kind: 'wrongMethod'; allowed: string[] } | { kind: 'none' };

interface Compiled {
  def: RouteDef;
  /** Static segments, or null for a `{param}`. */
  segments: (string | null)[];
  names: string[];
  staticCount: number;
}

/**
 * Exact, case-sensitive routing over decoded path segments (the console is a Java service: `/Application`
 * is not `/application`). With several candidates the most specific (most static segments) wins, so
 * `/session/current` beats `/session/{id}`. A path known under other methods answers 405.
 */
export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly RouteDef[]) {
    this.compiled = routes.map((def) => {
      const parts = def.template.split('/').filter((s) => s !== '');
      const names: string[] = [];
      const segments = parts.map((p) => {
        const m = /^\{(\w+)\}$/.exec(p);
        names.push(m ? m[1] : '');
        return m ? null : p;
      });
      return { def, segments, names, staticCount: segments.filter((s) => s !== null).length };
    });
  }

  lookup(method: string, segments: readonly string[]): RouteLookup {
    const fits = (c: Compiled): boolean => c.segments.length === segments.length && c.segments.every((s, i) => s === null || s === segments[i]);
    let best: Compiled | undefined;
    const allowed = new Set<string>();
    for (const c of this.compiled) {
      if (!fits(c)) continue;
      if (c.def.method !== method) {
        allowed.add(c.def.method);
        continue;
      }
      if (!best || c.staticCount > best.staticCount) best = c;
    }
    if (!best) return allowed.size > 0 ? { kind: 'wrongMethod', allowed: [...allowed].sort() } : { kind: 'none' };
    const params: Record<string, string> = {};
    const chosen = best;
    chosen.segments.forEach((s, i) => {
      if (s === null) params[chosen.names[i]] = segments[i];
    });
    return { kind: 'match', match: { def: chosen.def, params, key: `${method} ${chosen.def.template}` } };
  }
}
