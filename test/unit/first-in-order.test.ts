import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../simulators/common/first-in-order.js';

/** A small deterministic generator: the same items on every run. */
function numbers(seed: number, n: number, range: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % range;
  });
}

describe('firstInOrder', () => {
  it('returns the same first k as a full sort, ties broken by position, for every k', () => {
    // Values 0..49 over 1 000 items: many ties, broken by original index as a stable sort would.
    const items = numbers(7, 1000, 50).map((value, at) => ({ value, at }));
    const compare = (a: { value: number; at: number }, b: { value: number; at: number }) => b.value - a.value || a.at - b.at;
    const sorted = [...items].sort(compare);
    for (const k of [1, 2, 3, 10, 32, 100, 999, 1000, 1500]) expect(firstInOrder(items, k, compare)).toEqual(sorted.slice(0, k));
  });

  it('returns nothing for k = 0 and everything sorted from an input shorter than k', () => {
    const compare = (a: number, b: number) => a - b;
    expect(firstInOrder([3, 1, 2], 0, compare)).toEqual([]);
    expect(firstInOrder([3, 1, 2], 5, compare)).toEqual([1, 2, 3]);
  });
});
