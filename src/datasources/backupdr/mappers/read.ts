/**
 * Readers for the console's JSON. The generic tolerant readers are shared by every product (src/datasources/json-read.ts);
 * the console adds epoch-microsecond dates (docs/upstreams/backupdr.md §6.1) and nested references.
 */
import { bool, field, int, isObject, list, num, obj, str, type Json } from '../../json-read.js';
import type { BdrNamedRef, BdrObjectSource, BdrRef } from '../model.js';

export { bool, field, int, isObject, list, num, obj, str, type Json };

/** Epoch microseconds (16 digits on the wire) → Date; 0, negatives and absent values give null. */
export function micros(v: unknown): Date | null {
  const n = num(v);
  return n === null || n <= 0 ? null : new Date(Math.floor(n / 1000));
}

/** An id the console sends as a string (sometimes as a number); null when absent. */
export function id(v: unknown): string | null {
  return str(v);
}

/** `{id, name}` → BdrRef; null without an id. */
export function ref(v: unknown, nameKey = 'name'): BdrRef | null {
  const refId = str(field(v, 'id'));
  return refId === null ? null : { id: refId, name: str(field(v, nameKey)) };
}

/** The console id a reference (`{id, …}`) names; null when absent. */
export function refId(v: unknown): string | null {
  return ref(v)?.id ?? null;
}

/** `orglist`, `rolelist`: arrays of references. */
export function refs(v: unknown): BdrRef[] {
  return list(v).map((r) => ref(r)).filter((r): r is BdrRef => r !== null);
}

/** `orglist` as the graph shows it: console id and name. */
export function named(v: unknown): BdrNamedRef[] {
  return refs(v).map((r) => ({ consoleId: r.id, name: r.name }));
}

/** The `sources` of a consolidated object; absent for objects held by one appliance. */
export function sources(v: unknown): BdrObjectSource[] {
  return list(v).map((s) => ({
    srcId: str(field(s, 'srcid')),
    applianceId: str(field(s, 'sourcecluster')) ?? str(field(s, 'clusterid')) ?? str(field(field(s, 'cluster'), 'clusterid')),
    applianceName: (ref(field(s, 'cluster')) ?? ref(field(s, 'appliance')))?.name ?? null,
  }));
}

/** Consoles send SLA switches as "true"/"false" strings and app switches as booleans (docs/upstreams/backupdr.md §4.6). */
export const flag = bool;

/** Items of a list view `{count, items}`, each mapped; items without an id are dropped. */
export function items<T, U>(body: unknown, map: (raw: Json, upstream: U) => T | null, upstream: U): T[] {
  return list(field(body, 'items'))
    .map((raw) => (isObject(raw) ? map(raw, upstream) : null))
    .filter((x): x is T => x !== null);
}
