import { describe, expect, it } from 'vitest';
import { SettledLoader } from '../../src/loaders/settled-loader.js';

const squares = () => {
  const batches: number[][] = [];
  const loader = new SettledLoader<number, number>(
    async (keys) => {
      batches.push([...keys]);
      return keys.map((k) => (k < 0 ? new Error(`negative ${k}`) : k * k));
    },
    (k) => String(k),
  );
  return { loader, batches };
};

describe('SettledLoader', () => {
  it('answers through a promise until its batch has settled, then synchronously with the same value', async () => {
    const { loader, batches } = squares();
    const first = loader.resolve(3, (v) => `=${v}`);
    expect(first).toBeInstanceOf(Promise);
    expect(await first).toBe('=9');
    const second = loader.resolve(3, (v) => `=${v}`);
    expect(second).toBe('=9');
    expect(batches).toEqual([[3]]);
  });

  it('batches the keys loaded together and settles each of them', async () => {
    const { loader, batches } = squares();
    await loader.loadMany([1, 2, 4]);
    expect([1, 2, 4].map((k) => loader.resolve(k, (v) => v))).toEqual([1, 4, 16]);
    expect(batches).toEqual([[1, 2, 4]]);
  });

  it('never settles a failed key: resolving it rejects with the batch\'s error', async () => {
    const { loader } = squares();
    await loader.loadMany([-1]);
    const again = loader.resolve(-1, (v) => v);
    expect(again).toBeInstanceOf(Promise);
    await expect(again).rejects.toThrow('negative -1');
  });

  it('forgets a cleared key: it is loaded again', async () => {
    const { loader, batches } = squares();
    await loader.load(5);
    loader.clear(5);
    expect(loader.resolve(5, (v) => v)).toBeInstanceOf(Promise);
    await loader.load(5);
    expect(batches).toEqual([[5], [5]]);
    loader.clearAll();
    expect(loader.resolve(5, (v) => v)).toBeInstanceOf(Promise);
  });

  it('answers a settled key synchronously and from load() without running a batch', async () => {
    const { loader, batches } = squares();
    loader.settle(6, 99);
    expect(loader.resolve(6, (v) => v)).toBe(99);
    expect(await loader.load(6)).toBe(99);
    expect(batches).toEqual([]);
  });

  it('rejects a key primed with an error without running a batch', async () => {
    const { loader, batches } = squares();
    loader.prime(7, new Error('primed failure'));
    await expect(loader.resolve(7, (v) => v)).rejects.toThrow('primed failure');
    expect(batches).toEqual([]);
  });
});
