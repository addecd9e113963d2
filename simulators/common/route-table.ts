/** What the table needs of a route; each simulator's RouteDef adds its own auth and handler fields. */
export interface RouteTemplate {
  method: string;
  /** Path below the base path with `{name}` placeholders, e.g. `/application/{id}`. */
  template: string;
}

export interface RouteMatch<D extends RouteTemplate> {
  def: D;
  /** Placeholder values as sent (decoded, original casing). */
  params: Record<string, string>;
  /** Stats key: method + template as written in the route list, e.g. `GET /V2/Plan`. */
  key: string;
}

export type RouteLookup<D extends RouteTemplate> = { kind: 'match'; match: RouteMatch<D> } | { kind: 'wrongMethod'; allowed: string[] } | { kind: 'none' };

interface Compiled<D> {
  def: D;
  /** Static segments (folded when matching ignores case), or null for a `{param}`. */
  segments: (string | null)[];
  names: string[];
  staticCount: number;
}

/**
 * Routing over decoded path segments. With several candidates the most specific (most static segments)
 * wins, the earlier one on a tie, so `/session/current` beats `/session/{id}`. Case is the upstream's
 * choice: Commvault's IIS ignores it, the Java console does not.
 */
export class RouteTable<D extends RouteTemplate> {
  private readonly compiled: Compiled<D>[];

  constructor(
    routes: readonly D[],
    private readonly ignoreCase: boolean,
  ) {
    this.compiled = routes.map((def) => {
      const names: string[] = [];
      const segments = def.template
        .split('/')
        .filter((s) => s !== '')
        .map((p) => {
          const m = /^\{(\w+)\}$/.exec(p);
          names.push(m ? m[1] : '');
          return m ? null : this.fold(p);
        });
      return { def, segments, names, staticCount: segments.filter((s) => s !== null).length };
    });
  }

  /** The best route for method + path; else the methods the path has (405) or none (404). */
  lookup(method: string, segments: readonly string[]): RouteLookup<D> {
    const folded: string[] = segments.map((s) => this.fold(s));
    const fits = (c: Compiled<D>): boolean => c.segments.length === folded.length && c.segments.every((s, i) => s === null || s === folded[i]);
    let best: Compiled<D> | undefined;
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

  private fold(s: string): string {
    return this.ignoreCase ? s.toLowerCase() : s;
  }
}
