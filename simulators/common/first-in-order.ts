/**
 * The first `k` items in `compare` order, sorted, in one pass over `items` with a max-heap of the best
 * `k` seen: O(n log k) where sorting everything is O(n log n). `compare` must be a total order (ties
 * broken) for the result to equal `[...items].sort(compare).slice(0, k)`.
 */
export function firstInOrder<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  const heap: T[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[i] as T, heap[parent] as T) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && compare(heap[l] as T, heap[top] as T) > 0) top = l;
      if (r < heap.length && compare(heap[r] as T, heap[top] as T) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top] as T, heap[i] as T];
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare);
}
