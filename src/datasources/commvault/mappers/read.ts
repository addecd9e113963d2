/**
 * Readers for Commvault JSON: the shared tolerant readers (src/datasources/json-read.ts), plus Commvault's
 * own units (Unix-second times, MB sizes).
 */
import { num } from '../../json-read.js';

export { bool, field, int, isObject, list, num, obj, path, str, UNAVAILABLE, type Json } from '../../json-read.js';

const MB = 1024 * 1024;

/** Unix seconds → Date; 0, negatives and absent values mean "unset" and give null. */
export function unixSeconds(v: unknown): Date | null {
  const n = num(v);
  return n === null || n <= 0 ? null : new Date(n * 1000);
}

/** Commvault storage sizes are MB (docs/upstreams/commvault.md §5.1); the graph speaks bytes. */
export function mbToBytes(v: unknown): number | null {
  const n = num(v);
  return n === null ? null : n * MB;
}
