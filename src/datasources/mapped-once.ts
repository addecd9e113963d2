import { deepFreeze } from './pipeline/freeze.js';

/** The property of an answer that holds its mapped forms (a symbol: not data, never serialized). */
const MAPPED = Symbol('mappedOnce');

type Mappings = Map<Function, unknown>;

/**
 * Maps each upstream answer once per mapper, however many requests read it. Answers the pipeline
 * returns are shared for as long as they are cached (and by coalesced callers), so their mapped form
 * can live beside them: it hangs off the answer itself, and goes when the cached answer goes.
 * Re-mapping the cached client list on every request was the warm path's largest CPU cost
 * (docs/performance.md). The mapped value is frozen too: requests share it.
 *
 * Not a WeakMap keyed by the answer: a mapped value refers to its answer's data (a lazy page reads its
 * jobs from it), and V8's young-generation collections keep a WeakMap's value — and what it refers to —
 * while its entry stands, so every short-lived answer (a cold page's) was promoted to the old
 * generation whole, with its mapped page, and freed only by a full collection (docs/performance.md,
 * "Pages promoted to the old generation"). A property dies with the answer at the first collection
 * after its last reader. Answers are frozen outside production (freeze.ts): there the mapped forms of
 * an answer frozen before its first mapping are kept in a WeakMap instead.
 *
 * Mappers take the answer's upstream instance as well (records carry it and their global ids). The
 * memo stays keyed by answer and mapper only: an answer belongs to the one instance that sent it.
 */
export class MappedOnce {
  private readonly ofFrozen = new WeakMap<object, Mappings>();

  map<T, U>(body: unknown, mapper: (body: unknown, upstream: U) => T, upstream: U): T;
  map<T>(body: unknown, mapper: (body: unknown) => T): T;
  map<T, U>(body: unknown, mapper: (body: unknown, upstream?: U) => T, upstream?: U): T {
    if (typeof body !== 'object' || body === null) return mapper(body, upstream);
    const byMapper = this.mappingsOf(body);
    if (byMapper.has(mapper)) return byMapper.get(mapper) as T;
    const mapped = deepFreeze(mapper(body, upstream));
    byMapper.set(mapper, mapped);
    return mapped;
  }

  private mappingsOf(body: object): Mappings {
    const own = (body as { [MAPPED]?: Mappings })[MAPPED];
    if (own !== undefined) return own;
    const made: Mappings = new Map();
    if (Object.isExtensible(body)) {
      Object.defineProperty(body, MAPPED, { value: made });
      return made;
    }
    const kept = this.ofFrozen.get(body);
    if (kept !== undefined) return kept;
    this.ofFrozen.set(body, made);
    return made;
  }
}
