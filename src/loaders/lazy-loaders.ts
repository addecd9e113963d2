/** How to make each loader of a set from the request's source picker. */
export type LoaderMakers<T, A> = { readonly [K in keyof T]: (arg: A) => T[K] };

/**
 * A product's loaders for one request, each made on first use: a request builds the loaders its fields
 * read, not all of them (a Commvault request used to build 25 DataLoaders — their caches, closures and
 * batch state — to read one; profiled, docs/performance.md). The getters are defined once per set, on
 * a class of its own, so every request's set has one shape and costs one object and one slot array.
 */
export function lazyLoaderSet<T extends object, A>(makers: LoaderMakers<T, A>): (arg: A) => T {
  const keys = Object.keys(makers) as Array<keyof T & string>;
  class Loaders {
    readonly slots: unknown[] = new Array<unknown>(keys.length);
    constructor(readonly arg: A) {}
  }
  keys.forEach((key, i) => {
    const make = makers[key];
    Object.defineProperty(Loaders.prototype, key, {
      enumerable: true,
      get(this: Loaders): unknown {
        return (this.slots[i] ??= make(this.arg));
      },
    });
  });
  return (arg) => new Loaders(arg) as unknown as T;
}
