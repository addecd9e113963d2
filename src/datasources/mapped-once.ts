import { deepFreeze } from './pipeline/freeze.js';

/**
 * Maps each upstream answer once per mapper, however many requests read it. Answers the pipeline
 * returns are frozen and shared for as long as they are cached (and by coalesced callers), so their
 * mapped form can live beside them: keyed by the answer object (a WeakMap), it goes when the cached
 * answer goes. Re-mapping the cached client list on every request was the warm path's largest CPU
 * cost (docs/performance.md). The mapped value is frozen too: requests share it.
 *
 * Mappers take the answer's upstream instance as well (records carry it and their global ids). The
 * cache stays keyed by answer and mapper only: an answer belongs to the one instance that sent it.
 */
export class MappedOnce {
  private readonly byAnswer = new WeakMap<object, Map<Function, unknown>>();

  map<T, U>(body: unknown, mapper: (body: unknown, upstream: U) => T, upstream: U): T;
  map<T>(body: unknown, mapper: (body: unknown) => T): T;
  map<T, U>(body: unknown, mapper: (body: unknown, upstream?: U) => T, upstream?: U): T {
    if (typeof body !== 'object' || body === null) return mapper(body, upstream);
    let byMapper = this.byAnswer.get(body);
    if (!byMapper) {
      byMapper = new Map();
      this.byAnswer.set(body, byMapper);
    }
    if (byMapper.has(mapper)) return byMapper.get(mapper) as T;
    const mapped = deepFreeze(mapper(body, upstream));
    byMapper.set(mapper, mapped);
    return mapped;
  }
}
