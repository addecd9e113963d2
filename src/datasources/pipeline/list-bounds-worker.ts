/**
 * The worker thread of list-bounds-off-thread.ts: finds the lazy lists of an answer's bytes
 * (json-bytes.ts `lazyListBounds`) and hands back where their items lie. It keeps nothing between messages.
 */
import { parentPort } from 'node:worker_threads';
import { lazyListBounds, type ListBounds } from './json-bytes.js';

export interface ListBoundsAsk {
  id: number;
  bytes: Uint8Array;
  lazyLists: readonly string[];
}

export interface ListBoundsAnswer {
  id: number;
  /** Undefined when the bytes were not an answer with such lists (the caller then parses them itself). */
  lists: ListBounds[] | undefined;
}

const port = parentPort;
if (port) {
  port.on('message', ({ id, bytes, lazyLists }: ListBoundsAsk) => {
    let lists: ListBounds[] | undefined;
    try {
      lists = lazyListBounds(bytes, new Set(lazyLists));
    } catch {
      lists = undefined;
    }
    const answer: ListBoundsAnswer = { id, lists };
    port.postMessage(answer, lists?.map((l) => l.items.buffer as ArrayBuffer) ?? []);
  });
  port.postMessage('ready');
}
