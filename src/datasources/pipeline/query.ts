import type { QueryValue } from './types.js';

/**
 * A request's query as name/value pairs, in the order given: an array repeats its name (BDR's
 * `filter=a&filter=b` is a union, so order and repetition matter), `undefined` drops the parameter.
 */
export function queryPairs(query: Record<string, QueryValue> | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  if (!query) return pairs;
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly (string | number)[]) pairs.push([name, String(item)]);
    else pairs.push([name, String(value)]);
  }
  return pairs;
}

/**
 * `?a=1&b=x%26y` or '' — names and values percent-encoded with encodeURIComponent, so a value holding
 * `&filter=`, `=`, `:` or `#` can never add, end or change a parameter.
 */
export function encodeQuery(pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')}`;
}
