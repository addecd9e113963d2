import { INVALID_JSON } from '../context.js';

export type Update = Record<string, string | number | boolean>;
type Kind = 'string' | 'integer' | 'boolean';

/**
 * Reads an incremental PUT body (docs/upstreams/backupdr.md §3.2): only the listed attributes count; an absent or null one
 * keeps its value; anything else in the body (`@type`, `id`, read-only fields) is ignored. Booleans may
 * come as strings ("true"/"false"), as AGMPowerCLI sends them (same §3.2).
 */
export function readUpdate(body: unknown, allowed: Record<string, Kind>): { values: Update } | { error: string } {
  if (body === INVALID_JSON) return { error: 'Request body is not valid JSON' };
  if (body === undefined) return { values: {} };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { error: 'Request body must be a JSON object' };
  const values: Update = {};
  for (const [name, kind] of Object.entries(allowed)) {
    const v = (body as Record<string, unknown>)[name];
    if (v === undefined || v === null) continue;
    if (kind === 'string') {
      if (typeof v !== 'string') return { error: `${name} must be a string` };
      values[name] = v;
    } else if (kind === 'integer') {
      const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) return { error: `${name} must be an integer` };
      values[name] = n;
    } else {
      const text = typeof v === 'string' ? v.toLowerCase() : v;
      const b = text === true || text === 'true' ? true : text === false || text === 'false' ? false : undefined;
      if (b === undefined) return { error: `${name} must be true or false` };
      values[name] = b;
    }
  }
  return { values };
}
