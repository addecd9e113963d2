import { AsyncLocalStorage } from 'node:async_hooks';

/** What the pipeline tells about the writes it put on the wire for one piece of work. */
export interface WriteLedger {
  /** Authenticated writes that reached the upstream (an answer came, or the connection failed after sending). */
  sent: number;
}

const storage = new AsyncLocalStorage<WriteLedger>();

/**
 * Runs `fn` with a ledger of its own: every authenticated write the pipeline sends for it, however
 * deep in datasources, is counted there. The idempotency store asks it whether an error came before or
 * after anything reached the upstream (src/mutations/idempotency.ts).
 */
export function runCountingWrites<T>(fn: () => Promise<T>): { result: Promise<T>; ledger: WriteLedger } {
  const ledger: WriteLedger = { sent: 0 };
  return { result: storage.run(ledger, fn), ledger };
}

/** Called by the pipeline once per write attempt that may have reached the upstream. */
export function noteWriteSent(): void {
  const ledger = storage.getStore();
  if (ledger !== undefined) ledger.sent += 1;
}
