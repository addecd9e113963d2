import type { DemoUpstream } from '../datasources/product.js';
import { ROLES, type CallerConfig, type Role } from './schema.js';

/**
 * The demo callers, each key equal to its id: `demo-frontend`, `demo-partner`, `demo-analyst`,
 * `demo-admin` (every upstream, roles as named), then each demo upstream's scoped caller (e.g.
 * `demo-acme`: that upstream only, as the upstream's own user).
 */
export function demoCallers(demos: readonly DemoUpstream[] = []): CallerConfig[] {
  const byRole = ROLES.map((role: Role) => ({ id: `demo-${role}`, apiKey: `demo-${role}`, role }));
  const scoped = demos.flatMap((d) =>
    d.scopedCaller
      ? [{ id: d.scopedCaller.id, apiKey: d.scopedCaller.id, role: d.scopedCaller.role, upstreams: [d.id], credentials: { [d.id]: { ...d.scopedCaller.credential } } }]
      : [],
  );
  return [...byRole, ...scoped];
}
