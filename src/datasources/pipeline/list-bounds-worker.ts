/**
 * The worker thread of list-bounds-off-thread.ts: finds the lazy lists of an answer's bytes
 * (json-bytes.ts `lazyListBounds`) and hands the bytes back with where the lists' items lie. It keeps
 * nothing between messages.
 */
import { parentPort } from 'node:worker_threads';
import { lazyListBounds, type ListBounds } from './json-bytes.js';
import type { ListBoundsAnswer, ListBoundsAsk } from './list-bounds-messages.js';

const port = parentPort;
if (port) {
  port.on('message', ({ id, bytes, lazyLists }: ListBoundsAsk) => {
    let lists: ListBounds[] | undefined;
    try {
      lists = lazyListBounds(new Uint8Array(bytes), new Set(lazyLists));
    } catch {
      lists = undefined;
    }
    const answer: ListBoundsAnswer = { id, bytes, lists };
    port.postMessage(answer, [bytes, ...(lists?.map((l) => l.items.buffer as ArrayBuffer) ?? [])]);
  });
  // An ask that cannot be read would never be answered: stopping says so (its caller hears LOST).
  port.on('messageerror', () => process.exit(1));
  port.postMessage('ready');
}
