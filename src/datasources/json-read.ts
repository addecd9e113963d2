/**
 * Tolerant readers for upstream JSON, shared by every product's mappers. They grew from Commvault's
 * quirks (docs/upstreams/commvault.md §8): keys in mixed casing (`MountPathList`, `SubStoreList`,
 * `backupdestinations`), numbers sent as strings, `-999` meaning "unavailable", empty lists omitted and
 * single elements sent as objects where arrays are expected (XML-native services); the consoles' JSON
 * reads the same way. Every mapper reads raw JSON through these and nothing else.
 */

import { JsonPieces } from './pipeline/json-pieces.js';
import { sameLetterInOtherCase } from './pipeline/json-scan.js';

export type Json = Record<string, unknown>;

/** Commvault's "value unavailable" marker in JobDetails and elsewhere. */
export const UNAVAILABLE = -999;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether two keys differ only in the case of ASCII letters (non-ASCII keys compare lower-cased). */
function sameIgnoringCase(key: string, name: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const a = key.charCodeAt(i);
    const b = name.charCodeAt(i);
    if (a === b) continue;
    if (a > 127 || b > 127) return key.toLowerCase() === name.toLowerCase();
    if (!sameLetterInOtherCase(a, b)) return false;
  }
  return true;
}

/**
 * The value under the first of `names` present, matching keys case-insensitively. The exact names are
 * tried first; only a miss scans the object's keys, comparing those of the same length without
 * allocating. Mappers ask for many optional keys an object lacks: an index of lower-cased keys built
 * per object on its first miss cost more than these scans on a cold page, and its WeakMap entries
 * lengthened every garbage collection (docs/performance.md).
 */
export function field(obj: unknown, ...names: string[]): unknown {
  if (!isObject(obj)) return undefined;
  for (const name of names) {
    const v = obj[name];
    if (v !== undefined) return v;
  }
  let keys: string[] | undefined;
  for (const name of names) {
    keys ??= Object.keys(obj);
    for (const key of keys) {
      if (key.length !== name.length || key === name || !sameIgnoringCase(key, name)) continue;
      const v = obj[key];
      if (v !== undefined) return v;
    }
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

/** Always an array: absent → [], a single object → [it], an array → itself, a list kept as bytes → its items. */
export function list(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v;
  return v instanceof JsonPieces ? v.toArray() : [v];
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
