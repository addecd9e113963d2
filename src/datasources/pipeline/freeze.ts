/**
 * Whether what requests share is frozen — answers here, sources' per-request views
 * (UpstreamSource.forRequest) — everywhere but production. Freezing finds a mapper that mutates a shared
 * answer (it then throws, ESM being strict mode) — something the tests, which never run as production,
 * are there to find. In production it only costs: deep-freezing a decoded list took as long as
 * decoding it (a 50-upstream jobs page: 0.36 ms per list against 0.41 ms for JSON.parse, profiled,
 * docs/performance.md), for an answer nothing may write to anyway. Redux Toolkit's immutability
 * check is likewise a development-only guard.
 */
export const FREEZE_SHARED = process.env.NODE_ENV !== 'production';

/**
 * Freeze a decoded answer all the way down (outside production, see above). One response object is
 * shared by every coalesced caller and by every cache hit, so a mapper that mutated it would corrupt
 * the others' data; frozen, such a mapper fails loudly instead of silently. Freezing is O(size) once per
 * upstream answer, cheaper than cloning per caller.
 */
export function deepFreeze<T>(value: T): T {
  if (FREEZE_SHARED) return freezeAll(value);
  if (value !== null && typeof value === 'object') unfrozenShared.add(value);
  return value;
}

/**
 * Freeze one mapped record that several readers share (a client of a list's index, a job of a page),
 * outside production as deepFreeze does; in production leave it as it is. Unlike deepFreeze it does not
 * mark the record as a shared answer: only lists are asked that (isSharedAnswer, for their index by id),
 * and the mark is a WeakSet entry per record — 0.07 ms of a cold dashboard page's 3 ms (profiled).
 */
export function freezeRecord<T>(value: T): T {
  return FREEZE_SHARED ? freezeAll(value) : value;
}

/** What deepFreeze was handed in production: shared like a frozen answer, but not frozen. */
const unfrozenShared = new WeakSet<object>();

/**
 * Whether `value` is a shared answer (deep-frozen, or handed to deepFreeze in production): nothing
 * writes to it, so what is derived from it (an index by id) may be kept beside it.
 */
export function isSharedAnswer(value: object): boolean {
  return Object.isFrozen(value) || unfrozenShared.has(value);
}

function freezeAll<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as Record<string, unknown>)) freezeAll(child);
  return value;
}
