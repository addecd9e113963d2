// Type only: the interface Apollo Server's `persistedQueries.cache` takes (a dependency of @apollo/server).
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { ApqStore } from './apq-store.js';

/** Apollo prefixes every APQ key with this before calling the cache (`APQ_CACHE_PREFIX` in its pipeline). */
const APOLLO_APQ_PREFIX = 'apq:';

/**
 * Adapts an ApqStore to the KeyValueCache Apollo Server's built-in APQ uses. Apollo's key is
 * `apq:<sha256 hex>`; the store is keyed by the bare hash so its Redis keys read `bg:apq:<hex>`. The
 * store decides the TTL (config), not Apollo's per-call `ttl`.
 */
export function apolloApqCache(store: ApqStore): KeyValueCache<string> {
  const hashOf = (key: string) => (key.startsWith(APOLLO_APQ_PREFIX) ? key.slice(APOLLO_APQ_PREFIX.length) : key);
  return {
    get: (key) => store.get(hashOf(key)),
    set: (key, value) => store.set(hashOf(key), value),
    // Apollo never deletes APQ entries; they expire.
    delete: async () => false,
  };
}
