import DataLoader from 'dataloader';

/**
 * A DataLoader that remembers what its batches answered, so a resolver can hand graphql-js an already
 * loaded value instead of a promise (`resolve`). graphql-js completes every object with a
 * promise-returning field through a promise of its own (and so its parents, up to the list): on a warm
 * 100-job page those promises cost more than the rest of the gateway's execution (docs/performance.md).
 * A connection that preloads a page's relations (see `preloadJobClients`) lets those fields stay synchronous.
 */
export class SettledLoader<K, V> extends DataLoader<K, V, string> {
  private readonly settled: Map<string, V>;

  constructor(
    batch: DataLoader.BatchLoadFn<K, V>,
    private readonly keyOf: (key: K) => string,
  ) {
    const settled = new Map<string, V>();
    super(
      async (keys) => {
        const answers = await batch(keys);
        for (let i = 0; i < answers.length; i++) {
          const answer = answers[i];
          if (!(answer instanceof Error)) settled.set(keyOf(keys[i]), answer);
        }
        return answers;
      },
      { cacheKeyFn: keyOf },
    );
    this.settled = settled;
  }

  /** `then(value)` now when the key's value is loaded, else once it is; a failed load rejects. */
  resolve<R>(key: K, then: (value: V) => R): R | Promise<R> {
    const k = this.keyOf(key);
    if (this.settled.has(k)) return then(this.settled.get(k) as V);
    return this.load(key).then(then);
  }

  /** The settled value when the key has one (no promise from the cache, no batch), else DataLoader's load. */
  override load(key: K): Promise<V> {
    const k = this.keyOf(key);
    if (this.settled.has(k)) return Promise.resolve(this.settled.get(k) as V);
    return super.load(key);
  }

  /**
   * Takes a value the caller already holds (e.g. from a list it fetched itself) as the key's answer:
   * `resolve` and `load` give it without a batch. Not primed into DataLoader's cache: a page settles a
   * hundred keys, and a resolved promise per key is what `resolve` exists to avoid.
   */
  settle(key: K, value: V): void {
    const k = this.keyOf(key);
    if (!this.settled.has(k)) this.settled.set(k, value);
  }

  override clear(key: K): this {
    this.settled.delete(this.keyOf(key));
    return super.clear(key);
  }

  override clearAll(): this {
    this.settled.clear();
    return super.clearAll();
  }
}
