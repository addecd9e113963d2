import { ROLES, type Role } from './schema.js';

/** Demo callers `demo-frontend`, `demo-partner`, `demo-analyst`, `demo-admin`: each key equals its id. */
export function demoCallers(): Array<{ id: string; apiKey: string; role: Role }> {
  return ROLES.map((role) => ({ id: `demo-${role}`, apiKey: `demo-${role}`, role }));
}
