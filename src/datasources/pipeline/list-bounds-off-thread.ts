import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ListBounds } from './json-bytes.js';
import type { ListBoundsAnswer, ListBoundsAsk } from './list-bounds-messages.js';

/** With one core only, the worker would take turns with this thread: the messages to it are then all it adds. */
const SPARE_CORE = availableParallelism() > 1;

/**
 * Lists sent to the worker and not yet settled here, past which this thread matches the next one
 * itself: a bound on what a burst from a few hundred upstreams may queue. It counts replies this
 * thread has not yet taken too (they wait behind the answers it is receiving), so it sits above a
 * 50-upstream burst: at 32, about a third of such a page's lists were matched here after all (its
 * profile), and 64 read 0.1–1.8 ms faster in the same runs (docs/performance.md). Sharing a burst on
 * purpose did not pay either: at 2 or 8 the page came 2–3 ms later.
 */
const MAX_QUEUED = 64;

/**
 * Matches a large answer's lazy lists item by item on a worker thread, while the event loop goes on
 * with other answers. A fan-out page over 50 CommServes receives fifty 67 KB job lists at once; matching
 * their brackets was half of the page's CPU on the event loop, one list after another
 * (docs/performance.md). Here the worker matches them while the event loop receives and merges the
 * others: the page's time after the last answer arrives is what either thread does, not their sum.
 *
 * The worker is one per process, started at the first large answer and never holding the process open.
 * Until it is ready, and if it ever fails, `find` answers undefined and the caller matches the lists
 * itself (json-bytes.ts does). The answer's memory is lent to the worker, not copied (copying fifty
 * answers into shared memory cost more than the messages: docs/performance.md); were the worker to
 * stop while it holds one, that call fails (LOST) and a read is retried.
 */
export class ListBoundsWorker {
  #worker?: Worker;
  #ready = false;
  #failed = false;
  #nextId = 0;
  readonly #pending = new Map<number, (matched: Matched) => void>();

  /** `spawn`: how the worker is started (tests start one that fails). */
  constructor(private readonly spawn: () => Worker = spawnWorker) {}

  /**
   * The answer's bytes handed back with its lists' bounds, or undefined at once when the caller should
   * find them itself. The memory of `bytes` goes to the worker meanwhile: `bytes` is empty from now on,
   * and what the promise gives is to be read instead.
   */
  find(bytes: Uint8Array, lazyLists: ReadonlySet<string>): Promise<Matched> | undefined {
    if (this.#failed || !SPARE_CORE || !ownsItsMemory(bytes)) return undefined;
    if (!this.#worker) this.#start();
    if (!this.#ready || this.#pending.size >= MAX_QUEUED) return undefined;
    const worker = this.#worker;
    if (!worker) return undefined;
    const id = ++this.#nextId;
    const memory = bytes.buffer as ArrayBuffer;
    const ask: ListBoundsAsk = { id, bytes: memory, lazyLists: [...lazyLists] };
    try {
      worker.postMessage(ask, [memory]);
    } catch {
      // Not sent (memory that cannot be transferred): nothing is owed, the bytes are still here.
      return undefined;
    }
    // Held open only while it owes an answer; the answer comes on a later turn of the event loop.
    if (this.#pending.size === 0) worker.ref();
    return new Promise((resolve) => this.#pending.set(id, resolve));
  }

  #settle(id: number, matched: Matched): void {
    const resolve = this.#pending.get(id);
    if (!resolve) return;
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker?.unref();
    resolve(matched);
  }

  #start(): void {
    let worker: Worker;
    try {
      worker = this.spawn();
    } catch {
      this.#failed = true;
      return;
    }
    this.#worker = worker;
    worker.on('message', (message: ListBoundsAnswer | 'ready') => {
      if (message === 'ready') this.#ready = true;
      else this.#settle(message.id, { bytes: Buffer.from(message.bytes), lists: message.lists });
    });
    const fail = (why: unknown): void => {
      if (this.#failed) return;
      this.#failed = true;
      this.#ready = false;
      void worker.terminate().catch(() => undefined);
      // Nothing fails for it, so say it once where operators look: the gateway goes on, slower on large lists.
      process.emitWarning(`the lazy-list worker stopped (${why instanceof Error ? why.message : `exit code ${String(why)}`}); large lists are matched on the event loop from now on`, { code: 'BACKUP_GRAPH_LIST_WORKER' });
      // The answers it held went with it.
      for (const resolve of this.#pending.values()) resolve(LOST);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    // A message that cannot be read on arrival is dropped: its answer would never come.
    worker.on('messageerror', fail);
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
  }
}

/** What `find` gives: the bytes back with the bounds, or LOST when the worker stopped holding them. */
export type Matched = { bytes: Buffer; lists: ListBounds[] | undefined } | typeof LOST;
export const LOST = 'lost';

/** Whether the bytes span all of their memory, which can then be lent to the worker whole (http-client.ts joins answers so). */
function ownsItsMemory(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
}

/**
 * The worker, from the compiled `.js` beside this file; run from the TypeScript sources (tsx, the tests)
 * it loads its `.ts` entry through tsx, which a worker thread does not inherit from `--import`. It takes
 * none of the process's flags: they are the main program's (`--input-type` with `-e` made it fail to start).
 */
function spawnWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./list-bounds-worker.js', here), { execArgv: [] });
  const entry = new URL('./list-bounds-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsxEsmApi(here))}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`;
  return new Worker(code, { eval: true, execArgv: [] });
}

/** tsx's ESM API module, as an `import` from `from` resolves it (require.resolve would give its CommonJS twin). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

export const listBoundsWorker = new ListBoundsWorker();
