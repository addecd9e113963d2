/**
 * Freeze a decoded answer all the way down. One response object is shared by every coalesced caller
 * and by every cache hit, so a mapper that mutated it would corrupt the others' data; frozen, such a
 * mapper fails loudly (ESM is strict mode) instead of silently. Freezing is O(size) once per upstream
 * answer, cheaper than cloning per caller.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  return value;
}
