/**
 * Tolerant readers for upstream JSON, shared by every product's mappers. They grew from Commvault's
 * quirks (docs/upstreams/commvault.md §8): keys in mixed casing (`MountPathList`, `SubStoreList`,
 * `backupdestinations`), numbers sent as strings, `-999` meaning "unavailable", empty lists omitted and
 * single elements sent as objects where arrays are expected (XML-native services); the consoles' JSON
 * reads the same way. Every mapper reads raw JSON through these and nothing else.
 */

export type Json = Record<string, unknown>;

/** Commvault's "value unavailable" marker in JobDetails and elsewhere. */
export const UNAVAILABLE = -999;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Each object's keys by their lower case, built on the first miss of an exact name. Mappers ask for
 * many optional keys an object lacks; scanning and lower-casing every key for each of those misses
 * was a visible share of mapping a cold page. Objects are answers nothing writes to (frozen outside
 * production), mapped once, so the index
 * never goes stale.
 */
const keysByLowerCase = new WeakMap<Json, Map<string, string>>();
const lowerCaseNames = new Map<string, string>();

function lowerKeysOf(obj: Json): Map<string, string> {
  let index = keysByLowerCase.get(obj);
  if (!index) {
    index = new Map();
    for (const key of Object.keys(obj)) {
      const lower = key.toLowerCase();
      if (!index.has(lower)) index.set(lower, key);
    }
    keysByLowerCase.set(obj, index);
  }
  return index;
}

function lowerCaseOf(name: string): string {
  let lower = lowerCaseNames.get(name);
  if (lower === undefined) lowerCaseNames.set(name, (lower = name.toLowerCase()));
  return lower;
}

/** The value under the first of `names` present, matching keys case-insensitively. */
export function field(obj: unknown, ...names: string[]): unknown {
  if (!isObject(obj)) return undefined;
  for (const name of names) if (obj[name] !== undefined) return obj[name];
  const index = lowerKeysOf(obj);
  for (const name of names) {
    const key = index.get(lowerCaseOf(name));
    if (key !== undefined && obj[key] !== undefined) return obj[key];
  }
  return undefined;
}

/** Follows a path of keys (each case-insensitive); undefined as soon as a step is missing. */
export function path(obj: unknown, ...keys: string[]): unknown {
  let cur: unknown = obj;
  for (const key of keys) cur = field(cur, key);
  return cur;
}

/** An object, or an empty one when absent or not an object. */
export function obj(v: unknown): Json {
  return isObject(v) ? v : {};
}

/** Always an array: absent → [], a single object → [it], an array → itself. */
export function list(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** A finite number from a number or numeric string; null for absent, blank, NaN or the -999 sentinel. */
export function num(v: unknown): number | null {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && v.trim() !== '') n = Number(v.trim().replace(/,/g, ''));
  else return null;
  if (!Number.isFinite(n) || n === UNAVAILABLE) return null;
  return n;
}

/** An integer id or count (see num); fractions are truncated. */
export function int(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : Math.trunc(n);
}

/** A non-empty string (numbers are stringified); null otherwise. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** true/false from booleans, 0/1 numbers and "true"/"false"/"1"/"0" strings; null otherwise. */
export function bool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === '1' || s === 'yes') return true;
    if (s === 'false' || s === '0' || s === 'no') return false;
  }
  return null;
}
