import { queryPairs } from '../datasources/pipeline/query.js';
import { canonicalJson, compareCodeUnits } from '../util/canonical-json.js';
import { sha256Hex } from '../util/sha256.js';
import type { QueryValue } from '../datasources/pipeline/types.js';

/** Everything that decides an upstream answer, and so its cache (and coalescing) key. */
export interface CacheKeyParts {
  /** The upstream's configured `id`. */
  instanceId: string;
  /** The upstream identity whose rights shape the answer (SourceHooks.identity). */
  identity: string;
  method: string;
  path: string;
  query?: Record<string, QueryValue>;
  /** Headers that change the answer (Commvault `limit`/`offset`); auth headers never belong here. */
  headers?: Record<string, string>;
  /** JSON body of a POST read; hashed into the key. */
  body?: unknown;
}

/**
 * The key of one upstream answer. Instance and identity come first, so two callers with different
 * upstream rights never share an entry. The query is sorted by name with a stable sort (repeated
 * values keep their order, because BDR filter order can matter); header names are lower-cased and
 * sorted. The parts are JSON-encoded rather than joined, so no value can forge a separator and make
 * two different requests collide.
 */
export function cacheKey(parts: CacheKeyParts): string {
  const query = queryPairs(parts.query).sort(([a], [b]) => compareCodeUnits(a, b));
  const headers = Object.entries(parts.headers ?? {})
    .map(([name, value]): [string, string] => [name.toLowerCase(), value])
    .sort(([a], [b]) => compareCodeUnits(a, b));
  return JSON.stringify([
    parts.instanceId,
    parts.identity,
    parts.method.toUpperCase(),
    parts.path,
    query,
    headers,
    parts.body === undefined ? null : hashBody(parts.body),
  ]);
}

/** sha256 (hex) of the body's canonical JSON: object keys sorted, so `{a,b}` and `{b,a}` hash alike. */
/**
 * The upstream instance a key made by `cacheKey` belongs to (its first element), without parsing the
 * whole key; undefined for a key made otherwise. Instance ids are letters, digits, `.`, `_` and `-`
 * (config schema), so the id needs no JSON unescaping.
 */
export function instanceOfCacheKey(key: string): string | undefined {
  if (!key.startsWith('["')) return undefined;
  const end = key.indexOf('"', 2);
  return end > 2 ? key.slice(2, end) : undefined;
}

export function hashBody(body: unknown): string {
  return sha256Hex(canonicalJson(body));
}
