import { AsyncLocalStorage } from 'node:async_hooks';

/** What the pipeline tells about the writes it put on the wire for one piece of work. */
export interface WriteLedger {
  /** Authenticated writes that reached the upstream (an answer came, or the connection failed after sending). */
  sent: number;
}

const storage = new AsyncLocalStorage<WriteLedger>();
/** Mutations running with a ledger; the storage is switched off when none is (see runCountingWrites). */
let counting = 0;

/**
 * Runs `fn` with a ledger of its own: every authenticated write the pipeline sends for it, however
 * deep in datasources, is counted there. The idempotency store asks it whether an error came before or
 * after anything reached the upstream (src/mutations/idempotency.ts).
 *
 * An `AsyncLocalStorage` in use makes Node 20 run a hook on every promise the process makes, every
 * request's included (docs/performance.md): the storage is on only while a mutation runs, and switched
 * off again after the last one, so reads never pay for it.
 */
export function runCountingWrites<T>(fn: () => Promise<T>): { result: Promise<T>; ledger: WriteLedger } {
  const ledger: WriteLedger = { sent: 0 };
  const done = (): void => {
    counting -= 1;
    if (counting === 0) storage.disable();
  };
  counting += 1;
  let result: Promise<T>;
  try {
    result = storage.run(ledger, fn);
  } catch (error) {
    done();
    throw error;
  }
  result.then(done, done);
  return { result, ledger };
}

/** Called by the pipeline once per write attempt that may have reached the upstream. */
export function noteWriteSent(): void {
  const ledger = storage.getStore();
  if (ledger !== undefined) ledger.sent += 1;
}
