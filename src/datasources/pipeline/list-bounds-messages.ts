import type { ListBounds } from './json-bytes.js';

/**
 * What list-bounds-off-thread.ts and its worker (list-bounds-worker.ts) send each other. The answer's
 * memory is transferred, not copied: the worker has it while it matches the lists, then hands it back
 * with their bounds.
 */
export interface ListBoundsAsk {
  id: number;
  bytes: ArrayBuffer;
  lazyLists: readonly string[];
}

export interface ListBoundsAnswer {
  id: number;
  bytes: ArrayBuffer;
  /** Undefined when the bytes were not an answer with such lists (the caller then parses them itself). */
  lists: ListBounds[] | undefined;
}
