import { describe, expect, it } from 'vitest';
import { lazyLoaderSet } from '../../src/loaders/lazy-loaders.js';

interface Loaders {
  clients: { madeFor: string; n: number };
  jobs: { madeFor: string; n: number };
  plans: { madeFor: string; n: number };
}

describe('lazyLoaderSet', () => {
  function counting() {
    const made: string[] = [];
    const maker = (name: keyof Loaders) => (request: string) => {
      made.push(`${name}@${request}`);
      return { madeFor: request, n: made.length };
    };
    const create = lazyLoaderSet<Loaders, string>({ clients: maker('clients'), jobs: maker('jobs'), plans: maker('plans') });
    return { made, create };
  }

  it('makes a loader only when it is first read, and hands out the same one after', () => {
    const { made, create } = counting();
    const set = create('req-1');
    expect(made).toEqual([]);
    const first = set.jobs;
    expect(set.jobs).toBe(first);
    expect(made).toEqual(['jobs@req-1']);
    expect(set.clients.madeFor).toBe('req-1');
    expect(made).toEqual(['jobs@req-1', 'clients@req-1']);
  });

  it("gives each request its own loaders, made with that request's argument", () => {
    const { made, create } = counting();
    const a = create('req-a');
    const b = create('req-b');
    expect(a.plans).not.toBe(b.plans);
    expect([a.plans.madeFor, b.plans.madeFor]).toEqual(['req-a', 'req-b']);
    expect(made).toEqual(['plans@req-a', 'plans@req-b']);
  });

  it('lists every loader name, as the eager object did', () => {
    const { create } = counting();
    const set = create('req-1');
    expect(Object.keys(Object.getPrototypeOf(set)).sort()).toEqual(['clients', 'jobs', 'plans']);
    expect('clients' in set).toBe(true);
  });
});
